"""The rule tables of event extraction, as data a reader can audit.

Every table here is read by `loaders.extraction`; nothing in it names one article. Patterns are
regular expressions matched case-insensitively on one sentence unless a table says otherwise.

- TRIGGERS: words that report an encounter -> its kind, CAMEO code and PLOVER mode.
- NOT_ENCOUNTERS: contexts in which a trigger word reports no diplomatic encounter.
- CANCEL_CUES, PLAN_CUES, PAST_PLAN_CUES, HELD_CUES: status (held | planned | cancelled).
- ABSENCE_CUES, REPRESENTED_CUES: who did not take part (and when a leader's absence is not
  his country's).
- MEDIATOR_CUES, HOST_CUES: hosts and mediators that are not parties.
- HEAD_CUES: "headed by X", "X headed the Y delegation".
- REPORTING_CUES: "said on Sunday" dates the report, not the encounter.
- LOCATION_PREPOSITIONS: a place after these words is where, not who.
- ANAPHORA: "the talks", "that meeting": an encounter already told.
- GROUP_REFERENCES: "the two nations", "both sides": the countries in play.
- CLAUSE_BREAKS, RELATIVE_CLAUSE, COORDINATED_BETWEEN, PREDICATE_BETWEEN, SEQUENCE_VERBS,
  LIST_JOIN, OPENING_DATE, HEADLINE_FUTURE, OPENING_SUBORDINATE, SUBJECT_GAP, COORDINATED_VERB,
  APPOSITIVE_ORDINAL, RELATIVE_VERB: how English ties a trigger to its clause, to the trigger
  before it, to its subject, and to the dates and names around it.
- SERIES_CUES, COUNTING_BEFORE: how often, which makes no single encounter.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    pattern: str   # regular expression, matched case-insensitively
    kind: str      # meeting | talks | summit | call | visit
    cameo: str     # CAMEO code of the encounter
    plover: str | None  # PLOVER CONSULT mode, None where the kind does not fix it


#: What states sign: the object of a signing trigger.
AGREEMENT_NOUNS = (r"(?:accords?|agreements?|treaty|treaties|deal|declaration|memorandum|protocol|final act|"
                   r"pact|communiqu[eé]|charter|convention|armistice|ceasefire|truce|(?:final |joint )?documents?)")

#: Officials hosted from elsewhere, and so met ("to host national security advisers from Ukraine").
HOSTED_OFFICIALS = (r"(?:(?:national )?security advisers|(?:foreign |defen[cs]e )?ministers|envoys|negotiators|delegations|"
                    r"officials)")

#: People a leader hosts, and so meets ("hosted the leaders of Peru and Bolivia"); one who hosts
#: talks or a conference is their host, not a party.
HOSTED_PEOPLE = (r"(?:leaders?|presidents?|prime ministers?|counterparts?|delegations?|foreign ministers?|"
                 r"heads of (?:state|government)|king|emir)")

#: The words that number a round of talks ("the second round", "a new round").
ROUND_ORDINALS = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|next|new|latest)"

#: The title of a head of state or government, a minister or another dignitary, as written
#: before a name (case-sensitive).
LEADER_TITLE = (r"(?-i:(?:(?:Vice[- ])?President|(?:Foreign |Defen[cs]e )?Minister|Prime Minister|Secretary|"
                r"Premier|Chancellor|King|Queen|Emperor|Emir|Sultan|Crown Prince|General|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Pope|Sheikh)\b)")

#: The same roles written in lower case after a possessive ("Vietnam's leader", "Peru's president").
LEADER_ROLE = (r"(?:(?:new|visiting|former|acting|interim) )?(?:(?:deputy|vice|first) )?(?:president|vice[- ]president|prime minister|premier|chancellor|"
               r"leader|king|queen|emir|sultan|crown prince|(?:foreign |defen[cs]e )?minister|head of (?:state|government))\b")

#: A word of order standing for an encounter noun left out ("the most recent took place in Delhi").
ORDER_ONLY = r"(?:most recent|latest|previous|last|next)(?: one)?"

#: How a conversation at a distance is held: "by phone", "over the telephone", "by video link".
BY_PHONE = r"(?:by|over the|on the|via|through) (?:tele)?phone|(?:by|via|over|through) video(?: link| conference| call)?"
#: Between talks and the words of a phone that make them a call: "held talks with X by phone",
#: "talks between A and B, held by phone".
BY_PHONE_BETWEEN = r"\s+(?:with\s+[^,;.]{0,60}?\s+)?|(?:\s+between\s+[^;.]{0,60}?)?,?\s+(?:(?:were|was)\s+)?held\s+"

#: A weekday and a month by name, as written in English (case-insensitive in the triggers).
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: A month by its first three letters, abbreviated or in full ("Jan.", "February").
MONTH_PREFIX = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"

#: Two leaders named before a verb of talking: "... and Putin spoke", "... and Xi had talked".
PAIR_SPOKE = r"(?<= and )(?:(?-i:[A-Z])[\w.'’-]+ ){1,3}(?:(?:have|had|also|again) )?(?:spoke|talked)(?! (?:of|about)\b)"
#: Told face to face: on a gathering's sidelines, in person.
IN_PERSON = r"\b(?:on the (?:sidelines|margins)|in person|face to face)\b"
#: A leader called, by name with an optional title ("called Mr. Putin", "calls President Lula").
CALLED_LEADER = (r"(?:called|calls|calling)(?= (?:(?:Mr\.? |Mrs\.? |Ms\.? |President |Prime Minister |Chancellor |King )?"
                 r"(?-i:[A-Z])[\w'’.-]+(?: (?-i:[A-Z])[\w'’.-]+)?)")

#: What a leader is called to do: a call made to say something.
CALLED_TO = (r"(?:congratulate|discuss|offer|express|thank|wish|convey|brief|ask|urge|invite|press|reassure|apologi[sz]e|"
             r"protest|condole)\b")

#: Speaking with someone, in any tense ("spoke with", "had spoken with", "will speak with",
#: "is to talk with", "talked to"; not the noun "talks with").
SPOKE_WITH = (r"(?:spoke|spoken|speak|speaks|speaking|talked|(?<=will )talk|(?<=to )talk|(?<=would )talk) "
              r"(?:\w+ )?(?:with|to)")
#: News outlets: someone who "spoke with Reuters on Tuesday" gave an interview, held no call.
NEWS_OUTLETS = r"(?:Reuters|AFP|AP|the Associated Press|Bloomberg|CNN|BBC|Fox News|NBC|CBS|ABC|Xinhua|TASS|Sky News|Al Jazeera)"
#: Houses addressed: someone who "spoke to Congress" made a speech, held no call.
HOUSES = r"(?:Congress|Parliament|the Senate|the House|the Knesset|the Duma|the Bundestag|the Diet|the Assembly)"

# Longer phrases first: the first pattern that matches a stretch of text wins it.
TRIGGERS = (
    # calls: the mode is in the words
    Trigger(r"(?:tele)?phone (?:call|conversation|talks?|meeting|discussion|exchange)s?", "call", "041", "phone"),
    Trigger(r"(?:spoke|speak|talked|talk|held talks|met) (?:by|via|over|through) video(?: link| conference| call)?", "call", "041", "phone"),
    Trigger(r"video (?:call|conference|link)s?", "call", "041", "phone"),
    Trigger(r"spoke (?:by|over the|on the) (?:tele)?phone", "call", "041", "phone"),
    Trigger(r"calls? (?:between|with)", "call", "041", "phone"),
    # "phoned President X", "exchanged views by telephone", "talked over the phone"
    Trigger(r"(?:phoned|telephoned|rang|(?:tele)?phones|(?<=will )(?:tele)?phone|(?<=to )(?:tele)?phone)"
            r"(?=(?-i: (?:the |his |her |their )?(?:[A-Z][\w.'’-]+ ){0,3}[A-Z]))", "call", "041", "phone"),
    # "called his Peruvian counterpart on Monday": a call to a counterpart ("called on" is a visit)
    Trigger(r"(?:called|calls|calling) (?:his|her|their) (?:[\w-]+ )?counterparts?\b", "call", "041", "phone"),
    Trigger(r"(?:by|over the|on the) (?:tele)?phone(?! (?:number|line|company|bill))", "call", "041", "phone"),
    Trigger(r"(?:by|via|over|through) video(?: link| conference| call)", "call", "041", "phone"),
    # a readout's "spoke today with President X", "spoke with her counterpart": a conversation
    # at a distance unless told in person (a place or "met" makes it a meeting elsewhere)
    # "Trump and Putin spoke for two hours on Tuesday": two leaders who spoke, told without a
    # place, spoke at a distance
    Trigger(PAIR_SPOKE + r"(?= (?:for|on|at length|again|by|today|yesterday|late|early|this|last|twice)\b)"
            r"(?!(?: \w+){0,6} (?:in|at) (?-i:[A-Z]))"
            # ... but talk on a gathering's sidelines, or in person, is had face to face
            r"(?![^.;]{0,60}" + IN_PERSON + ")", "call", "041", "phone"),
    Trigger(PAIR_SPOKE + r"(?=[^.;]{0,60}" + IN_PERSON + ")", "meeting", "040", None),
    # "Trump spoke with Putin for two hours on Tuesday": a leader named alone after the verb
    # (a news outlet or a house is no leader: "spoke with Reuters on Tuesday", "spoke to Congress")
    Trigger(SPOKE_WITH + r"(?= (?!(?:" + NEWS_OUTLETS + "|" + HOUSES + r")\b)"
            r"(?-i:[A-Z][\w'’-]+)(?: (?-i:[A-Z][\w'’-]+))? (?:for|on|by|about|late|early|today|yesterday|again|twice)\b)",
            "call", "041", "phone"),
    Trigger(SPOKE_WITH + r"(?= (?:his |her |their |the )?(?:[\w.'’-]+ ){0,3}?(?:counterparts?|[Pp]resident|[Pp]rime [Mm]inister|"
            r"[Ff]oreign [Mm]inister|[Cc]hancellor|[Kk]ing|[Ee]mir|[Ss]ecretary|leaders?)\b)", "call", "041", "phone"),
    Trigger(r"(?:held|had|made) (?:a |an )?(?:[\w-]+ )?call", "call", "041", "phone"),
    # "called Mr. Putin in March to congratulate him": a call made to say something (not "called
    # him a liar", "called on Lima to withdraw")
    Trigger(r"(?:called|calls|calling)(?= (?:him|her|them)(?: [\w'’.-]+){0,6}? to " + CALLED_TO + ")|" +
            CALLED_LEADER + r"(?: [\w'’.-]+){0,6}? to " + CALLED_TO + ")", "call", "041", "phone"),
    # "Biden called Xi on Monday": a leader called, then a time (not "called Xi a dictator")
    Trigger(CALLED_LEADER + r" (?:on " + WEEKDAY + r"|late|early|yesterday|today|last (?:week|night|month)|"
            r"this (?:week|morning|afternoon|evening)|twice|again|from)\b)", "call", "041", "phone"),
    # "Putin also called U.S. President Donald Trump, who ...": a leader called by title and name,
    # nothing said of him after the name (not "called President X a liar")
    Trigger(r"(?:called|calls|calling)(?= (?:(?-i:[A-Z])[\w.]*\s+)?(?-i:President|Prime Minister|Chancellor|King|Emir|Crown Prince|"
            r"Premier)(?:\s+(?-i:[A-Z])[\w'’.-]+){1,3}(?:\s*[,.;]|\s+(?:on|to|and|from|in|after|late|early|for)\b))",
            "call", "041", "phone"),
    # "told his counterpart in a call on Monday"; "a call for calm" is an appeal
    Trigger(r"call(?:(?<=\bin a call)|(?<=\bon a call)|(?<=\bduring a call)|(?<=\bin their call)|(?<=\bof their call)|"
            r"(?<=\bduring their call)|(?<=\bduring the call)|(?<=\bin the call))"
            r"(?!\s+(?:for|to)\b|\s+on\s+(?!" + WEEKDAY + "))", "call", "041", "phone"),
    # "Their longest call, on March 18, ran for two hours": the call of the pair told before
    # (not "their call for a truce", "their call to arms")
    Trigger(r"(?<=\b[Tt]heir )(?:(?:first|second|third|last|latest|previous|next|longest|shortest|most recent|"
            r"recent|earlier|brief|lengthy|hour-long|\d+-minute) )?call(?!\s+(?:for|to)\b|-|\s+on\s+(?!" + WEEKDAY + "|" + MONTH_PREFIX + r"|\d))",
            "call", "041", "phone"),
    # summits
    Trigger(r"summit(?:s| meeting| talks)?", "summit", "040", "multilateral"),
    # a meeting of heads of state or government is a summit, whatever the noun
    Trigger(r"leaders['’]? (?:\w+ )?(?:meeting|talks|gathering)s?", "summit", "040", "multilateral"),
    # talks and negotiations
    Trigger(r"(?:peace |round of |rounds of )?talks", "talks", "046", None),
    # "negotiations" alone is often domestic ("debt ceiling negotiations"): ask for a party or a verb
    Trigger(r"(?:start(?:ed|s)?|began|begun|held|hold|holding|resum(?:ed|e|es)|open(?:ed)?|launch(?:ed)?|round of) "
            r"(?:[\w-]+ )?negotiations", "talks", "046", None),
    Trigger(r"negotiations? (?=with|between)", "talks", "046", None),
    # "two days of negotiations", "hours of negotiations" (months of them are a process)
    Trigger(r"(?:(?<=\bdays of )|(?<=\bhours of )|(?<=\bday of ))(?:\w+ )?negotiations", "talks", "046", None),
    # a dialogue or consultations held between states: "held their first strategic dialogue"
    Trigger(r"(?:held|hold|holds|holding) (?:a |an |the |their |its )?(?:[\w-]+ ){0,2}?(?:dialogue|consultations)", "talks", "046", None),
    # negotiating at a named place is talks there ("they negotiated in Geneva for a week"); the
    # verb alone is often a process ("negotiated the treaty over three years")
    Trigger(r"negotiat(?:e|ed|es|ing)(?= (?:in|at) (?:the )?[A-Z])", "talks", "046", None),
    # negotiations named by what states negotiate ("peace negotiations", "nuclear negotiations")
    Trigger(r"(?:peace|nuclear|ceasefire|cease-fire|armistice|border|arms|disarmament|accession|status) negotiations", "talks", "046", None),
    # negotiations named by how they went ("marathon negotiations", "closed-door negotiations")
    Trigger(r"(?:marathon|intensive|intense|lengthy|protracted|tough|difficult|fresh|direct|indirect|secret|"
            r"closed-door|face-to-face|high-level|formal|final|last-ditch|round-the-clock) negotiations", "talks", "046", None),
    # days or hours of negotiations are an encounter; "months of negotiations" is a process
    Trigger(r"(?:days?|rounds?|hours?) of (?:\w+ )?negotiations", "talks", "046", None),
    Trigger(r"(?<=the )(?:\w+ )?negotiations?", "talks", "046", None),
    Trigger(r"consultations", "talks", "046", None),
    # a numbered round of the talks an article follows ("April 12 - First round in Muscat"), not
    # of a vote, a draft or a tournament
    Trigger(ROUND_ORDINALS + r" round(?:[- ]?table(?![- ](?:meeting|talks|discussion|conference|negotiations)))?"
            r"(?![- ](?:of (?!talks|negotiations|consultations|dialogue)|match|game|tie|vote|voting|election|ballot|"
            r"runoff|run-off|draft|pick|knockout|qualif|exit|win|defeat|loss|victory|lead|score|table|[0-9])|"
            r" (?:against|bout|fight|knock|stoppage)\b)", "talks", "046", None),
    Trigger(r"rounds? of dialogue", "talks", "046", None),
    # rounds counted, whose list may follow ("The first three rounds were held in Belarus: on ...")
    Trigger(r"(?:two|three|four|five|six|seven|eight|nine|ten) rounds"
            r"(?! of (?!talks|negotiations|consultations|dialogue)|[- ](?:of )?(?:voting|vote|ballot|match))",
            "talks", "046", None),
    # a round table of the parties ("the first round-table, held in Geneva"); followed by its
    # own noun ("round-table meeting", "round-table talks"), that noun tells it
    Trigger(r"round[- ]?tables?(?![- ](?:meeting|talks|discussion|conference|negotiations))", "meeting", "040", None),
    # visits and trips
    Trigger(r"(?:state|official|working|two-day|three-day|one-day) visit", "visit", "042", "visit"),
    Trigger(r"visit(?:s|ed|ing)?", "visit", "042", "visit"),
    Trigger(r"trip(?:s)?", "visit", "042", "visit"),
    # "the journey Sadat made to Jerusalem" (not a figure of speech: "a journey towards peace")
    Trigger(r"journeys?(?= (?:to|through)\b| (?:(?-i:[A-Z])[\w'’.-]+ ){1,3}(?:made|took) to\b)", "visit", "042", "visit"),
    Trigger(r"tour(?:ed|s|ing)?(?= (?:of )?(?:the )?(?-i:[A-Z]))", "visit", "042", "visit"),
    Trigger(r"(?:arrived|arrives|arriving|landed|lands|touched down) in", "visit", "042", "visit"),
    # a stop on a journey: "stopped in Lima", "stopped over in Quito"
    Trigger(r"(?:stopped|stops|stopping|stop) (?:off |over )?in(?= (?-i:[A-Z]))", "visit", "042", "visit"),
    # "went on to Lima" is a journey, "went on to meet" what came next
    Trigger(r"(?:travel(?:s|led|ling|ed|ing)?|go(?:es|ing)?|went|head(?:s|ed)?|fl(?:y|ies|ew|ying|own)|jet(?:s|ted|ting)?) "
            r"(?:on to(?= (?:the )?(?-i:[A-Z]))|to)",
            "visit", "042", "visit"),
    Trigger(r"(?:fl(?:y|ies|ew|ying|own)) into(?= (?:the )?(?-i:[A-Z]))", "visit", "042", "visit"),
    # an itinerary: "will go on to Lima", "moves on to Quito", "a tour that took him to Peru and Chile"
    Trigger(r"(?:continu(?:e|es|ed|ing)|mov(?:e|es|ed|ing)) on to", "visit", "042", "visit"),
    Trigger(r"(?:take|takes|taking|took|taken) (?:him|her|them) (?:on )?to(?= (?:the )?(?-i:[A-Z]))", "visit", "042", "visit"),
    Trigger(r"(?:is|are|was|were) due in", "visit", "042", "visit"),
    Trigger(r"(?:leave|leaves|leaving|left|depart(?:s|ed|ing)?) for", "visit", "042", "visit"),
    # a state sending its envoy abroad: "Eritrea sent its foreign minister to Addis Ababa"
    Trigger(r"(?:sent|sends|send|dispatched|dispatches)(?= (?:its|his|her|their|a|an|the|two|three) (?:[\w'’.-]+,? ){0,5}?"
            r"(?:envoys?|delegations?|emissar(?:y|ies)|(?:foreign |prime |defen[cs]e )?ministers?|advis[eo]rs?|"
            r"representatives?|negotiators|diplomats|secretary of state)\b[^.;]{0,80}?\bto (?:the )?(?-i:[A-Z]))",
            "visit", "042", "visit"),
    # signings: an agreement between states signed or initialled (CAMEO 057); a contract or a
    # law has no party abroad and gives no row
    Trigger(r"sign(?:ed|s|ing)? (?:the |an |a |their |its )?(?:[\w-]+ ){0,3}?" + AGREEMENT_NOUNS, "signing", "057", None),
    Trigger(r"(?:formal |official )?signing ceremony|(?:formal )?signing of (?:the |an |a )?(?:[\w-]+ ){0,3}?" + AGREEMENT_NOUNS, "signing", "057", None),
    # "the formal signing will be in Lima next month": the act itself, told as a noun
    Trigger(r"(?<=the )(?:formal |official )?signing(?= (?:will|would|is|was|took|takes|is expected|is due|is set)\b)", "signing", "057", None),
    Trigger(r"initial(?:l)?ed (?:the |an |a |their )?(?:[\w-]+ ){0,3}?" + AGREEMENT_NOUNS, "signing", "057", None),
    Trigger(r"(?:(?:was|were|is|are|has been|have been|had been|will be) )?initial(?:l)?ed(?= (?:in|on|at|by)\b)", "signing", "057", None),
    # told from the agreement: "the treaty was signed in Paris", "The Elysee Treaty, signed on ..."
    Trigger(r"(?:(?:was|were|is|are|has been|have been|had been|will be|would be|(?:is|are|was|were) (?:due |set |expected )?to be) "
            r"(?:formally |officially )?)?signed(?: formally| officially)?(?= (?:in|on|at|by)\b)",
            "signing", "057", None),
    # meetings
    Trigger(r"(?:held|hold|holds|holding|had) (?:a |an |their |the )?(?:\w+ )?meeting", "meeting", "040", None),
    # time spent with a leader: "spent about three hours with Putin in the Kremlin"
    Trigger(r"spen[dt]s? (?:(?:about|some|nearly|almost|more than|over|another) )?(?:[\w-]+ )?(?:hours?|minutes|days?|an hour|"
            r"the (?:morning|afternoon|evening|day|night)) with(?= (?:the |his |her )?(?-i:[A-Z]))", "meeting", "040", None),
    # a host bringing leaders together: "brought together Lavrov and Kuleba in Antalya"
    Trigger(r"(?:brought|brings|bring|bringing) together(?= (?:the |its |their )?(?:(?-i:[A-Z])|(?:\w+ )?(?:leaders|ministers|presidents|"
            r"delegations|envoys|negotiators)\b))", "meeting", "040", None),
    Trigger(r"meet(?:s|ing|ings)?", "meeting", "040", None),
    Trigger(r"met", "meeting", "040", None),
    # a leader receiving others: "hosted the leaders of Peru and Bolivia", "hosts his counterpart"
    Trigger(r"(?:received|receives|welcomed|welcomes|hosted|hosts) (?:(?-i:[A-Z])[\w'’.-]+ ){0,2}(?-i:President|Prime Minister|"
            r"Foreign Minister|Chancellor|King|Queen|Emir|Crown Prince|Premier|Secretary|Vice President)\b", "meeting", "040", None),
    Trigger(r"(?:sat|sits|sit|sitting) down (?:(?:here|there|again|today|yesterday|\w+day|(?:that|this|the next|the same) "
            r"(?:morning|afternoon|evening|night|day)|later|privately|separately|briefly|first)\s+){0,2}"
            r"(?:together\b|with(?= (?:the |his |her |their |an? )?(?-i:[A-Z]))|(?=(?:in|at) (?:the )?(?-i:[A-Z])))",
            "meeting", "040", None),
    # "Abiy received them at the palace": a leader receiving the visitors just told
    Trigger(r"(?:received|receives|welcomed|welcomes|hosted|hosts|(?<=will )(?:receive|welcome|host)|"
            r"(?<=to )(?:receive|welcome|host)) (?:them|him|her)\b(?! (?:as|with) (?:a|an)\b)", "meeting", "040", None),
    Trigger(r"(?:conferred|confers|confer|conferring) with", "talks", "046", None),
    # officials hosted from elsewhere: "to host national security advisers from Ukraine and ..."
    # (leaders hosted from several countries are a summit's: "opened the summit, hosting leaders from")
    Trigger(r"host(?:ed|s|ing)? (?:[\w-]+ ){0,2}?" + HOSTED_OFFICIALS + r" from\b", "meeting", "040", None),
    # "held a working dinner in Rome" (a state banquet is a ceremony of a visit, not this)
    Trigger(r"working (?:dinner|lunch|luncheon|breakfast)", "meeting", "040", None),
    Trigger(r"host(?:ed|s|ing)? (?:the |his |her |their |visiting |(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"\d+|several|a dozen) )(?:[\w-]+ ){0,2}?" + HOSTED_PEOPLE + r"\b", "meeting", "040", None),
    Trigger(r"encounter", "meeting", "040", None),
    # "a bilateral": the noun, as diplomats use it ("their first bilateral since 2019", "a
    # bilateral on the sidelines"), not the adjective ("bilateral ties")
    Trigger(r"(?:(?<=\ba )|(?<=\bthe )|(?<=\btheir )|(?<=\bfirst )|(?<=\bformal )|(?<=\bstructured )|(?<=\bbrief ))"
            r"bilateral(?= (?:on|with|at|in|since|between|during)\b|[.,;])",
            "meeting", "040", None),
    # a meal together is a meeting: "had lunch with Scholz", "dined with Modi", "hosted a banquet
    # for Putin" (a name or a counterpart after it)
    Trigger(r"(?:(?:had|have|has|having|host(?:s|ed|ing)?|gave|give|gives|giving|held|hold|holds|holding) (?:a |an )?"
            r"(?:private |working |state |official |formal |informal |\w+-course )?(?:lunch|dinner|breakfast|supper|banquet|luncheon) "
            r"(?:with|for|in honou?r of)|(?:dined|dines|dine|dining|breakfasted|lunched) with)"
            r"(?= (?:the |his |her |their )?(?:visiting )?(?-i:[A-Z])|\s+(?:his|her|their) counterparts?)",
            "meeting", "040", None),
    # time spent together is a meeting: "spent three hours with the president", "spent the day
    # with his counterpart"
    Trigger(r"(?:spent|spend|spends|spending) (?:(?:\w+|an|a) (?:hours?|minutes|days?)|the (?:day|morning|afternoon|evening)"
            r"|time) (?:together )?with(?= (?:the |his |her |their )?(?-i:[A-Z])|\s+(?:his|her|their) counterparts?)",
            "meeting", "040", None),
    # "saw each other again in Sofia", "had not seen each other since 2019"
    Trigger(r"(?:saw|see|sees|seen|seeing) each other", "meeting", "040", None),
    # "conferred with the king", "conferred again in Sofia" (not "conferred an award on")
    Trigger(r"confer(?:red|s|ring)?(?= (?:with|again|privately|briefly|together|(?:in|at) (?-i:[A-Z]))\b)", "meeting", "040", None),
    # "has sat across the table from Putin four times": face to face
    Trigger(r"(?:sat|sit|sits|sitting) (?:down )?(?:across|opposite) (?:the table )?from(?= (?:the |his |her |their )?(?-i:[A-Z])|"
            r"\s+(?:his|her|their) counterparts?)", "meeting", "040", None),
    # the visitor told just before, received by the leader: "the envoy, whom he received in
    # Moscow on Thursday"
    Trigger(r"(?<=whom )(?:he|she|they) (?:had |has |have |also |later )?(?:received|met|hosted|welcomed|saw)\b",
            "meeting", "040", None),
    # "discussed it face to face": in person, unless a "met" or a noun already tells it
    Trigger(r"(?<!\bmet )(?<!\bmeet )(?<!\bmeeting )face to face(?! (?:talks|meetings?|encounters?|summits?|conversations?|"
            r"diplomacy|contacts?|interactions?|dialogue)\b)", "meeting", "040", None),
    # a courtesy call on a leader ("called on General Smith", "called on him in New Delhi");
    # "called on Lima to withdraw", "called on them to stop" is urging
    Trigger(r"(?:(?<=will )call|(?<=to )call|called|calling|calls|(?:pay|pays|paying|paid) a (?:courtesy )?call) (?:\w+ly )?on"
            r"(?:(?= (?:the |his |her )?" + LEADER_TITLE + r")| (?:him|her)\b)(?!(?:\s+[\w.'’-]+){1,5}\s+to\s+\w)",
            "meeting", "040", None),
    Trigger(r"(?:pay|pays|paying|paid) a (?:courtesy )?call on(?= (?:the |his |her )?(?:(?-i:[A-Z])[\w-]+['’]s )?" + LEADER_ROLE + r"\b)",
            "meeting", "040", None),
    # a leader seen by another: "saw Prime Minister Netanyahu in Israel on Saturday", "saw
    # Chile's president" (not "saw the President off", "saw President X's speech")
    Trigger(r"(?:saw|sees|seeing|(?<=will )see|(?<=to )see)(?= (?:the |his |her )?" + LEADER_TITLE +
            r"(?: [A-Z][\w.-]*){0,3}+(?! off\b)(?!['’]s\b)(?:[\s,.;]|$)| (?-i:[A-Z][\w-]+)['’]s " + LEADER_ROLE +
            r"(?! off\b)(?!['’]s\b))", "meeting", "040", None),
    # an audience with a pope or a monarch: "granted an audience to", "received him in audience"
    Trigger(r"(?:(?:private|papal|royal|an|in) )audience(?= (?:with|to|at|on|in)\b|[.,;])", "meeting", "040", None),
    # "held discussions in Brasilia" (not "discussions on trade" told of no one)
    Trigger(r"(?:held|hold|holds|holding|had) (?:\w+ )?discussions", "talks", "046", None),
    # a leader receiving, hosting or seeing another: "was received by President X", "received
    # the visiting Prime Minister", "will host President X at a luncheon", "to see President X"
    Trigger(r"(?:was|were|is|are|been|being) (?:received|welcomed)(?: (?:at|in|on|that|this|later|the) [^,;.]{1,60}?)? by"
            r"(?=(?-i: (?:the |his |her )?(?:[A-Z][\w.'’-]+ ){0,3}[A-Z]))",
            "meeting", "040", None),
    Trigger(r"(?:receiv(?:ed|es|ing)|host(?:s|ed|ing)?|welcom(?:ed|es|ing)|(?<=to )receive|(?<=will )receive|(?<=to )host|"
            r"(?<=will )host|(?<=to )welcome|(?<=will )welcome|(?<=to )see|(?<=will )see|seeing)"
            r"(?= (?:(?:first|then|also|again|later|briefly|separately) )?(?:the |his |her )?(?:visiting )?(?-i:(?:[A-Z][\w'’-]+ ){0,2})" + LEADER_TITLE +
            r"| (?:his|her|their) (?:[\w-]+ )?counterparts?\b| (?-i:[A-Z][\w-]+)['’]s " + LEADER_ROLE +
            # "received the Iranian foreign minister", "received the president of the United Arab Emirates"
            r"| the (?:visiting )?(?-i:[A-Z][a-z]+(?:an|ian|ese|ish|i|ic)) " + LEADER_ROLE + r"(?!['’]s\b)"
            r"| the (?:visiting )?" + LEADER_ROLE + r" of (?:the )?(?-i:[A-Z]))",
            "meeting", "040", None),
    # a leader received or hosted by name alone: "Ruto hosted Museveni and Kagame at State House",
    # "Putin received Orban in the Kremlin" (not a possessive, "welcomed Tuesday's decision", nor
    # a name that runs on into a noun phrase, "received Senate approval")
    Trigger(r"(?:received|receives|receiving|welcomed|welcomes|welcoming|hosted|hosts|hosting|"
            r"(?<=will )(?:receive|welcome|host)|(?<=to )(?:receive|welcome|host))"
            # (the name may follow its country: "hosted South Korea's Moon Jae-in at the White House")
            r"(?= (?-i:(?:[A-Z][\w.-]+ )?[A-Z][\w.-]+['’]s )?(?-i:(?!(?:" + WEEKDAY + "|" + MONTH + r")\b)[A-Z][\w-]+(?: [A-Z][\w-]+)?)"
            r"(?:,| and (?-i:[A-Z])| (?:at|in|on|for|to)\b|\.))",
            "meeting", "040", None),
    Trigger(r"(?:shake|shakes|shook|shaking) hands", "meeting", "040", None),
    # a go-between bringing the parties' envoys together: "brought the Egyptian and Israeli foreign
    # ministers to Leeds Castle", "brought the two sides together in Oslo"
    Trigger(r"(?:brought|bring|brings|bringing) (?:together )?(?:the )?(?:[\w'’-]+ ){0,6}?(?:ministers|leaders|presidents|"
            r"delegations|sides|negotiators|envoys|delegates|heads of state)(?= together\b|,? [^.;]{0,60}?\bto (?:the )?[A-Z])",
            "meeting", "040", None),
    # "faced each other in Vienna": leaders meeting
    Trigger(r"(?:faced|face|faces|facing) each other", "meeting", "040", None),
    # an encounter noun left out after a determiner of order ("the most recent took place in
    # Delhi", "the previous one was held in Kazan"), told after a sentence about such encounters
    Trigger(r"(?<=the )" + ORDER_ONLY + r"(?= (?:\w+ )?(?:took place|was held|were held|happened|will be held|is to be held|is due)\b)", "meeting", "040", None),
    Trigger(r"gathering", "summit", "040", "multilateral"),
    # leaders gathering: "Nehru, Nasser and Sukarno gathered at Bogor", "ministers convened in Rome"
    Trigger(r"(?:gathered|gather|gathers|convened|convene|convenes|reconvened|assembled)(?= (?:again |once more |today |yesterday |on \w+ )?(?:in|at)\b)",
            "meeting", "040", None),
    # a conference of states (press and news conferences are NOT_ENCOUNTERS)
    Trigger(r"conference", "summit", "040", "multilateral"),
    # a sitting of an encounter already told or planned ("a second session on Saturday")
    Trigger(r"(?:first|second|third|fourth|fifth|final|last|next|another|plenary|negotiating|private|closed-door|working) sessions?", "meeting", "040", None),
)

#: The last words of triggers that are nouns: only a noun can refer back ("the talks"); a
#: verb ("met", "arrived in") always tells an encounter of its own.
NOUN_TRIGGER_ENDINGS = r"(?:calls?|conversations?|talks|meetings?|conference|link|summits?|negotiations?|consultations|dialogue|visits?|trips?|journeys?|tours?|encounter|gathering|sessions?|ceremony|bilateral|signing)$"

#: A trigger inside one of these reports no diplomatic encounter: briefings, statements,
#: internal bodies, markets and idioms. Matched on the sentence around the trigger.
NOT_ENCOUNTERS = (
    # crowds, not delegations, gather: "protesters gathered outside the embassy"
    r"\b(?:crowds?|protesters|demonstrators|supporters|fans|people|residents|tourists|journalists|reporters|mourners|"
    r"worshippers|thousands|hundreds|dozens|students|workers|troops|soldiers|refugees|migrants|fighters|rebels|"
    r"militants|combatants|guerrillas)\s+(?:(?:\w+|are to|were to|will|would)\s+)?"
    r"(?:gathered|gather|gathers|assembled|convened)\b",
    # what did not happen: "Putin did not travel to Istanbul, despite a challenge to meet him"
    r"\b(?:did not|didn't|never)\s+(?:\w+ly\s+)?(?:travel|go|come|fly|meet|visit|attend|sit down|hold talks)\b(?:\s+[\w'’.-]+){0,2}",
    # ... or never has: "the two sides, who never met directly", "had never visited Cuba"
    r"\bnever\s+(?:\w+ly\s+)?(?:met|travell?ed|went|came|flew|visited|attended|sat down|held talks)\b(?:\s+[\w'’.-]+){0,2}",
    # what did not happen: "left without signing the deal", "without meeting the president"
    r"\bwithout (?:\w+ly )?(?:signing|meeting|holding|visiting|talking)\b[\w\s-]{0,40}",
    r"\b(?:press|news) (?:conference|briefing)s?\b",
    # what is denied did not happen: "denied a report that Putin and Trump had spoken by phone"
    r"\bden(?:ied|ies|y|ying) (?:a |the |any |media |press )?(?:reports?|claims?|suggestions?|rumou?rs?) (?:that|of)\b[^.;]{0,160}",
    r"\bcalls? with reporters\b",
    r"\b(?:federal reserve|fed|central bank|opec\+?|board|shareholders?'?|cabinet|committee|parliament(?:ary)?|party|fomc)\b[\w\s'-]{0,60}\bmeeting",
    # (a central bank's people, across an aside: "policymakers at the Federal Reserve, at their
    # own two-day meeting")
    r"\b(?:federal reserve|central bank|fomc)\b[\w\s,'’-]{0,60}\bmeeting",
    r"\bpolicy meetings?\b",
    # a company's organs: "flew to London for talks with the Corus board", "negotiations with the unions"
    r"\b(?:talks|negotiations|meetings?|met|meet|meets) with (?:the )?(?:[\w'’.-]+ ){0,3}?(?:board|management|"
    r"shareholders|directors|unions?|bosses|creditors|bondholders|lenders)\b",
    # "the visiting president of Botswana": who the encounter is with, not a visit of its own
    r"\b(?:the|a|his|her|their|its) visiting\b(?=\s+(?:[\w'’-]+\s+){0,3}?(?:president|prime minister|premier|chancellor|"
    r"minister|leader|king|queen|emir|sultan|delegation|envoy|head of (?:state|government)|counterpart)s?\b)",
    # a body's board meeting: "the WHO's executive board met", "the board of governors convened"
    r"\bboards?(?: of (?:directors|governors|trustees))?\s+(?:\w+\s+){0,2}?(?:met|meets|meet|convened|convenes|gathered)\b",
    r"\bmeeting(?:s)? of (?:the )?(?:federal reserve|fed|central bank|opec|board|cabinet|committee|shareholders)",
    # meeting a target: "failed to meet its production quota", "meets European safety standards"
    r"\b(?:meet|meets|meeting|met) (?:(?:the|its|their|his|her|our|a|an|all|any|these|those|such) )?(?:[\w-]+ ){0,2}?"
    r"(?:demands?|needs?|targets?|expectations?|deadlines?|criteria|requirements?|goals?|obligations?|standards?|quotas?|"
    r"conditions?|thresholds?|costs?|commitments?|benchmarks?|specifications?|rules?|terms)\b",
    r"\b(?:meet(?:s|ing)?|met) (?:with )?(?:(?:the|a|an|some|several) )?(?:(?!and\b)[\w'’-]+ ){0,4}?(?:business(?:es| leaders| people|men|women)?|"
    r"students|investors|executives?|chief executives?|chairman|chairwoman|entrepreneurs|bankers|industrialists|reporters|"
    r"journalists|the press|voters|supporters|troops|families|relatives|victims|survivors|veterans|hostages|lawmakers|"
    r"legislators|protesters|activists|farmers|workers|community leaders|religious leaders|local officials|ceos?|residents|diaspora)\b",
    r"\bmeet(?:s|ing)? (?:its|their|his|her) (?:own )?ambassador",
    # people who are no state's envoys meeting: "directors of the carmaker and its supplier met",
    # "historians from Poland and Germany met", "guides met at the summit"
    r"\b(?:directors|executives|managers|shareholders|employees|engineers|scientists|historians|academics|scholars|"
    r"researchers|doctors|athletes|players|coaches|guides|climbers|students|teachers|artists|writers|bishops|clergy|"
    r"fans|activists|lawyers)\b[^.;]{0,60}?\b(?:met|meet|meets|gathered|held talks)\b[^.;]*",
    # ... nor travelling: "the group's chairman flew to London"
    r"\b(?:chairman|chairwoman|chief executive|ceo|founder|owner|directors|executives)\b[^.;]{0,40}?"
    r"\b(?:flew|flies|travell?ed|travels|visited|visits|arrived|arrives)\b[^.;]*",
    r"\b(?:visit(?:ed|s|ing)?|trip to|went to|travel(?:led|s)? to) (?:a |the )?(?:[\w-]+ ){0,2}(?:hospital|factory|university|school|museum|port|plant|front ?line|troops|site|area|region|"
    r"shipyard|farm|mine|memorial|cemetery|temple|shrine|church|mosque|cathedral|monument|exhibition|refinery|laboratory|"
    r"headquarters|campus|(?:[\w-]+ )?(?:game|match|concert|restaurant|stadium|festival))\b",
    r"\bwork(?:ing)? trip\b",
    # "joined the summit by video link": taking part from afar, not a call of its own (the
    # encounter it joins is still found; "spoke by video link" is a call trigger, kept below)
    r"\b(?:by|via|through) video(?: link| conference)?\b",
    r"\b(?:froze|freeze|freezes|frozen|suspend(?:ed|s)?|halt(?:ed|s)?)\s+(?:[\w-]+\s+){0,2}(?:talks|negotiations|meetings|visits)\b",
    r"\b(?:peace|trade|grain|nuclear|ceasefire|minerals?) (?:deal|agreement|plan|treaty)\b[^.]{0,25}\b(?:brokered|signed)\b",
    # bodies that are not governments meeting: central banks, national teams and clubs
    r"\b(?:central banks?|national (?:[\w-]+ )?teams?|(?:football|soccer|rugby|cricket|basketball|hockey|volleyball) (?:teams?|sides|squads?|clubs?)|squads|clubs)\b[\w\s,'’-]{0,40}?\b(?:met|meet|meets|meeting|held talks|talks)\b",
    # a match is no meeting: "met in a World Cup qualifier", "meet at Twickenham on Saturday in a
    # Six Nations clash"
    r"\b(?:met|meet|meets|meeting)\b[^.;]{0,50}?\bin\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){0,3}?(?:qualifier|match|final|semi-?final|quarter-?final|friendly|game|tie|derby|fixture|clash|showdown|World Cup|Olympics|tournament|championships?|Games|Copa Am[eé]rica|(?:[A-Z][\w-]* )?Cup)\b",
    # a meeting of two nations' teams: "the second meeting between the two nations at a World
    # Cup", "their group-stage encounter"
    r"\b(?:meeting|encounter|clash)s?\b[^.;]{0,60}?\b(?:World Cup|Olympics|Olympic Games|tournament|championships?|"
    r"Euros|Copa America|Africa Cup|Asian Cup|league)\b",
    r"\b(?:group[- ]stage|knockout|cup|league|semi-final|quarter-final|final|friendly|qualifying|opening) (?:meeting|encounter)s?\b",
    # a mountain's summit: "stood on the summit of K2", "the 8,611-metre summit"
    r"\b(?:reach(?:ed|es|ing)?|climb(?:ed|s|ing)?|scal(?:ed|es|ing)|below|atop) the summit\b(?! (?:of|with|between|in|on|at|talks|meetings?|venue|hall|site|city|centre|center)\b)",
    r"\bsummit of (?:(?:Mount|Mt\.?) |[A-Z][\w-]*\d)|\b[\d,.]+[- ](?:metre|meter|foot|ft)\s+summit\b",
    # a business gathering: "the APEC CEO Summit", "an investment summit", "a tech conference"
    r"\b(?:CEO|business|investment|investors?|tech|technology|industry|AI|crypto)\s+(?:summit|forum|conference)s?\b",
    # a stage of a competition: "hopes of reaching the second round"
    r"\b(?:reach(?:ed|es|ing)?|advanc(?:e|ed|es|ing) to|qualif(?:y|ied|ies|ying) for|progress(?:ed|es|ing)? to|through to|"
    r"knocked out in|eliminated in|exit(?:ed)? in)\s+the\s+(?:\w+\s+)?round\b",
    # a government's own bodies meeting: "the coalition committee met", "the cabinet met"
    r"\b(?:coalition (?:committee|leaders|partners|parties)|(?-i:the cabinet)(?! (?:ministers?|members?|secretar)))\b[^.;]{0,80}?\b(?:met|meet|meets)\b",
    # parties forming a government: "coalition talks", "exploratory talks with the conservatives"
    r"\b(?:coalition|exploratory)\s+(?:talks|negotiations)\b",
    r"\b(?:talks|negotiations)\s+with\s+(?:[\w'’.-]+\s+){0,4}?(?:conservatives|liberals|social democrats|greens|"
    r"socialists|(?:the\s+)?opposition parties|coalition partners)\b",
    # a leader calling a coach, a team or a family: no counterpart abroad
    r"\b(?:telephoned|phoned|called|rang)\s+(?:the\s+)?(?:national\s+)?(?:coach|captain|players?|team|squad|athletes?|"
    r"champions?|winners?|medall?ists?|famil(?:y|ies)|widow|mother|father)\b",
    # a mountain's summit; a company's conference call; people who are not governments meeting
    r"\b(?:reached|reach|reaches|climbed|climb|scaled|conquered|summited)\s+(?:the\s+)?summit\b",
    r"\b(?:conference|earnings|investor|analyst)\s+calls?\b",
    r"\b(?:farmers|protesters|demonstrators|activists|fans|supporters|students|workers|(?:trade|labou?r) unions?|employers|executives|"
    r"investors|scientists|athletes|climbers|tourists|artists|musicians|doctors|lawyers|journalists)\b"
    r"[\w\s,'’-]{0,60}?\b(?:met|meet|meets|meeting|held talks|talks|gathered)\b",
)

#: Words of sport: a game, its scores and its people. An article where they are many and
#: spread is a report of sport, and its "meetings" of nations in those sentences are games
#: ("the two sides last met in the Asia Cup final", "the squad's first trip to India").
SPORT_WORDS = (
    r"\b(?:match|matches|tournaments?|World Cup|Olympics|Olympic Games|championships?|(?:semi|quarter)-?finals?|"
    r"fixtures?|wickets?|innings|bowl(?:ed|er|ers|ing)|bats(?:man|men)|batt(?:ed|ing|er|ers)|strikers?|midfielders?|"
    r"goalkeepers?|coach(?:es)?|squads?|stadium|kick-off|referees?|scored|to spare|penalty shoot-?out|"
    r"head coach|(?:football|soccer|cricket|rugby|hockey|basketball|tennis) (?:boards?|federations?|teams?|sides?)|"
    r"qualif(?:ier|iers|ying)|goals?|half-?time|extra time|national teams?|"
    # a result: "beat England 2-1", "drew 0-0"
    r"(?:beat|defeated|drew|lost|won|thrashed|edged)(?: [\w'’-]+){0,3} \d{1,2}-\d{1,2})\b",
)
#: How many different words of sport, and in what share of its sentences, make a report of sport.
SPORT_REPORT = (3, 0.25)

#: Words naming a region of the world or a grouping of its states. A gathering named after one
#: is one of its states ("the Asian-African Conference", "an Arab summit", "the Non-Aligned
#: summit"), where a company's is named after a brand ("Web Summit").
REGION_WORDS = (
    r"\b(?:Asian|African|Afro-Asian|Asia-Pacific|Pacific|Andean|Amazon|Arab|European|Euro-Mediterranean|"
    r"Mediterranean|Caribbean|Latin American|Ibero-American|Inter-American|American States|Nordic|Baltic|Balkan|"
    r"Gulf|Arctic|Atlantic|Islamic|Commonwealth|Non-Aligned|Pan-African|Pan-American|Central American|"
    r"South American|Southeast Asian|Eurasian|Middle East|Sahel|Danube|Black Sea|Caspian|Visegrad|Mercosur)\b",
)

# Status cues. They are looked for in the clause of the trigger, within a few words of it.
CANCEL_CUES = (
    r"\bpostpon(?:e|ed|es|ing|ement)\b",
    r"\bcalled off\b", r"\bcall(?:s|ing)? off\b",
    # the object between verb and particle: "called the summit off", "put the visit off"
    r"\b(?:call(?:ed|s|ing)?|put(?:s|ting)?) (?:it|them|(?:the|a|an|his|her|their|its) (?:[\w-]+ ){0,2}?"
    r"(?:summit|meeting|talks|visit|trip|negotiations|conference|call)(?: [\w-]+){0,3}?) off\b",
    r"\bcancel(?:l?ed|s|l?ing|lation)?\b",
    r"\bscrap(?:ped|s|ping)?\b",
    # "scuppering a planned meeting", "torpedoed the talks"
    r"\bscupper(?:ed|s|ing)?\b", r"\btorpedo(?:ed|es|ing)\b",
    r"\b(?:will|would|is|was) not (?:be )?go(?:ing)? ahead\b",
    r"\b(?:will|would) not (?:take place|be held)\b", r"\bwon't (?:take place|be held)\b",
    r"\bwon't go ahead\b",
    r"\bno longer (?:take place|go ahead|be held)\b",
    r"\b(?:cannot|can't|could not|couldn't|did not|didn't) (?:be held|take place)\b",
    r"\bshelved\b",
    # "the talks never took place", "the trip was dropped at the last minute"
    r"\bnever (?:took place|happened|materiali[sz]ed|went ahead|came about)\b",
    r"\b(?:was|were|been|is|are) (?:\w+ly |also |then |now )?dropped\b",
    r"\bdropped (?:his |her |their )?plans?\b",
    r"\bput off\b",
    # delayed: "the talks were held up for six months", "the visit has been delayed"
    r"\b(?:was|were|been|is|are) (?:\w+ly )?(?:delayed|held up)\b(?! (?:by|for) (?:an?|a few|several|\w+) (?:minutes?|hours?)\b)",
)

#: Between a cancellation cue and the trigger it governs as its object ("cancelling a planned
#: meeting", "scuppered their talks"): that trigger is the one called off.
CANCELLED_OBJECT = r"\s+(?:the|a|an|their|his|her|its)\s+(?:[\w-]+\s+){0,2}"

#: Right after a trigger, a relative clause on it, after its place if any ("talks in London that
#: ran deep into Tuesday night"); matched case-sensitively for the place's capital.
THAT_ON_TRIGGER = r"\W*(?:(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+)?that\b"

#: Right after a trigger, the place just told ("a planned meeting there with Pashinyan").
THERE_AFTER = r"\s+there\b"

#: A relative clause on the trigger before, up to the next trigger ("the summit in Amman, where
#: they were to ...")
WHERE_ON_IT = r"[^,;.]{0,40},\s*where\s+(?:[\w'’]+\s+){0,4}"
#: A relative clause telling the visitor's arrival: "Koizumi, who flew in this morning, ..."
ARRIVAL_ASIDE = r",\s+who\s+(?:had\s+)?(?:arrived|flew in|landed|touched down)\b[^,;]{0,60},"
#: The opening of a clause of contrast, which has its own subject (", while Australia's ...")
CONTRAST_OPENING = r",?\s*(?:while|whereas)\b"
#: Right after a name, the verb it is the subject of ("Zelensky said", "Erdogan had met")
SUBJECT_VERB_AFTER = (r"\s+(?:(?:\w+ly|also|then|later|had|has|have|was|is|will|would)\s+)?"
                      r"(?:said|says|told|tells|added|announced|[a-z]+ed|met|held|had|went|flew|spoke|made)\b")
#: After a call, one more called: ", and then with Biden"
CALLED_TOO = r",?\s+and\s+(?:then|later|afterwards|also)\s+with\s+(?=(?:the\s+)?[A-Z])"

#: After an encounter put off, the new day it is put off to ("postponed to May", "pushed back
#: until next week", "moved to Friday", "rescheduled for June 3").
RESCHEDULED_TO = (r"\b(?:postponed|pushed back|put back|put off|moved|rescheduled|delayed|deferred)\s+"
                  r"(?:(?:again|once more|indefinitely)\s+)?(?:to|until|till|for)\s+(?:the\s+)?")

#: After a country, a verb of reporting: the country tells of the encounter ("Oman said today
#: that the talks would not go ahead", "Egypt's foreign ministry announced").
REPORTER_AFTER = r"(?:['’]s(?:\s+[\w-]+){1,3})?\s+(?:said|says|announced|announces|confirmed|confirms|reported|reports|told)\b"

#: A venue told as the one before: "in the same city", "at the same venue".
SAME_PLACE = r"\b(?:in|at) the same (?:city|town|capital|venue|place|resort|hotel|building)\b"

#: Right after the trigger, "off" is called off: "Pakistan-India talks off", "the summit is off"
#: (not "talks off the coast").
OFF_AFTER = r"\s+(?:(?:is|are|now|all)\s+)?off\b(?!\s+(?:the|to|for|with|of)\b)"

#: Future, intention and schedule: the encounter has not happened on the publication date.
PLAN_CUES = (
    r"\bwill\b", r"\bwould\b", r"\bshall\b", r"\b\w+'ll\b",
    # (not "was set up": founded; nor "was set in motion by a call", "was set off by": caused)
    r"\b(?:is|are|was|were) (?:to|due|set(?! (?:up|out|aside|in motion|off)\b)|scheduled|expected|slated|planned|poised|going) (?:to )?(?:\b|$)",
    r"\b(?:is|are) (?:also )?(?:due|scheduled|expected|set(?! (?:up|out|aside|in motion|off)\b)|slated|planned)\b",
    r"\bscheduled\b", r"\bplann(?:ed|ing)\b",
    # ("the next day" counts from a day told, past or not)
    r"\b(?:upcoming|forthcoming|next(?! (?:day|morning|afternoon|evening|night)\b)|future|proposed|another|follow-up)\b",
    r"\bexpect(?:s|ed)?\b",
    r"\bto be held\b", r"\bwill take place\b", r"\bkick(?:s)? off\b",
    # still being arranged: "a summit in Budapest is in the works", "talks are being prepared"
    r"\b(?:in the works|in preparation|on the cards|in the pipeline)\b",
    r"\b(?:is|are) being (?:prepared|arranged|planned|organi[sz]ed|discussed)\b",
    r"\bahead of\b",
    # "accepted an invitation to visit"; "at the invitation of" tells who invited, not when
    r"(?<!\bat the )(?<!\bon the )\binvitation\b(?! of\b)",
)

#: An intention or agreement governs what follows it ("agreed on Monday to hold talks", "plans
#: to visit"): looked for before the trigger only. After it ("spoke by phone and agreed to
#: cooperate"), it is about something else and leaves the encounter's own tense alone.
PLAN_BEFORE_CUES = (
    r"\b(?:agreed|agreeing|agrees?) (?:\w+ ){0,2}?(?:to|that)\b", r"\bplans? to\b", r"\bhopes? to\b", r"\bintends? to\b",
    # what one looks forward to is still to come: "looked forward to meeting in Samoa in October"
    r"\blook(?:s|ed|ing)? forward to\b",
    r"(?<!\bnot )(?<!n't )\binvited\b",
    # the encounter a meeting prepares is still to come: "met to prepare for the summit"
    r"\b(?:prepar(?:e|es|ed|ing|ation|ations) (?:for|of)|to prepare|run-up to|pav(?:e|es|ed|ing) the way for)\b",
)

#: "had been due to", "was to have": a plan told in the past; the status comes from elsewhere
#: in the article (the encounter was cut short, moved or cancelled).
PAST_PLAN_CUES = (
    r"\bhad (?:\w+ly |earlier )?been (?:due|scheduled|expected|set|planned|meant|supposed) (?:to|for)\b",
    r"\b(?:was|were) (?:also )?to have\b", r"\bwould have been\b",
    # "had planned to travel", "was supposed to visit"
    r"\bhad (?:\w+ly )?(?:planned|intended|hoped|wanted|expected) to\b", r"\b(?:was|were) supposed to\b",
)

#: Verbs in the past tense: the encounter took place, whatever its date.
PAST_VERB = (r"\b(?:met|held|had|took place|began|begun|started|opened|concluded|ended|arrived|landed|touched down|spoke|visited|paid"
             # the simple past of travelling, receiving and talking: "returned from his trip",
             # "flew home after the talks", "telephoned the president", "hosted the summit"
             r"|returned|left(?!-)|flew|went|came|travell?ed|stepped off|toured|hosted|received|welcomed|greeted|"
             r"telephoned|phoned|talked|discussed|negotiated|sat down|gathered|convened|attended|chaired|wrapped up|"
             # "signed the agreement under which Britain will hand ...": the signing is done
             r"signed|initiall?ed|inked)\b"
             # (a participle of agency tells no tense: "a summit co-chaired by Sisi", "hosted by Egypt")
             r"(?<!-chaired)(?<!-hosted)(?!\s+by\b)")
#: Past or present tense of the encounter itself: held (or under way) on the publication date.
HELD_CUES = (
    PAST_VERB,
    r"\b(?:are|is) (?:holding|meeting|visiting|hosting|attending|taking place|under way|underway)\b",
    r"\bhave begun\b", r"\bget(?:s)? under way\b", r"\blast\b", r"\bprevious(?:ly)?\b",
    r"\bearlier\b", r"\bsince\b", r"\bago\b", r"\bfollowing\b", r"\bafter\b", r"\bdraws to a close\b",
)

# Absence. Each cue is a pattern with a named group `who` (a place or person) or `before`/`after`
# telling on which side of the cue the absent party stands.
@dataclass(frozen=True)
class AbsenceCue:
    pattern: str
    side: str    # "after": the absent party follows the cue; "before": it precedes it


#: Between an absence cue and the party after it, a word opening a new clause or naming
#: something else ends the cue's reach: "left without an agreement after France objected" says
#: nothing of France staying away; "without the French delegation" does.
ABSENCE_REACH_ENDS = r"\b(?:after|before|because|when|since|until|while|but|as|if|unless|although|though|agreement|deal|progress|result|breakthrough|accord)\b"

ABSENCE_CUES = (
    AbsenceCue(r"\b(?:was|were|is|are|be) not attended by\b", "after"),
    AbsenceCue(r"\bwithout\b", "after"),
    AbsenceCue(r"\bexcluding\b", "after"),
    # "..., leaving out Colombia", "every member except Hungary", "in the absence of Sudan",
    # "Kenya and Uganda, but not Tanzania"
    AbsenceCue(r"\b(?:leaving|left) out\b", "after"),
    AbsenceCue(r"\bexcept(?: for)?\b", "after"),
    AbsenceCue(r"\bin the absence of\b", "after"),
    AbsenceCue(r"\bbut not\b", "after"),
    AbsenceCue(r"\b(?:has|have|had|was|were|is|are) (?:\w+ )?not (?:been )?invited\b", "before"),
    AbsenceCue(r"\b(?:is|are|was|were) staying away\b", "before"),
    AbsenceCue(r"\bstay(?:s|ed)? away\b", "before"),
    AbsenceCue(r"\bboycott(?:s|ed|ing)?\b", "before"),
    AbsenceCue(r"\b(?:will|would|did|does|do) not (?:attend|take part|participate|join|go(?= to\b|\s*[.,;]))\b", "before"),
    AbsenceCue(r"\b(?:won't|didn't|doesn't|don't) (?:attend|take part|participate|join|go(?= to\b|\s*[.,;]))\b", "before"),
    AbsenceCue(r"\b(?:refused|refuses|refuse|declined|declines|decline) to (?:attend|take part|participate|join|come|go)\b", "before"),
    # "the decision of India not to attend", "decisions by Bangladesh and Bhutan not to participate"
    AbsenceCue(r"\bnot to (?:attend|take part|participate|join)\b", "before"),
    AbsenceCue(r"\b(?:was|were) shut out\b", "before"),
    AbsenceCue(r"\b(?:was|were|is|are) excluded\b", "before"),
    AbsenceCue(r"\bno-shows?\s+(?:such as|including|like|were|was)\b", "after"),
    AbsenceCue(r"\b(?:did not|didn't|does not|doesn't) want\b", "after"),
    AbsenceCue(r"\b(?:skip(?:s|ped|ping)?|snub(?:s|bed)?)\b", "before"),
    AbsenceCue(r"\b(?:was|were|is|are|will not be|won't be) not (?:represented|present)\b", "before"),
    AbsenceCue(r"\b(?:was|were|is|are) absent\b", "before"),
    # "talks that left Ukraine and its European backers on the outside"
    AbsenceCue(r"\b(?:on the outside|out in the cold)\b", "before"),
    # "Ghana pulled out of the summit", "Turkey withdrew from the talks", "Laos sat out the
    # meeting", "chose to stay out"; finite verbs only, since a participle's subject ("..., pulling
    # out of the meeting") is not the name before it
    AbsenceCue(r"\b(?:pull(?:s|ed)? out of|withdr(?:ew|aws?|awn) from|s[ai]ts? out|stay(?:s|ed)? out)\b", "before"),
    # sent away: "the envoy was escorted out of the summit", "were barred from the talks"
    AbsenceCue(r"\b(?:was|were|is|are|been|being|remains?|remained|stays?|stayed) (?:\w+ly )?(?:escorted|thrown|kicked|ordered|asked|removed|expelled|barred|banned|turned away|excluded|uninvited)(?: out)?(?: to leave)? (?:of|from)\b", "before"),
)

#: A leader who stays away but sends someone: his country still takes part.
REPRESENTED_CUES = (
    r"\brepresented by\b", r"\bin (?:his|her) place\b", r"\binstead send\b", r"\bwill send\b",
    r"\bsent\b", r"\bto represent\b", r"\bwill instead\b",
)

#: Some of a country's people, not its state: "the chiefs of Pakistan's armed services were
#: absent" or "Chile's army chief stayed away" says nothing of Chile's taking part. Matched
#: right after the country ("'s army chief") or right before it ("the chiefs of ").
PEOPLE_OF_STATE = r"(?:chiefs?|commanders?|generals?|officers|army|military|armed (?:forces|services)|opposition|lawmakers|parliamentarians)"
PEOPLE_OF_STATE_AFTER = r"['’]s\s+(?:[\w-]+\s+){0,2}" + PEOPLE_OF_STATE + r"\b"
PEOPLE_OF_STATE_BEFORE = r"\b" + PEOPLE_OF_STATE + r"\s+of\s+(?:the\s+)?$"

#: Hedges and hypotheticals: "a likely meeting", "the possibility of a meeting", "could still
#: go ahead". Such encounters are left out (the gold set calls them borderline).
HEDGE_CUES = (
    r"\b(?:could|might)\b", r"(?-i:\bmay\b)", r"\blikely\b", r"\bpossib(?:le|ility)\b", r"\bwhether\b",
    r"\bif\b", r"\bunless\b", r"\bno point\b", r"\bspeculat\w*", r"\bconsider(?:ing|s)?\b",
    # a judgement on a hypothetical encounter: "a summit would help no one", "talks would serve
    # both sides", "would be premature"
    r"\bwould (?:not |n't )?(?:benefit|help|serve|hurt|harm|achieve|change|make sense|be (?:useful|"
    r"pointless|premature|welcome|helpful|possible|unlikely|wrong|right|a mistake|a waste))\b",
    # a condition still to be met ("once the fighting stops"); a plan with no time fixed ("at a
    # later date") is still a plan, undated; not a count ("have met only once, in Lima", "met once
    # before")
    r"(?<!\bonly )(?<!\bjust )(?<!\bleast )(?<!\bthan )(?<!\bmet )\bonce\b"
    r"(?!\s*[,.;]|\s+(?:again|more|a|before|since|in|at|during|and|but|this|that|so far)\b)",
    # a readiness, not a plan: "would be prepared to meet him", "is ready to talk to anyone"
    r"\b(?:would be|is|are|was|were|remains?|said (?:he|she|they) (?:was|were))\s+(?:\w+ly\s+)?(?:prepared|ready|willing|open)\s+to\b",
    # what would make an encounter worth holding ("not enough progress to justify a summit")
    r"\b(?:justify|justifies|justified|warrant|warrants|warranted|merit|merits|merited)\s+(?:a|an|another|any|new|further)\b",
)

#: Right before a past participle: a modal, which makes it a plan ("could be wrapped up",
#: "will be signed"). Case-sensitive: "May" is the month.
MODAL_BE = r"\b(?i:will|would|shall|could|might|should|must|can)\s+(?i:be\s+)$|\bmay\s+be\s+$"

#: Right before a place: where a traveller goes back to, home ("before returning to New Delhi",
#: "flew home to Lima", "back in Quito"), not where the encounter is.
RETURN_BEFORE = r"\b(?:return(?:s|ed|ing)?(?:\s+home)?\s+to|(?:flew|flies|fly|flying|went|goes|headed|heads)\s+(?:back|home)\s+to|back\s+(?:to|in))\s+(?:the\s+)?$"

#: Right before a trigger: the trigger named as where something happens ("a deal could be wrapped
#: up at a summit", "may be signed during next week's talks"). A hedge before it doubts what
#: happens there, not the encounter.
LOCATED_AT = (r"\b(?:at|during|on the (?:sidelines|margins) of|on the sidelines)\s+(?:(?:a|an|the|this|next|[\w-]+['’]s)\s+)?"
              r"(?:[\w-]+\s+){0,2}$")

#: How often: a trigger counted or made a habit ("have met several times this year", "talk by
#: phone every two weeks", "regularly meet") tells a series, not one encounter. Not "twice"
#: (two encounters the text may go on to tell) nor "once a year" (a body's schedule, whose first
#: session is a plan).
SERIES_CUES = (
    r"\b(?:several|many|numerous|countless|multiple|a number of|a few|(?:three|four|five|six|seven|eight|nine|ten|a dozen|\d+)) times\b",
    r"\bon (?:several|many|numerous|multiple|a number of) occasions\b",
    r"\b(?:repeatedly|regularly|frequently|often|routinely)\b",
    r"\bevery (?:day|week|fortnight|month|(?:few|two|three|four|six) (?:days|weeks|months))\b",
    r"\b(?:daily|weekly|fortnightly|monthly)\b(?! (?:meeting|session|summit|talks|call)s?\b)",
)

#: After a count of encounters, the list that tells them ("have met five times: in Kyiv in
#: January ...", "met three times this year, all in Istanbul: on May 16, ...", "had met three
#: times in Belarus, on Feb. 28, March 3 and March 7"): a colon, or a comma before a date.
COUNT_LISTED = r"\s*:|[^.;:]{0,60}?(?::|,\s+(?:on\s+|in\s+)?(?:\d|" + MONTH_PREFIX + r"\.?\s+\d))"

#: After a series, the day its first one was held ("have spoken by phone several times since
#: January, starting on February 12", "have met repeatedly, the first time in Lima in May"):
#: that first encounter is told, on that day.
SERIES_FIRST = (r"[^.;:]{0,80}?,\s+(?:starting|beginning|(?:the\s+)?first(?:\s+(?:time|one))?)\s+"
                r"(?:with\s+(?:a|an|one|the)\s+[\w-]+\s+)?(?:(?:in|at)\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)*,?\s+)?"
                r"(?:on|in)\s+(?P<day>\d|(?-i:" + MONTH_PREFIX + r"))")

#: Urging an encounter ("called for talks", "urged a summit", "called on both sides to meet"),
#: or planning none ("made no plans to meet"): no encounter yet. Only before the trigger: after
#: it, the urging is what the encounter did ("signed an accord calling for a ceasefire", "met,
#: urging calm").
URGING_CUES = (
    # no plan: "made no plans to meet", "there is no intention to hold talks"
    r"\bno (?:immediate )?(?:plans?|intention|date set) (?:to|for)\b",
    # but "a phone call on Friday" is a date
    r"\bcall(?:ing|ed|s)? (?:on|for)\b(?!\s+(?:the\s+)?" + WEEKDAY + r"|\s+(?:the\s+)?\d"
    r"|\s+" + MONTH_PREFIX + r"\b|\s+(?:an? )?(?:hour|minutes))",
    r"\burg(?:e|ed|es|ing)\b",
    # an offer or a proposal not yet taken up: "offered to host talks", "proposed a summit"
    r"\b(?:offer(?:ed|s|ing)?|propos(?:ed|es|ing)|suggest(?:ed|s|ing)?)\s+(?:to\s+(?:\w+\s+)?)?(?:a\s+|an\s+|new\s+)?$",
    # an encounter talked about: "spoke of meeting in person", "discussed holding a summit"
    r"\b(?:spoke|spoken|speak|speaks|talked|talk|talks)\s+(?:of|about)\s+(?:holding\s+|having\s+)?(?:a\s+|an\s+|another\s+)?$",
    r"\bdiscuss(?:ed|es|ing)?\s+(?:holding\s+|having\s+)?(?:a\s+possible\s+|a\s+|an\s+|another\s+)?$",
)

#: Right before a cancellation: a wish or a threat, not the act ("Democrats urged him to call off
#: the summit", "threatened to cancel the visit", "called for the talks to be postponed").
CANCEL_WISHED = r"\b(?:urg|demand|ask|press|push|call|want|wish|threat)\w*\b[^.;]{0,60}\bto\s+(?:be\s+)?$"


@dataclass(frozen=True)
class MediatorCue:
    pattern: str
    side: str     # "after": the mediator follows the cue; "before": it precedes it
    target: str   # which encounter it mediates: "next" trigger after it, or "previous" one


#: Hosts and mediators that are not parties.
MEDIATOR_CUES = (
    MediatorCue(r"\b(?:brokered|mediated|facilitated|witnessed|organi[sz]ed|hosted) by\b", "after", "previous"),
    MediatorCue(r"\b(?:with|under) (?:the )?(?:mediation|sponsorship|auspices|chairmanship) of\b", "after", "previous"),
    MediatorCue(r"\bin the presence of\b", "after", "previous"),
    MediatorCue(r"\bthanked\b(?=[^.]{0,80}\bfor (?:hosting|mediating|organi[sz]ing|facilitating))", "after", "next"),
    MediatorCue(r"\bmediation\b", "before", "previous"),
    MediatorCue(r"\bmediating\b", "before", "previous"),
    # ... but one who hosts people meets them: "hosted the leaders of Peru and Bolivia"
    MediatorCue(r"\b(?:organi[sz]ed|hosted) the\b(?!\s+(?:[\w-]+\s+){0,2}?" + HOSTED_PEOPLE + r"\b)", "before", "next"),
    MediatorCue(r"\bgood offices\b", "before", "previous"),
    # "with Cuba and Norway acting as guarantors", "Qatar, the mediator,"
    MediatorCue(r"\b(?:(?:acting|serving) as|as|the|a|an)\s+(?:\w+\s+)?(?:guarantors?|mediators?|facilitators?|co-sponsors?|sponsors?|go-betweens?|intermediar(?:y|ies))\b", "before", "previous"),
    # "Norway and Cuba are guarantors of the process", "with Qatar acting as host and facilitator"
    MediatorCue(r"\b(?:are|is|were|was|(?:acting|serving|acted|served|act|serve) as)\s+(?:the\s+)?(?:\w+\s+(?:and\s+)?)?"
                r"(?:guarantors?|mediators?|facilitators?|co-sponsors?|go-betweens?|intermediar(?:y|ies)|hosts? and (?:mediator|facilitator))\b",
                "before", "previous"),
    # "the meeting, which Malaysia co-organised with the United States": both its hosts
    # (co-chairs take part: "X and Y co-chaired the meeting")
    MediatorCue(r"\b(?:co-organi[sz]ed|co-hosted|co-sponsored)\b", "after", "previous"),
    MediatorCue(r"\b(?:co-organi[sz]ed|co-hosted|co-sponsored)\b", "before", "previous"),
    # "with Saudi officials hosting", "Oman hosting": the host of the encounter told
    MediatorCue(r"\bhosting\b(?=\s*(?:[,.;)]|$|\s+(?:and|as|in|at|on|for|while)\b))", "before", "previous"),
    # "China took part as an observer"
    MediatorCue(r"\b(?:took part|attended|participated|sat in) as (?:an? )?observers?\b", "before", "previous"),
    # "Singapore, which provided the venue, was not a party to the talks": a host, no party
    MediatorCue(r"\b(?:was|is|were|are) not (?:a )?part(?:y|ies) to\b", "before", "previous"),
    # "US- and Saudi-brokered talks", "Qatari-mediated negotiations": the adjective's country
    MediatorCue(r"(?<=\w)-(?:brokered|mediated|facilitated|sponsored)\b", "before", "next"),
    # "the United States, which brokered the process"
    MediatorCue(r"\b(?:which|who) (?:had )?(?:brokered|mediated|facilitated)\b", "before", "previous"),
    # "the Brazilian envoy brought the two foreign ministers to Colonia": whoever brings the
    # parties together is a go-between
    # (not the encounter itself: "the meeting in Suva, which brought together ministers from ...")
    MediatorCue(r"(?<!\bwhich )(?<!\bthat )\b(?:brought|bring|brings|bringing)\b(?= (?:together )?(?:the )?(?:[\w'’-]+ ){0,6}?(?:ministers|leaders|"
                r"presidents|delegations|sides|negotiators|envoys|delegates|heads of state)\b)", "before", "next"),
    # "Egypt and Qatar brokered a meeting between ...": the go-betweens of the encounter named next
    MediatorCue(r"\b(?:brokered|mediated|facilitated|arranged)\b(?= (?:a|an|the|new|fresh|another) )", "before", "next"),
)

# Head of delegation. `name` is filled by a capitalised name pattern in events.py.
HEAD_AFTER_CUES = (
    r"\bdelegation (?:was|is|will be) (?:headed|led) by\b",
    r"\b(?:headed|led) by\b",
)
HEAD_BEFORE_CUES = (
    r"\b(?:headed|led|heads|leads) the\b",
)

#: A date right after one of these dates the report, not the encounter ("the White House
#: said on Sunday").
REPORTING_CUES = (
    r"\b(?:said|says|told|announced|reported|confirmed|added|stated|noted|wrote|posted|tweeted|disclosed|revealed|quoted|speaking|announcing|saying|talked about|spoke about)\b",
)

#: A date after one of these is a deadline, not the day of the encounter ("its first meeting
#: is to be held not later than September 1", "talks must start by June").
DEADLINE_BEFORE = r"\b(?:(?:not|no) later than|by)\s+(?:the\s+end\s+of\s+)?$"

#: A date right after one of these, or right before one told before the encounter, dates a
#: decision about the encounter, not the encounter ("agreed on Monday to hold talks", "was
#: called off on Tuesday", "postponed on Friday", "on Wednesday cancelled a summit").
DECISION_CUES = (
    r"\b(?:agreed|decided|pledged|promised|vowed|resolved|cancel(?:l)?ed|postponed|called off|put off|scrapped|shelved|suspended|announced|reached|struck|sealed|clinched)\b",
)

#: Right before a trigger: the decision dated before it came out of that encounter ("agreed
#: Thursday not to use force, after a tense face-to-face meeting"; "agreed on Monday to swap
#: prisoners, at talks hosted by Macron"), so the day is the encounter's.
AFTER_ENCOUNTER = (r"\b(?:after|following|at the end of|at the close of|at|during)\s+(?:a|an|the|their|his|her|its)?\s*"
                   r"(?:(?:more than|nearly|almost|about|some|over)\s+)?(?:[\w-]+\s+){0,3}$")

#: ... or a clause opening with "after" whose act was done in the encounter ("clinched a deal on
#: Tuesday, after the two prime ministers settled the last details in a telephone call").
AFTER_CLAUSE_ENCOUNTER = r",\s+(?:after|following)\s+[^,;.]{0,100}?\b(?:in|during|over|at)\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){0,2}$"

#: A place right after one of these is where an encounter is, not who takes part.
#: ("in the port city of", "to Russia's Black Sea resort of")
_BUILDINGS = r"hall|building|headquarters|offices?|premises|residence|palace|seat"
#: A building of a body ("in the hall of the Uzbek Council of Ministers"): what follows is where.
BUILDING_OF = r"\b(?:" + _BUILDINGS + r") of\s+(?:the\s+)?$"
_PLACE_MODIFIERS = (r"\s+(?:(?:the\s+)?(?:(?:southern|northern|eastern|western|central|east|west|north|south|resort|port|coastal|capital|border|holy)\s+)?"
                    r"(?:city of\s+|town of\s+)?|(?:the\s+|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?['’]s\s+)(?:[\w-]+\s+){0,3}?"
                    r"(?:resort|port|city|town|village|capital|island|spa|" + _BUILDINGS + r") of\s+(?:the\s+)?)$")
#: A place as where a plan puts an encounter ("a summit planned for Moscow") or as the object of
#: a visit ("will visit China", "toured Peru and Ecuador").
_PLANNED_OR_VISITED = (r"(?:planned|scheduled|set|slated|earmarked) for|"
                       r"(?:will|to|would|did|not|and|also|then|[A-Z][\w.]+)\s+visit|visit(?:s|ed|ing)|tour(?:ed|s|ing)?(?:\s+of)?")
LOCATION_PREPOSITIONS = (r"\b(?:in|at|outside|inside|to|into|across|on the outskirts of|above|via|over|since|"
                         # where a journey starts: "flew in from Quito", "on his way back from Lima"
                         r"(?:flew|flown|flying|fly|arrived|arriving|returned|returning|travell?ed|came|coming|back|in|way)"
                         r"(?:\s+(?:\w+ly|straight|direct|back|home))? from|"
                         # ... told after where it ends: "arrived in Khartoum from Israel"
                         r"(?:arrived|arrives|arriving|landed|lands|came|flew) (?:in|at) (?-i:[A-Z])[\w'’.-]+(?: (?-i:[A-Z])[\w'’.-]+)? from|"
                         # where a journey goes: "left for Lima"
                         r"(?:left|leave|leaves|leaving|depart(?:s|ed|ing)?) for|"
                         + _PLANNED_OR_VISITED + r")" + _PLACE_MODIFIERS)

#: A place after these is where an encounter is held: a locative ("in", "at"), or "to" after a
#: word of going or inviting ("flew to Lima", "a visit to Quito", "invited the two leaders to
#: Quito"). A bare "to" is no venue ("their claims to the city", "sent aid to Lima").
VENUE_PREPOSITIONS = (
    # "since Helsinki in 2018": the place of an earlier encounter
    r"\b(?:in|at|into|outside|inside|on the outskirts of|since|(?:trips?|visits?|visited|journey|tour|travel\w*|"
    r"fl(?:y|ies|ew|own|ying)|jet(?:s|ted|ting)?|went|go(?:es|ing)?|gone|came|comes?|coming|return\w*|head\w*|arriv\w*|"
    r"back|invit\w*(?:\s+[\w-]+){0,3}|welcom\w*(?:\s+[\w-]+){0,3}|(?:sent|sends|send|dispatch\w*)\b[^.;]{0,80}?|"
    # an itinerary: "will go on to Lima", "a tour that took him to Quito"
    r"(?:go(?:es|ing)?|went|gone|fl(?:y|ies|ew|own|ying)|continu\w*|mov(?:e|es|ed|ing)) on|(?:take|takes|taking|took|taken) (?:him|her|them)(?: on)?|"
    # "the visit of the Chilean president to Peru"
    r"(?:visit|trip|journey|tour)s? (?:of|by)(?:\s+[\w'’.-]+){1,5}?)(?:,[^,;.]{1,40},)? to|"
    # "left for Moscow": where the journey goes
    r"(?:left|leave|leaves|leaving|depart(?:s|ed|ing)?) for|"
    + _PLANNED_OR_VISITED + r")" + _PLACE_MODIFIERS)

#: A place after these words is what is talked about, not who talks ("talks on Ukraine",
#: "subjects such as Taiwan", "the war against Ukraine", "discussed North Korea's missiles").
TOPIC_PREPOSITIONS = (r"\b(?:(?<!\bcall )(?<!\bcalled )(?<!\bcalls )(?<!\bcalling )on|about|over|regarding|concerning|such as|including|against|near|with regard to|discuss(?:ed|es|ing)?|"
                      # an envoy's brief: "the Personal Envoy for Western Sahara", "special envoy to Syria"
                      r"(?:envoy|representative|coordinator|rapporteur|commissioner)(?: of the Secretary-General)? (?:for|to|on)"
                      # the one mourned or honoured: "at the memorial service for Nelson Mandela"
                      r"|(?:memorial|funeral|burial|tribute|wake|requiem)(?: service| mass| ceremony)? (?:for|of|to))\s+(?:the\s+)?(?:late\s+)?$")

#: Verbs whose object is what an encounter is about: a place after them, told after the
#: trigger, is in the topic ("talks are expected to cover the offensive in northern Syria").
TOPIC_VERBS = r"\b(?:cover|covers|covered|covering|discuss|discusses|discussed|discussing|address|addresses|addressed|addressing|focus(?:es|ed|ing)? on|dominated by|deal(?:s|t)? with|tackle|tackles|tackled)\b"

#: A place after these is a topic, never a venue ("peace in Ukraine", "the war in Gaza").
NOT_VENUE_BEFORE = r"\b(?:war|peace|ceasefire|cease-fire|truce|conflict|crisis|fighting|situation|invasion|aggression|operations?|interests?|influence|presence|stability|security)\s+(?:in|on|of)\s+(?:the\s+)?$"

#: Verbs that make the country before them the subject of an encounter ("Chile and Peru held
#: border talks"), never the describer of the noun after them.
SUBJECT_ENCOUNTER_VERBS = r"(?:held|hold|holds|opened|open|opens|began|begin|begins|started|start|starts|resumed|resume|resumes|concluded|ended|end|ends)"

#: A country followed by one of these is a topic or a place, not a party ("Russia's war",
#: "the Russia-Ukraine war", "US airspace", "Chinese balloon", "former British colonies",
#: "French-speaking states").
NON_ACTOR_FOLLOWERS = (
    r"(?:['’]s)?(?:\s*-\s*[A-Z][\w.]+)*\s+(?:(?!" + SUBJECT_ENCOUNTER_VERBS + r"\b)(?-i:[a-z][a-z-]*)\s+)?(?:war|invasion|conflict|crisis|aggression|airspace|"
    r"territory|(?:border|frontier)(?! (?:officials|guards|police|authorities|commanders|delegations?|talks|negotiations|commission|committee|meeting))|forces|troops|navy|ports?|grain|economy|media|"
    r"state media|soil|people|question|issue|strait|absence|withdrawal|boycott|exit|strikes?|attacks?|offensive|"
    r"bombing|shelling|raids?|missiles?|drones?|sanctions|blockade|annexation|occupation|"
    # what a country does or owns, talked about: "North Korea's nuclear program"
    r"programs?|programmes?|arsenal|stockpile|enrichment|"
    # a company named by its country: "a U.S. chipmaker", "the German carmaker"
    r"chipmakers?|carmakers?|automakers?|companies|company|firms?|lenders?|banks?|insurers?|airlines?|manufacturers?|"
    r"makers?|producers?|conglomerates?|retailers?|exporters?|startups?|giants?|multinationals?)\b"
    # who a country's name describes, not the state, alone or in a list: "Chinese citizens",
    # "former British, French and Portuguese colonies"
    r"|(?:(?:,|,?\s+(?:and|or))\s+(?-i:[A-Z])[\w-]+)*\s+(?:colon(?:y|ies)|protectorates?|dominions?|citizens|nationals|"
    r"expatriates|diaspora|descent|origin|heritage)\b"
    # a compound adjective of origin or backing ("U.S.-backed rebels", "Russian-made jets")
    r"|-(?:backed|led|supported|sponsored|funded|armed|trained|made|built|born|based|owned|allied|aligned|friendly|occupied|controlled|"
    r"speaking)\b"
    r"|\s+(?:[\w-]+\s+)?(?:resort|hotel|city|town|village|mountains?|region|coast|island|capital)\b"
    # an encounter or a deal named after its place ("the London round", "the Minsk process")
    r"|\s+(?:summit|meeting|talks|negotiations|visit|trip|conference|agreement|declaration|format|round|process|"
    r"accord)s?\b"
    # a firm, a team or a body of that country, not its state ("a Chilean copper company")
    r"|\s+(?:[\w-]+\s+){0,2}(?:company|companies|firm|firms|bank|banks|club|team|airline|carrier|giant|"
    r"conglomerate|miner|producer|manufacturer|maker|university|newspaper|broadcaster|shareholders?|investors?|"
    # ... a sports body ("the Brazilian Football Confederation"), a central bank's people
    r"federation|confederation|football|soccer|olympic|central bank)\b"
)

#: Who takes part, said without a trigger word ("Those attending will include ...", "India sent
#: a lower-level delegation"): the countries join the multilateral encounter told last.
ATTENDANCE_CUES = (
    r"\b(?:those|leaders|delegations|countries|states) attending\b", r"\battendees\b", r"\bwill (?:also )?attend\b",
    r"\brepresented by\b", r"\bto represent\b", r"\bsent (?:a|an|his|her|its)\b", r"\bdelegations? (?:from|of)\b",
    r"\btook part\b", r"\b(?:will|would|to) (?:also )?take part\b", r"\b(?:are|is) taking part\b", r"\b(?:participated|attended)\b",
    r"\bsent (?:\w+ )?(?:delegations|delegates|representatives|envoys|observers)\b",
    r"\b(?:was|were) (?:also )?(?:present|in attendance)\b",
    # a roll call: "The signatories were A, B and C", "Participants include ..."
    r"\b(?:signatories|participants) (?:were|are|included|include)\b",
    # "They included Palestinian President Abbas, ...", "Starmer and Macron are among those
    # expected", "leaders from 35 nations, among them Brazil's Rousseff"
    r"\b(?:they|guests|those present|the guests|the leaders) (?:included|include),?\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}?"
    r"(?:[\w.-]+['’]s\s|(?-i:President|Prime Minister|King|Queen|Emir|Chancellor)\b)",
    r"\bamong (?:those (?:expected|attending|invited|present|taking part)|the (?:leaders|guests|delegates|heads of state) (?:expected|attending|invited|present))\b",
    # ... "among them" naming leaders, not countries ("among them Brazil's Rousseff", not "talks
    # with the Global South, among them China and India")
    r"\bamong them,?\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}?(?:[\w.-]+['’]s\s|(?-i:President|Prime Minister|King|Queen|Emir|Chancellor)\b)",
    # "The mission was made up of South Africa's president, ...", "the delegation comprised" (not
    # a standing membership: "the G20 is made up of ...")
    r"\b(?:was|were) (?:made up|composed) of\b", r"\b(?:mission|delegation|group) (?:included|comprised|consisted of)\b",
)

#: Names of news outlets: a country inside them is not a party ("the Times of Israel").
MEDIA_OUTLETS = (
    r"\bTimes of (?:Israel|India)\b", r"\bVoice of America\b", r"\bRadio Free \w+\b",
    r"\bSouth China Morning Post\b", r"\bChina Daily\b", r"\bRussia Today\b", r"\bKyiv (?:Independent|Post)\b",
    r"\bMoscow Times\b", r"\bJerusalem Post\b", r"\bJapan Times\b", r"\bKorea (?:Herald|Times)\b",
    r"\bHindustan Times\b", r"\bSky News(?: Arabia)?\b", r"\bAl Jazeera(?: Arabic)?\b",
    r"\bEuropean Pravda\b", r"\bUkrainska Pravda\b", r"\bXinhua\b", r"\bTASS\b", r"\bKCNA\b",
    r"\bCCTV\b", r"\bAsia Society\b",
)

#: Between a visit and a following trigger: the trigger is the visit's purpose ("arrived in
#: Moscow for talks", "is due in Moscow to meet"), not another encounter.
#: Between a verb of meeting and a noun of summit or talks, what makes the noun the meeting's
#: name ("met in Vladivostok for their first summit"), not a second encounter ("met and agreed
#: to hold a summit").
MET_FOR = r"^(?:(?!\band\b)[^;])*\bfor\s+(?:a|an|the|their|its|his|her)\s+(?:[\w-]+\s+){0,2}$"
PURPOSE_BEFORE = r"\b(?:for|to)\s+(?:a\s+|an\s+|the\s+|hold\s+(?:a\s+)?|have\s+(?:a\s+)?)?(?:(?:\d+|one|two|three|four|five|six|seven|several|a few)\s+days?\s+of\s+)?(?:(?!and\b|then\b)[\w-]+\s+){0,2}$"

#: Titles stripped from the front of a head's name.
PERSON_TITLES = (
    "President", "Prime", "Minister", "Admiral", "General", "Secretary", "Ambassador", "Foreign",
    "Chancellor", "King", "Queen", "Prince", "Crown", "Premier", "Mr.", "Mrs.", "Ms.", "Dr.",
    "Deputy", "Vice", "Director", "Chief", "Senator", "Governor", "Sheikh", "Emir",
    # military ranks a leader may be called by ("Colonel Nasser", "Field Marshal Ayub")
    "Colonel", "Col.", "Lieut.", "Lieutenant", "Gen.", "Marshal", "Field", "Major", "Captain",
)

#: A person named after a country or its adjective and a title ("Afghan President Ashraf
#: Ghani", "Chile's Foreign Minister Ana Soto", "U.S. Secretary of State ..."): a person of that
#: country, matched right after the country. At least one word is a PERSON_TITLES word.
TITLED_PERSON = (r"(?:['’]s)?\s+(?P<titles>(?:(?:" + "|".join(t.replace(".", r"\.") for t in PERSON_TITLES) +
                 r"|[Ss]tate|of|for|Defen[cs]e|Finance|Trade|Interior|Economy|Affairs|General)\s+){1,5})"
                 r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:bin\s+|al-|de\s+)?[A-Z][\w'’-]+){1,2})")

#: A definite reference to an encounter already told. The noun group between the determiner
#: and the trigger is short ("the Istanbul meeting", "their formal meeting").
ANAPHORA = r"\b(?:the|that|this|these|those|their|its|his|her|such)\s+(?:(?!(?:following|after|before|for|with|on|in|at|of|to|and|or|by|from|during|since|ahead|over|into|than)\b)[\w'’-]+\s+){0,2}$"

#: A word between the determiner and the noun that makes it another occurrence than the one in
#: play ("Erdogan's previous visit", "their next meeting", "the earlier round"): no anaphor.
ANOTHER_OCCURRENCE = r"\b(?P<when>previous|earlier|prior|former|next|last|following)\s+(?:[\w-]+\s+)?$"

#: A count before a plural noun of encounters ("the last three summits", "several visits"): many
#: encounters, none of them told.
COUNTED = r"\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens? of|\d+|several|many|numerous|multiple|a few|a series of|a number of)\s+(?:[\w-]+\s+)?$"
#: The plural nouns such a count makes none of: "the last three summits" (talks and rounds are
#: one process).
COUNTED_NOUN = r"(?:summits|meetings|visits|calls|sessions)"

#: The officials told before, uncounted, as the subject of an encounter: "the leaders agreed to
#: meet again in Quito", "the heads of state will meet once a year": all the parties of the
#: gathering told before, not only the last two named.
COLLECTIVE_REFERENCE = (
    r"\bthe (?:leaders|presidents|premiers|prime ministers|(?:foreign |defen[cs]e |trade )?ministers|heads of (?:state|government)|"
    r"delegations|delegates|(?:special )?representatives|envoys|negotiators)\b(?!\s+of\b)"
    r"(?=\s+(?:(?:\w+ly|then|also|later|again|last|first|once|have|had|will|would|are to|were to)\s+)?"
    r"(?:met|meet|meets|held|hold|holds|spoke|speak|talked|talk|signed|sign|sat|agreed|discussed|shook|gathered|convened)\b)")

#: Phrases standing for the countries already in play.
#: The role a group reference names, and the roles (officials.csv `role`, or a title before a
#: name) that fill it: "the two presidents" are two presidents, not a chancellor told beside them.
REFERENCE_ROLES = {
    "presidents": ("president",),
    "prime ministers": ("prime minister", "premier"),
    "premiers": ("prime minister", "premier"),
    "chancellors": ("chancellor",),
    "foreign ministers": ("foreign minister", "foreign secretary", "secretary of state"),
    "kings": ("king",),
    "monarchs": ("king", "queen", "emir", "sultan"),
}
#: A title written right before a person's name, and the role it gives ("Chancellor Angela Merkel",
#: "Finland's President, Sauli Niinisto"; case-sensitive).
TITLE_ROLES = {"President": "president", "Prime Minister": "prime minister", "Premier": "premier",
               "Chancellor": "chancellor", "Foreign Minister": "foreign minister",
               "Foreign Secretary": "foreign secretary", "Secretary of State": "secretary of state",
               "King": "king", "Queen": "queen", "Emir": "emir", "Sultan": "sultan"}

GROUP_REFERENCES = (
    r"\bthe (?:two|three|four|five|six|seven|eight|nine|ten) (?:[\w-]+ )?(?:nations|countries|sides|leaders|men|women|presidents|"
    r"governments|ministers|delegations|states|powers|superpowers|rivals|neighbours|neighbors|premiers|chancellors|envoys|"
    r"heads of (?:state|government)|teams|allies|capitals|monarchs|kings)\b",
    r"\bboth (?:sides|countries|nations|leaders|men|women|governments|delegations|parties|presidents|premiers|"
    r"(?:[\w-]+ )?ministers|envoys|capitals|teams)\b",
    r"\bthe pair\b", r"\bbilateral\b", r"\bthey\b",
    # "the two" as the subject of an encounter: "the two then met in Lima", "the five agreed that
    # their next meeting ..."
    r"\bthe (?:two|three|four|five|six|seven|eight|nine|ten)\b(?=\s+(?:(?:\w+ly|then|also|later|again|have|had|will|would|are to|were to)\s+)?"
    r"(?:met|meet|meets|held|hold|holds|spoke|speak|talked|talk|signed|sign|sat|agreed|discussed|shook)\b)",
    COLLECTIVE_REFERENCE, r"\b(?:their|his|her) (?:[\w-]+ )?counterparts?\b",
    # "their foreign ministers met": the officials of the pair in play ("its leaders", a
    # dialogue's or a process's)
    r"\b(?:their|its) (?:foreign |prime |defen[cs]e |trade |finance |deputy |chief )?(?:ministers|leaders|presidents|envoys|"
    r"delegations|negotiators|deputies|governments|diplomats|advisers|advisors)\b",
)

#: Before an encounter noun, a possessive of the parties told before: "their next summit", "the
#: leaders' first session" is an encounter of the same parties.
THEIR_ENCOUNTER = (r"\b(?:their|the (?:leaders|ministers|presidents|premiers|delegations|sides|"
                   r"heads of (?:state|government))['’])\s+(?:[\w-]+\s+){0,2}$")

#: A headline's infinitive is its future: "Tajik, Kyrgyz presidents to sign border treaty",
#: "Biden to meet Xi in Bali" (a short sentence, no finite verb before the "to" of the trigger).
HEADLINE_FUTURE = (r"^(?:(?!\b(?:is|are|was|were|be|been|will|would|has|have|had|said|says|agreed|plans?|wants?|"
                   r"hopes?|\w+ed)\b)[^.;:!?])*\bto\s+$")

#: What may stand before a date opening a sentence ("On 19 October 1956, ...", "In June 1961, ...").
OPENING_DATE = (r"\s*(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s+[-–—]\s+)?"  # after a dateline ("China - Today, April 7, ...")
                r"(?:(?:On|In|At|During|Early|Late|Back|By|Then|And)\s+(?:in\s+|on\s+)?(?:the\s+)?)?")

#: Between two triggers: the second coordinated with the first ("a visit and talks", "visited
#: Beijing earlier this week and held talks"), sharing its time and place when it has none.
COORDINATED_BETWEEN = r"(?:\s+[\w'’-]+){0,5}?\s+and\s+(?:then\s+)?(?:(?:held|had|holds|hold|conducted)\s+)?(?:an?\s+|the\s+)?"

#: A relative clause between commas right after a trigger's clause (", which had been set for
#: Friday, "): what follows it is the trigger's main clause again.
RELATIVE_CLAUSE = r"\s*,?\s*(?:which|that|who)\b[^,;.]{0,120},\s*"
#: A participle set off by commas after a noun of encounter, telling an earlier plan for it
#: ("Zelensky's trip to Washington, initially planned for Wednesday, went ahead on Friday"): the
#: verb after it tells what became of the encounter.
PLAN_ASIDE = (r"(?:\s+(?:to|in|of|between|with|by|at|on|for|from)\b[^,;.]{0,80}?)?"
              r"(?:\s*,\s*(?:(?:initially|originally|first|once|previously|already)\s+)?(?:planned|scheduled|set|slated|"
              r"expected|due|announced|agreed|penciled|pencilled)\b[^,;.]{0,80},\s*|" + RELATIVE_CLAUSE + ")")
#: A relative clause without a comma right after a noun of encounter, whose verb is the doing of
#: that encounter (case-sensitive): it tells the encounter's tense whatever the main verb's is
#: ("It will return the visit Sadat paid to Jerusalem in 1977": held; "repeats the talks that
#: the two men will hold in May": planned). Its subject holds no preposition or verb ("the visit
#: to Moscow made headlines" is no such clause).
CONTACT_RELATIVE = (r"\s+(?:that\s+|which\s+)?(?:(?!(?:to|in|at|with|of|on|by|for|from|between|and|or|is|are|was|were|"
                    r"has|have|had|will|would|should|could|may|might|must)\b)[\w'.’-]+\s+){1,4}?"
                    r"(?:(?P<held>(?:had\s+|has\s+|have\s+)?(?:made|paid|held|hosted|attended|undertook|conducted|"
                    r"chaired|led))|(?P<planned>(?:will|would|is\s+to|are\s+to|plans\s+to|intends\s+to|hopes\s+to)\s+"
                    r"(?:make|pay|hold|host|attend|undertake|conduct|chair|lead)))\b")
#: The opening of a clause that tells an encounter of its own: one told at another time than the
#: one before it ("..., a day after Orban held talks", "since they met in Lima"), or a relative
#: clause on a person ("Modi, who met Putin in July, ..."); not "when", "where" or "as", which
#: tell the same occasion.
OTHER_ENCOUNTER_OPENING = (r"[\s,]*(?:(?:(?:[\w-]+\s+){0,5}(?:days?|weeks?|months?|years?)\s+)?(?:after|before|since|following)"
                           r"|who|which)\b")
#: A length of time right before a noun of encounter: the encounter is what the main clause tells,
#: its subject and its day ("Trump and Zelensky sat knee to knee on Saturday, shortly before the
#: funeral, for about 15 minutes of talks").
DURATION_OF = r"\bfor\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|some\s+|over\s+)?[\w-]+\s+(?:minutes|hours|days)\s+of\s+(?:[\w-]+\s+)?$"
#: Between a journey and a noun of encounter, a purpose of the journey's own that the noun is
#: only about ("flew to Moscow to fix a date for this summit"): the journey is no trip to it.
PURPOSE_OF_ITS_OWN = r"\bto\s+[a-z]+\s+(?:a|an|the|its|their)\s+[\w-]+\s+(?:for|of)\s+\w+\s*$"
#: Between a person and a trigger: a relative clause on that person ("Modi, who met Putin").
RELATIVE_ON_PERSON = r",\s+(?:who|which)\s+(?:\w+\s+){0,3}"
#: A sentence opening with a personal pronoun as its subject, before its verb ("He cut short a
#: visit", "She then held talks"), perhaps after an opening phrase of time or place ("On his
#: visit to Britain he held talks", "At the summit, she met") or a report ("It said he had
#: spoken with Trump"): the person told before
#: (case-sensitive).
PRONOUN_SUBJECT = (r"\s*(?:(?:On|At|In|During|After|Before|From|Later|Earlier|Last|Then)\b[^,;:.!?]{0,80}?,?\s+(?:he|she)|"
                   r"(?:It|His office|Her office|Officials|Aides)\s+(?:said|says|added)\s+(?:that\s+)?(?:he|she)|"
                   r"He|She)\s+(?:(?:\w+ly|then|first|also|later|again|now)\s+)?(?:[a-z]+ed|cut|met|held|had|made|"
                   r"paid|took|went|flew|left|put|sent|spoke|gave|saw|came|kept|began|will|would|is|was|has)\b")
#: A present perfect with "just" before a verb of encounter: it took place on the day of the
#: report ("Zelensky says he has just had a long call with Trump").
JUST_DONE = r"\b(?:has|have|'s|'ve)\s+just\s+(?:had|held|met|spoken|talked|finished|wrapped\s+up|concluded|ended|returned|hosted|received)\b"
#: A relative clause set off by commas on the subject, closed by the comma before the main
#: verb: "Hassan, who arrived on Monday for a two-day visit, is due to address parliament". Its
#: closing comma (group 1) ends a clause: what it tells is told in its own tense.
RELATIVE_CLOSE = (r",\s+(?:who|which)\b[^,;()]{5,160}(,)(?=\s+(?:is|are|was|were|has|have|had|will|would|plans|planned|"
                  r"intends|hopes|expects|wants|held|met|made|paid|spoke|went|flew|took|began|sat|came|left|[a-z]+ed)\b)")

#: A noun of encounter opening its clause as the subject ("The negotiations in Brussels between
#: Heath and the ministers of the Six, ..., are due to resume next Monday"): matched from the
#: clause's start to the trigger. Its main verb, however long the subject, tells its tense and
#: its day.
SUBJECT_NOUN_BEFORE = r"\s*(?:(?:The|Their|His|Her|Its|This|That|These|Those)\s+)(?:[\w'’-]+\s+){0,3}"
#: The main verb after such a subject: the first auxiliary or verb of being, not one inside a
#: relative clause on the subject ("which were ...").
SUBJECT_PREDICATE = r"(?<!\bwhich )(?<!\bthat )(?<!\bwho )\b(?:is|are|was|were|will|would|has|have|had|remain|remains)\b"

#: An aside opened by a participle after its subject, up to a date in it ("Wong, sworn in on
#: Monday, met ..."; case-sensitive): the date is the aside's, not the main verb's.
PARTICIPLE_ASIDE = r",\s+(?:\w+ly\s+)?(?:sworn in|[a-z]+ed|[a-z]+en)\b[^,;()]{0,40}$"

#: A clause of what was said or agreed, after a trigger: "that" and a subject and a modal
#: ("agreed in a call on Sunday that Turkey would host the round"; case-sensitive).
THAT_CLAUSE = r"\bthat\s+(?:(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?|he|she|they|it|we|both)\s+(?:would|will|should|could|might|must|can)\b"

#: Right before a cancellation cue: the pluperfect, a postponement before the time told ("on a
#: visit he had postponed last month").
PLUPERFECT_BEFORE = r"\bhad\s+(?:been\s+)?(?:\w+ly\s+)?$"
#: Between a trigger and the list of places and days after it: the clause of another noun
#: ("after the talks, ending a tour that took him to Tokyo, where ..."), whose list it is.
ANOTHER_NOUNS_CLAUSE = r",\s+(?:[a-z]+ing)\b|\b(?:that|which|who)\b"

#: A sentence opening with the occasion the sentence before told ("During that visit, ...", "At
#: that meeting ..."): what it tells happened then.
DURING_THAT = r"\s*(?:During|At|On|In the course of)\s+(?:that|this|the same)\s+(?:visit|trip|meeting|summit|stay|session|encounter)\b"

#: Between two names of one list: "Saudi Arabia and the United States", "Peru, Ecuador, and Chile".
LIST_JOIN = r"(?:,\s*|\s+(?:and|or)\s+|,\s+(?:and|or)\s+)(?:the\s+)?"

#: From one member of a list to the next, past a leader's title and name after the first, matched
#: case-sensitively: "Bolivia's President Arce and Ecuador", "Peru, Chile and".
LISTED_NEXT = (r"(?:['’]s)?(?:\s+(?:[A-Z][\w.'’-]*|of|the|de|al))*?(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?")

#: The item of a list that opens with one of these ends the span the item before began ("meetings
#: that began in February and ended with an accord signed on 26 August"): one encounter, no list.
SPAN_END_ITEM = r"\W*(?:and\s+)?(?:ended|ending|ends|closed|closing|concluded|until|till|through|lasted|continued)\b"

#: What separates the members of a roll call, matched case-sensitively: a list's joins, a
#: person's title and name before "of" ("Nehru of India, Premier Chou of China and ..."), and
#: who led each delegation after it ("Chile, under President Boric; Peru, led by its premier; ...").
ROSTER_GAP = (r"(?:(?:\s+[A-Z][\w.'’-]*){0,3}\s+of\s+(?:the\s+)?|(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?"
              r"(?:[A-Z][\w.'’-]*\s+){0,5}(?:of\s+(?:the\s+)?)?|"
              r",\s+(?:under|led by|headed by|represented by)\s+(?:its\s+|their\s+)?(?:[A-Z]|(?:prime|foreign|vice|deputy|"
              r"president|premier|king|queen|chancellor|minister|ambassador|envoy))[^;,.]{0,60}[;,]\s+(?:and\s+)?(?:the\s+)?)")

#: An encounter noun right after a place ("Japanese talks"): with a hyphenated pair before it,
#: the place is a party ("German-Japanese talks").
ENCOUNTER_NOUN_AFTER = (r"\s+(?:[\w-]+\s+)?(?:summit|meeting|talks|negotiations|visit|trip|conference|call|"
                        r"agreement|declaration|treaty|relations|ties|dialogue|consultations)\b")

#: A date the text itself places ahead of the report ("next Monday", "tomorrow", "in the coming
#: days"): with no verb in the past, its encounter is a plan whatever other word suggests.
FUTURE_DATE = r"\b(?:next|coming|tomorrow|upcoming)\b"

#: Right after a trigger: the encounter began on the date told ("The talks began on June 28",
#: "the conference opened on Jan. 4"), so it may end on a later day told elsewhere.
OPENS_AFTER = r"\s+(?:had\s+)?(?:began|begun|opened|started|kicked off|got under way|convened)\b"
#: An encounter told again as taken up once more ("resumed the talks on Sunday", "the summit
#: reconvened"): a later day of the encounter told before, not another one.
RESUMES_BEFORE = r"\b(?:resum(?:e|ed|es|ing)|reconven(?:e|ed|es|ing)|resumption of)\s+(?:the|their)\s+(?:[\w-]+\s+)?$"
RESUMES_AFTER = r"\s+(?:had\s+)?(?:resumed|reconvened)\b"

#: A day and the encounter told as its apposition ("announced on Sunday, the day the summit was
#: due to open, that ..."): matched between the day and the trigger; the day is the encounter's.
DAY_APPOSITION = r",\s+the\s+(?:very\s+|same\s+)?day\s+(?:that\s+|when\s+|on\s+which\s+)?[^,;()]{0,60}$"
#: Days counted from a day told after the encounter, matched between the trigger and that day:
#: "spoke by phone, two days after Lee took office on June 4" is so many days after it (a day
#: told before it, "signed on Friday, a day after the talks", is DAYS_APART_BEFORE's).
DAYS_TO_A_DAY_AFTER = (r"^[^;()]{0,40}?,\s+(?P<count>a|one|two|three|four|five|six|seven|\d)\s+days?\s+"
                       r"(?P<dir>after|before)\b[^,;()]{0,60}$")

#: What may follow the date a photo caption ends with: the full stop, and the agency's credit.
CAPTION_END = r"\s*\.?\s*(?:\([^)]{0,120}\)\s*)?(?:$|\n)"

#: What ends the date heading an entry of a timeline ("April 12 - ...", "12 March: ...").
ENTRY_DATE_END = r"\s*[-–—:]\s"

#: A numbered round told alone ("Second round, in Rome"): a round of the talks between the two
#: countries the article is about.
BARE_ROUND = ROUND_ORDINALS + r" round(?:[- ]?table)?$"

#: A trigger ending with an object pronoun ("received them"): the pronoun stands for the people
#: told just before, as "both sides" does.
PRONOUN_OBJECT = r"\b(?:them|him|her)$"

#: The words opening a clause that gives the time ("..., when Putin visited India") or the place
#: ("... to Quito next week, where she will meet ...") of the clause it modifies.
WHEN_WORD = "when"
WHERE_WORD = "where"

#: Group references that count two without a number word ("both sides", "the pair").
PAIR_WORDS = frozenset({"both", "pair", "bilateral"})

#: An encounter named as preparing another ("preparatory talks in Beijing", "a preliminary
#: meeting of officials"): another encounter than the one it prepares, whatever the month.
PREPARATORY = r"\b(?:preparatory|preliminary)\s+(?:[\w-]+\s+)?$"

#: A verb of sequence between two encounters ("the talks followed negotiations in Quito
#: earlier this month", "the summit came after a meeting of their ministers"): two encounters,
#: however alike their parties, place and month.
SEQUENCE_VERBS = r"\b(?:followed|follows|follow|preceded|precedes|came after|comes after|come after)\b"
#: What an encounter prepares is another encounter, later: "met on Monday to prepare for the
#: summit", "talks ahead of the visit".
PREPARES = r"\b(?:ahead of|in the run-up to|to prepare|prepar(?:e|es|ed|ing) for|in preparation for|pav(?:e|es|ed|ing) the way for)\b"

#: Between two triggers, a copula making the second a name for the first ("the visit would be
#: their first in-person meeting", "the talks were the highest-level contact"): one encounter.
PREDICATE_BETWEEN = r"\s+(?:is|was|were|are|will be|would be|has been|had been)\s+(?:the|their|a|an|his|her|its)\s+(?:[\w-]+\s+){0,3}"

#: Markers that split a sentence into clauses: a date or place belongs to its own clause.
CLAUSE_BREAKS = (
    r";", r",\s+(?=(?:since|after|following|when|while|whereas|but|before|as|which|where|who|although|though|yet|and then)\b)",
    r"\b(?:said|says|announced|told \w+|reported|confirmed|noted|stated)\s+(?=that\b)",
    # "told his counterpart in a call on Monday that he would visit": the reported clause
    r"\b(?:told|tells|informed|assured|warned|reminded)\s+(?:[\w'’-]+\s+){1,8}?(?=that\s+(?:he|she|they|it|we|the|his|her|their|[A-Z]))",
    r"\s+(?=(?:since|after|before|following)\s+(?:his|her|their|the|a|an|he|she|they|it|we|[A-Z]\w*)\b)",
    # the next leg of a journey: "... in Tokyo on Saturday before flying on to Washington"
    r"\s+(?=(?:after|before)\s+(?:fl(?:ying|own)|travell?ing|heading|leaving|going|moving|continuing|returning)\b)",
    # a measured interval opens a clause of its own ("..., barely two weeks after the two men met")
    r",\s+(?=(?:[\w-]+\s+){0,5}(?:days?|weeks?|months?|years?)\s+(?:after|before|since)\b)",
    # a verb of sequence between two encounters: each has its own time and place
    r"\s+(?=" + SEQUENCE_VERBS + r"\s+(?!by\b))", r"(?<!\bbeing)(?<!\bbeen)(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)\s+(?=" + PREPARES + ")",
    # (not a dash opening a list of names in apposition: "the leaders of the island countries -
    # Fiji, Samoa and Tonga")
    r"\s+--\s+", r"\s+-\s+(?!(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},\s)",
    # a clause coordinated after a comma, opening with its own time or place: "visited the Gambia
    # on Saturday, and on Sunday he received ..."
    r",\s+(?=and\s+(?:on|in|at|later|then|earlier|the next|the following|last|this|next)\b)",
    # a clause coordinated after a comma with a subject of its own, named, and its past verb:
    # "held talks on Tuesday, and Prime Minister Narendra Modi received the visiting minister"
    r",\s+(?=and\s+(?:(?:the\s+)?(?-i:[A-Z])[\w'’.-]+\s+){1,5}(?:received|met|hosted|welcomed|flew|travell?ed|"
    r"visited|called|spoke|held|sat)\b)",
)

# --- date attachment -------------------------------------------------------------------------

#: Verbs telling that an encounter took place on a day, not that it ended then.
OCCURRED = r"\b(?:held|took place|met|opened|began|started|convened)\b"

#: An encounter told as ending ("the trip draws to a close today", "the summit ended on
#: Tuesday"): the date in its clause is the last day, not the first; the first day stays unknown
#: unless another sentence gives it, or its length does ("after fifteen days of talks").
ENDING_CUES = (
    r"\b(?:draws?|drew|drawing) to a close\b", r"\b(?:comes?|came|coming) to an end\b",
    r"\b(?:wraps?|wrapped|wrapping|wound|winds?|winding) up\b",
    r"\bconclud(?:es|ed|ing)\b(?!\s+(?:the|a|an|their|its|his|her|this|that)\b)",
    # intransitive only: "the talks ended on Friday", not "a declaration that ended the war"
    r"\bend(?:ed|s)\b(?!\s+(?:the|a|an|their|its|his|her|this|that|decades|years)\b)",
    # (not "closed to the press": shut to someone, not ended)
    r"\bclos(?:ed|es)\b(?!\s+(?:the|a|an|their|its|his|her|this|that|to)\b)", r"\bbroke up\b",
    # "broke off their meeting here tonight": ended it
    r"\b(?:broke|breaks|break) off\b",
    # running on to a day: "two days of talks that ran deep into Tuesday night" (not "ran into trouble")
    r"\b(?:ran|runs|running|went|dragged|stretched|continued)\s+(?:on\s+)?(?:deep|late|well)?\s*into(?=\s+(?:the\s+)?(?:"
    + WEEKDAY + r"|night|the\s+night|early|late|today|yesterday)\b)",
    # a participle ending a span, before its day: "three days of talks ending Sunday"
    r"\bending(?=\s+(?:on\s+)?(?:" + WEEKDAY + r"|today|yesterday)\b)",
    # transitive, with the encounter as object: "leaders closed a four-day summit on Monday",
    # "the ministers ended their talks in Oslo" (not "ended the war": no encounter follows; nor a
    # visit, which keeps the day told: "ended his visit to Peru on Friday"; "concluded the talks"
    # tells an outcome more than a last day)
    r"\b(?:closed|closes|ended|ends|wrapped up|wraps up)\s+(?:a|an|the|their|its|his|her)\s+"
    r"(?:[\w-]+\s+){0,2}?(?=(?:summit|talks|conference|meeting|negotiations|session|round)s?\b)",
    # "..., closing three days of speeches", "capping a week of talks"
    r"\b(?:closing|ending|concluding|capping|wrapping up)\s+(?:a|an|the|\w+)\s+(?:days?|weeks?)\s+of\b",
)

#: A visit told in the present ("Blinken's visit is the latest ...", "X is visiting Peru") is
#: under way on the day of the report; matched right after the visit's trigger or right before it.
UNDER_WAY_AFTER = r"\s+(?:to\s+[A-Z][\w-]+\s+)?(?:is|are)\b(?!\s+(?:expected|due|set|scheduled|planned|to|likely|going|slated|being\s+planned)\b)"
UNDER_WAY_BEFORE = r"\b(?:is|are)\s+(?:now\s+|currently\s+)?(?:on\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+)?)?$"

#: The clock time opening an entry of a live blog ("09:04 - The handshake.", "3.15pm GMT: ..."),
#: matched at the start of a line, after the entry's day where it gives one ("Aug 15, 6:20 p.m.
#: ET", "15 August 2025, 18:20"). Its undated held encounters happen on the entry's day, else on
#: the blog's.
LIVE_ENTRY = (r"(?m)^[ \t]*(?:(?:[A-Z][a-z]+,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?"
              r",?\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\s*(?:[-–—:|]|$)")

#: Number words for counts of days ("after fifteen days of talks").
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}
#: "fifteen days of talks", "17 days of negotiations": the length of the encounter the trigger
#: right after names; matched on the words before the trigger.
DAYS_OF = r"\b(?P<count>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+days\s+of\s+(?:[\w-]+\s+){0,2}$"
#: ... or on the words after it, when they close that many days ("the conference ended today,
#: closing three days of speeches").
DAYS_OF_AFTER = (r"^[^.;]{0,90}?\b(?:closing|ending|concluding|capping|after)\s+(?P<count>\d{1,2}|" +
                 "|".join(NUMBER_WORDS) + r")\s+days\s+of\b")

#: Between a day and a trigger counted in days: the day closes those days ("left Pyongyang on
#: Saturday after two days of talks", "signed on Monday, ending a week of negotiations").
CLOSED_BY_DAYS = (r",?\s+(?:[\w-]+\s+){0,3}?(?:after|following|closing|ending|concluding|capping)\s+(?:a\s+)?(?:\d{1,2}|" +
                  "|".join(NUMBER_WORDS) + r"|a)?\s*(?:days?|week)\s+of\s+(?:[\w-]+\s+){0,2}")

#: Coming back from a trip counted in days ("returned from his two-day trip to Seoul on Monday"):
#: the day told is the trip's last.
RETURNED_FROM = r"\b(?:returned|returns|returning|came back|comes back|flew back|flew home|arrived home|got back)\s+(?:home\s+)?from\s+(?:[\w'’-]+\s+){0,3}$"

#: Day N of a multi-day encounter: "on the first day of the trip", "12 July, day two of the
#: summit". `ordinal` is a key of ORDINAL_DAYS; `noun` names the encounter it counts from
#: (a key of ORDINAL_NOUN_KINDS). The encounter's first day plus N-1 is the day meant; with a
#: date just before ("12 July, day two of ..."), the encounter's first day is that date minus N-1.
ORDINAL_DAY_PATTERNS = (
    r"\b(?:the\s+)?(?P<ordinal>first|second|third|fourth|fifth|opening)\s+day\s+of\s+",
    r"\bday\s+(?P<ordinal>one|two|three|four|five|1|2|3|4|5)\s+of\s+",
)
ORDINAL_DAY_TAIL = r"(?:the|his|her|their|its|this|that)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>trip|visit|tour|summit|talks|meetings?|conference|negotiations)\b"
ORDINAL_DAYS = {"first": 1, "opening": 1, "one": 1, "1": 1, "second": 2, "two": 2, "2": 2,
                "third": 3, "three": 3, "3": 3, "fourth": 4, "four": 4, "4": 4, "fifth": 5, "five": 5, "5": 5}
ORDINAL_NOUN_KINDS = {"trip": "visit", "visit": "visit", "tour": "visit", "summit": "summit",
                      "talks": "talks", "meeting": "meeting", "meetings": "meeting",
                      "conference": "summit", "negotiations": "talks"}

#: "the first such phone call since July 2022", "their first meeting since 2019", "the first
#: meeting between the two since they met in Vienna in 1961": the date after "since" dates an
#: earlier encounter of the same kind between the same parties.
#: "The call came a day after the ministers met", "two days before the summit opened": the
#: encounter after it is that many days before (after) the one the sentence is about.
#: ... when the sentence opens by referring back to the encounter it counts from.
DAYS_APART_OPENING = (r"\s*(?:The\s+(?:[\w-]+\s+)?(?:call|talks|meeting|summit|visit|trip|signing|conversation|"
                      r"negotiations)|It)\b")
DAYS_APART_BEFORE = r"\b(?P<count>a|one|two|three|four|five|\d)\s+days?\s+(?P<relation>after|before)\s+(?:[\w'’.,-]+\s+){0,12}?$"

#: "The two leaders last spoke in December": the previous encounter of the pair the article is
#: about, not of the pair named just before.
LAST_TIME_BEFORE = r"\blast\s+$"
#: Between "since" and its date, a word other than these tells another kind of event ("since the
#: war began in 2011", "since independence in 1991"): the date is no earlier encounter.
SINCE_OTHER_EVENT = r"\b(?!(?:the|early|late|mid|in|on|at|of|around|about|some|back|one|last|previous)\b)[a-z][\w-]*\b"
#: "have not met since the summit in Osaka", "had not spoken since 2019": the last encounter.
NOT_SINCE_BEFORE = r"\b(?:not|never|n[o’']t)\s+(?:\w+\s+)?$"
FIRST_SINCE_BEFORE = r"\bfirst\s+(?:[\w'’.-]+\s+){0,3}$"
FIRST_SINCE_AFTER = r"^[^;:]*?\bsince\s+"
#: The encounter just told is the first since an earlier one: "the summit, the first since the
#: one in Quito in 2019"; "the first time the two presidents meet in person since Quito": the
#: trigger stays the new encounter, and the since-clause tells another.
FIRST_SINCE_APPOSITIVE = r"^,?\s*(?:the|its|their)\s+first(?:\s+[\w'’-]+){0,3}?\s+since\s+"
FIRST_TIME_BEFORE = r"\bthe\s+first\s+time\b[^.;:]{0,80}$"

#: What an item of a list of encounters holds besides its place and its date: joining words
#: ("in Lima in May 2019, in Quito in October 2021 and again in Tumbes last July").
LIST_ITEM_REST = (r"[\s,;:.]*(?:(?:and|then|again|finally|later|once more|in|at|on|the|city of|capital|"
                  # the count the list opens with: "have met five times: in Kyiv ..."
                  r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+) times|twice"
                  # what an item was for, or what happened then: "in Moscow in April 1997 to sign
                  # a border pact, then ...", "... and in Dushanbe in July 2000, when Karimov came"
                  r"|to\s+(?!(?-i:[A-Z]))[a-z]+\b[^,;:]{0,80}|when\b[^,;:]{0,80}$)\b[\s,;:.]*)*")

#: What else an object of a verb of meeting may hold in a list of objects, each with its own
#: place and date ("met India's prime minister, Narendra Modi, in Tokyo on Saturday and
#: Australia's in Canberra on Monday"): a title, a name, the words of the list.
GAPPED_OBJECT_REST = (r"[\s,;:.]*(?:(?:and|then|later|with|in|at|on|the|his|her|their|['’]s|(?i:" + LEADER_ROLE + r")|counterparts?|"
                      r"(?-i:[A-Z][\w'’.-]*))(?![\w'’-])[\s,;:.]*)*")

#: Objects of a verb of meeting met one after the other: "meeting the Saudi crown prince and then
#: the Qatari emir", "seeing first Mr. Shastri and then Field Marshal Ayub".
ONE_AFTER_ANOTHER = r"\s+(?:first\s+)?(?P<first>[^,;.]{3,80}?),?\s+and\s+then\s+(?:with\s+)?(?P<second>[^,;.]{3,80}?)(?=[,;.]|\s+(?:in|at|on|to|for)\b|$)"
#: A call of several sides: one told with these words is one call; any other is a call between
#: two, so one leader calling several held a call with each ("telephoned Hun Manet and Thailand's
#: prime minister").
GROUP_CALL = r"\b(?:three|four|five|six)-way\b|\b(?:trilateral|multilateral|joint|conference|group)\s+(?:video\s+|phone\s+|tele)?(?:call|conversation)|\bvideo\s*conference\b|\bvirtual (?:summit|meeting)\b"
#: ... or met each on their own: "Xi met Ishiba and Yoon separately the same day", "met separately
#: with the foreign ministers of Armenia and Azerbaijan".
MET_SEPARATELY = (r"\s+(?:with\s+)?(?P<first>[^,;.]{3,80}?),?\s+and\s+(?:with\s+)?(?P<second>[^,;.]{3,80}?)\s+"
                  r"(?:separately|individually|one by one|in turn)\b"
                  # "met separately with the foreign ministers of Armenia and Azerbaijan"
                  r"|\s+(?:separately|individually|in turn)\s+(?:with\s+)?(?P<first2>[^,;.]{3,80}?),?\s+and\s+(?:with\s+)?"
                  r"(?P<second2>[^,;.]{3,60}?)(?=[,;.]|\s+(?:in|at|on|to|for|during|before|after)\b|$)")

#: Between the dates after a trigger, a verb of another act: no list of encounters, but acts
#: one after the other ("talks in Tokyo on Saturday before flying on to Washington on Monday").
NEXT_ACT = r"\b(?:before|after|then)\s+(?:\w+ly\s+)?\w+ing\b|,\s+(?:while|whereas)\s"

#: Plural encounter nouns that can open a list of past or coming encounters (a chronology).
PLURAL_TRIGGER_NOUNS = r"(?:meetings|talks|summits|visits|trips|encounters|rounds|negotiations|consultations|calls)$"
#: What separates the items of such a list: semicolons (commas separate place and date).
LIST_SEPARATORS = r";"

#: Length of a visit in its own words ("a two-day visit"): its last day follows from its first.
DURATION_WORDS = {"one-day": 1, "two-day": 2, "three-day": 3, "four-day": 4, "five-day": 5,
                  "six-day": 6, "seven-day": 7, "week-long": 7, "weeklong": 7}

#: Travel to an encounter ("travelling to Beijing for talks on Friday", "arrived in Doha for a
#: round of talks"): the encounter is the talks, not a visit. But a stay counted in days ("for
#: five days of meetings") is a visit.
MOTION_TRIGGERS = r"^(?:arrived|arrives|arriving|landed|lands|touched down|travel\w*|go(?:es|ing)?|went|head(?:s|ed)?|fl(?:y|ies|ew|ying|own)|jet(?:s|ted|ting)?|is due|are due|was due|were due|leave|leaves|left|depart\w*)\b"
STAY_IN_DAYS = r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+days?\s+of\b"

#: Between a party and the verb it is the subject of: its role and an auxiliary ("Bhutan's
#: foreign minister was holding talks", "Peru's president will meet").
SUBJECT_GAP = r"(?:['’]s)?(?:\s+(?!and\b|or\b|with\b|in\b|at\b|to\b|on\b|of\b)[\w.'’-]+){0,4}?\s+(?:(?:was|were|is|are|has|have|had|will|would|then)\s+)?(?:\w+ly\s+)?"
#: Right before a verb whose subject is the sentence's: a coordination or a pronoun ("... and
#: then flew to Beirut", "where he held talks").
COORDINATED_VERB = (r"(?:\band(?:\s+then)?|\bthen|\bbefore|\bwhere\s+(?:he|she|they)|\b(?:he|she|they))\s+(?:[\w-]+\s+){0,2}$"
                    # a participle's subject is the main clause's: "received Putin in August, after
                    # welcoming Zelensky in June"
                    r"|,\s+(?:after|while|since|before)\s+$")
#: A sentence opening with a subordinate clause: its first comma before the main clause (not a
#: date's, nor one opening a phrase: "When they last met, in Lima in May, they ...") ends it
#: ("While the two ministers met in Lima, the presidents spoke by phone"). A template for the words
#: opening it: all SUBORDINATORS, or those telling the same time as the main clause.
OPENING_SUBORDINATE = (r"^(?:{})\b[^;]*?,(?=\s+(?!(?:in|at|on|during|with|near|from|to|for|by|after|before|"
                       r"since|of|and|or|but|who|which|where|when)\b)\D)")
SUBORDINATORS = "while|when|after|before|as|although|though|since|once|whereas|having"
SIMULTANEOUS = "while|when|as"
#: An opening clause without a subject of its own: "After meeting X in Ottawa, ...", "Having
#: flown in from Nairobi, ...": its subject is the main clause's.
PARTICIPLE_OPENING = (r"(?:(?:after|before|while|when|since|on|upon)\s+)?(?:having\s+)?[a-z]+ing\b"
                      # ... or with a noun of encounter and no verb: "After talks with Erdogan in Ankara, ..."
                      r"|(?:after|before|following|during)\s+(?:(?:the|a|an|his|her|their|[\w-]+-day|two|three)\s+)*"
                      r"(?:talks|meetings?|visits?|trips?|calls?|summits?|stops?)\s+(?:with|in|to|at)\b")

#: A relative clause right after a trigger, up to its end ("..., which kicks off Saturday.";
#: case-sensitive).
RELATIVE_AFTER = r"\s*,?\s*(?:which|that)\b[^,;.]{0,120}"
#: A relative clause's pronoun and its verb in the past ("the floods that hit", "which took";
#: case-sensitive), and the verbs of an encounter's course ("opened", "took place", "was held"),
#: which make it the encounter's own.
RELATIVE_VERB = r"\b(?:that|which|who|whose)\s+(?:had\s+|has\s+|have\s+)?[a-z]+(?:ed|ew|it|ook|ame|ent|ot)\b"
ENCOUNTER_VERBS = r"\b(?:opened|began|begun|started|took|ended(?! up)|closed|concluded|convened|met|ran|held)\b"
#: A relative clause on a trigger whose verb tells the encounter's course, in any tense, right
#: after its pronoun and auxiliaries: it tells where the encounter is ("the talks, which took
#: place in Quito", "the summit, which is due to open in Lima"; not "the talks, which pleased
#: officials in Lima" or "which left markets open in Lima").
COURSE_RELATIVE = (r",?\s*(?:which|that)\s+(?:(?:is|are|was|were|has|have|had|be|been|being|due|set|scheduled|"
                   r"expected)\s+){0,3}(?:(?:to|will|would|shall)\s+(?:be\s+)?(?:open|begin|start|take\s+place|end|close|"
                   r"conclude|convene|meet|hold|gather|resume|held)|opens|opened|begins|began|begun|starts|started|"
                   r"takes\s+place|took\s+place|taken\s+place|ends|ended|closes|closed|concludes|concluded|convenes|"
                   r"convened|meets|met|held|hosted|gathers|gathered|resumes|resumed|"
                   # where it was to be: "which had been scheduled for Sunday in the Omani capital"
                   r"scheduled|planned|set|due)\b")

#: An appositive naming the encounter just told by its rank: ", the first trip", ", in the first
#: such visit", ", his second visit".
APPOSITIVE_ORDINAL = (r",\s+(?:in\s+)?(?:the|his|her|their|its)\s+(?:first|second|third|fourth|fifth|last|latest|"
                      r"\w+est)\s+(?:such\s+)?(?:[\w-]+\s+)?$")
#: A byline a report may open with, on a line of its own before the dateline ("By the
#: Associated Press", "From Our Own Correspondent", "By Maria Lopez, Reuters").
BYLINE = r"\s*(?:By|BY|From|FROM)\s[^\n.!?]{2,60}\n\s*"
#: Slugs a wire report may open with in capitals, before a comma, where a dateline's town stands.
WIRE_SLUGS = ("EXCLUSIVE", "ANALYSIS", "UPDATE", "UPDATED", "FACTBOX", "EXPLAINER", "WRAPUP", "INSIGHT", "BREAKING",
              "CORRECTED", "REFILE", "FEATURE", "OPINION", "INTERVIEW", "PREVIEW", "RPT", "URGENT", "FLASH")
#: Countries whose people are named family name first ("Wang Yi", "Moon Jae-in", "Hun Sen"):
#: once named in full, they are called by the first word of the name, not the last.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "KHM"})
#: The titles before a given name that call a person named by descent ("Sheikh Mohammed",
#: "Prince Faisal", "Emir Tamim").
GIVEN_NAME_TITLES = r"Sheikh|Sheik|Prince|Crown Prince|Emir|King|Sultan"
#: Countries whose people bear a father's name, not a family name (Malay, Ethiopian, Eritrean,
#: Icelandic): once named in full, they are called by their given name, the first word ("Anwar
#: Ibrahim" -> "Anwar", "Abiy Ahmed" -> "Abiy").
GIVEN_NAME_CALLED = frozenset({"MYS", "ETH", "ERI", "ISL"})
#: Before a year or month that counts encounters ("for the third time this year", "the second
#: round this year", "his first trip abroad this year").
COUNTING_BEFORE = (r"(?:\btimes?|\b(?:first|second|third|fourth|fifth|sixth|last|\d+(?:st|nd|rd|th))\s+"
                   r"(?:[\w-]+\s+)?(?:round|meeting|summit|visit|session|call|conversation|trip|journey|tour|talks)s?"
                   # "the second telephone conversation between the two heads of state this year"
                   r"(?:\s+(?:abroad|overseas|together|(?:between|with)\s+(?:[\w'’.-]+\s+){1,6}?))?)\s*(?:so\s+far\s+)?(?:in\s+)?$")

#: "talks on the sidelines of the summit": an encounter held during a gathering, which takes the
#: gathering's date and venue where it gives none of its own.
SIDELINES = r"\bon the (?:sidelines|margins|fringes?) of\b|\bon the sidelines\b"
#: Between a verb of meeting and a gathering named right after it: the meeting was held at that
#: gathering ("first met at the Group of 20 summit in Hamburg", "talked during the NATO summit").
AT_GATHERING = r"\s+(?:at|during)\s+(?:the\s+|a\s+|an\s+|this\s+|last\s+)?(?:[\w&+'’-]+\s+){0,5}"
