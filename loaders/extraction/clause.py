"""Stage 1, the clause: find the triggers of a sentence and read each in its clause: status from
the cues of its predicate, the date attached to it, its venue, its parties, who mediates and who
stays away.
"""

import re
from datetime import timedelta

from loaders import cues
from loaders.dates import NOT_EVENT_RULES, DateMention
from loaders.extraction.model import _after_anchor, _anchor_day, _Candidate, _unique
from loaders.extraction.patterns import (
    _ABSENCE,
    _ABSENCE_REACH_ENDS_RE,
    _AFTER_CLAUSE_ENCOUNTER_RE,
    _AFTER_ENCOUNTER_RE,
    _ANAPHORA_RE,
    _ANOTHER_OCCURRENCE_RE,
    _ANY_ABSENCE_RE,
    _ANY_MEDIATOR_RE,
    _APPOSITIVE_ORDINAL_RE,
    _ARRIVAL_ASIDE_RE,
    _AT_GATHERING_RE,
    _ATTENDANCE_RE,
    _BY_PHONE_BETWEEN_RE,
    _BY_PHONE_RE,
    _CANCEL_RE,
    _CANCEL_WISHED_RE,
    _CANCELLED_OBJECT_RE,
    _CAPTION_END_RE,
    _CLAUSE_RE,
    _CLOSED_BY_DAYS_RE,
    _COLLECTIVE_RE,
    _CONTACT_RELATIVE_RE,
    _CONTRAST_OPENING_RE,
    _COORDINATED_RE,
    _COORDINATED_VERB_RE,
    _COUNT_LISTED_RE,
    _COUNTED_NOUN_RE,
    _COUNTED_RE,
    _COUNTERPART_RE,
    _COUNTING_BEFORE_RE,
    _COURSE_RELATIVE_RE,
    _DAY_APPOSITION_RE,
    _DAYS_OF_AFTER_RE,
    _DAYS_OF_RE,
    _DAYS_TO_A_DAY_AFTER_RE,
    _DEADLINE_RE,
    _DECIDED_AFTER_RE,
    _DECIDED_RE,
    _DURATION_OF_RE,
    _DURATION_RE,
    _ENCOUNTER_VERB_RE,
    _ENDING_RE,
    _FUTURE_DATE_RE,
    _GROUP_RE,
    _HEADLINE_FUTURE_RE,
    _HEDGE_RE,
    _HELD_RE,
    _HERE_RE,
    _JUST_DONE_RE,
    _LIST_JOIN_RE,
    _LISTED_NEXT_RE,
    _LOCATED_AT_RE,
    _MEANWHILE_RE,
    _MEDIATORS,
    _MET_FOR_RE,
    _MODAL_BE_RE,
    _MOTION_RE,
    _NOT_ENCOUNTER_RE,
    _NOUN_TRIGGER_RE,
    _OCCURRED_RE,
    _OFF_AFTER_RE,
    _OPENING_DATE_RE,
    _OPENING_SUBORDINATE_RE,
    _OPENS_AFTER_RE,
    _ORDER_ONLY_RE,
    _OTHER_ENCOUNTER_RE,
    _PARTICIPLE_ASIDE_RE,
    _PARTICIPLE_OPENING_RE,
    _PAST_PLAN_RE,
    _PAST_VERB_RE,
    _PEOPLE_OF_STATE_AFTER_RE,
    _PEOPLE_OF_STATE_BEFORE_RE,
    _PLAN_ASIDE_RE,
    _PLAN_BEFORE_RE,
    _PLAN_RE,
    _PLUPERFECT_BEFORE_RE,
    _PLURAL_TRIGGER_RE,
    _PREDICATE_RE,
    _PREPARATORY_RE,
    _PREPARES_RE,
    _PRONOUN_OBJECT_RE,
    _PRONOUN_SUBJECT_RE,
    _PURPOSE_OF_ITS_OWN_RE,
    _PURPOSE_RE,
    _REGION_RE,
    _RELATIVE_AFTER_RE,
    _RELATIVE_CLOSE_RE,
    _RELATIVE_ON_PERSON_RE,
    _RELATIVE_PRONOUN_RE,
    _RELATIVE_SKIP_RE,
    _REPORTING_ANY_RE,
    _REPORTING_RE,
    _REPRESENTED_RE,
    _RESULT_DAY_RE,
    _RESUMES_AFTER_RE,
    _RESUMES_BEFORE_RE,
    _RETURN_BEFORE_RE,
    _RETURNED_FROM_RE,
    _ROSTER_GAP_RE,
    _SEQUENCE_RE,
    _SERIES_FIRST_RE,
    _SERIES_RE,
    _SIDELINES_RE,
    _STATUS_AFTER,
    _STATUS_BEFORE,
    _STAY_RE,
    _SUBJECT_GAP_RE,
    _SUBJECT_NOUN_BEFORE_RE,
    _SUBJECT_PREDICATE_RE,
    _SUBJECT_VERB_AFTER_RE,
    _THAT_CLAUSE_RE,
    _THAT_ON_TRIGGER_RE,
    _THERE_AFTER_RE,
    _TOPIC_VERB_RE,
    _TRIGGER_RE,
    _URGING_RE,
    _VENUE_RE,
    _VISIT_NOUN_RE,
    _WHEN_RE,
    _WHERE_ON_IT_RE,
    _WHERE_RE,
    ACTOR_KINDS,
    HEDGE_AFTER,
    MAX_DATE_AFTER,
    NO_CUE_HELD,
    PAST_PLAN_AFTER,
    PLAN_BEHIND_DAYS,
    PRONOUN_REACH,
    SERIES_AFTER,
    STATUS_AFTER,
    STATUS_REACH,
)
from loaders.gazetteer import coordinates, seated_members


def _clauses(sentence):
    """Clause spans (relative to the sentence) of one sentence."""
    cuts = [0]
    opening = _OPENING_SUBORDINATE_RE.match(sentence.text)
    if opening:
        cuts.append(opening.end())
    # (a parenthesis is an aside: nothing in it cuts the clause around it, "Talks with Niger
    # (the first since the coup) took place in Algiers on Friday")
    asides = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", sentence.text)]
    for match in _CLAUSE_RE.finditer(sentence.text):
        if not any(low < match.start() < high for low, high in asides):
            cuts.append(match.end() if match.end() > match.start() else match.start())
    cuts.extend(match.end(1) for match in _RELATIVE_CLOSE_RE.finditer(sentence.text))
    cuts = sorted(set(cuts))
    cuts.append(len(sentence.text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _triggers(article, sentence):
    """Candidates for the triggers of one sentence, in text order."""
    text = sentence.text
    matches = list(_TRIGGER_RE.finditer(text))
    if not matches:
        return []
    blocked = [(m.start(), m.end()) for m in _NOT_ENCOUNTER_RE.finditer(text)]
    found = []
    for match in matches:
        if any(s <= match.start() and match.end() <= e for s, e in blocked):
            continue
        trigger = cues.TRIGGERS[int(match.lastgroup[1:])]
        if _named_private_event(article, sentence, match.start(), match.end()):
            continue
        found.append((match.start(), match.end(), trigger))
    if not found:
        return []
    clauses = _clauses(sentence)
    candidates = []
    previous, previous_made = None, False
    for index, (start, end, trigger) in enumerate(found):
        clause = next((c for c in clauses if c[0] <= start < c[1]), (0, len(text)))
        # the trigger owns its clause, cut where the neighbouring triggers of the clause begin
        seg_start = clause[0]
        if previous and previous[0] >= clause[0]:
            seg_start = start
        following = next((f for f in found[index + 1:] if f[0] < clause[1]), None)
        # (a trigger that only names this one again, "the sixth round of talks", does not end its
        # stretch)
        chain_end = end
        while following and _names_again(text, chain_end, trigger.kind, following):
            chain_end = following[1]
            following = next((f for f in found if f[0] >= chain_end and f[0] < clause[1]), None)
        seg_end = following[0] if following else clause[1]
        anaphoric = bool(_NOUN_TRIGGER_RE.search(text[start:end])) and (
            bool(_ANAPHORA_RE.search(text[max(clause[0], start - 40):start])) or
            bool(re.search(r"[\w’']+['’]s\s+(?:[\w-]+\s+){0,2}$", text[max(0, start - 40):start])))
        other = _ANOTHER_OCCURRENCE_RE.search(text, max(clause[0], start - 40), start) if anaphoric else None
        if other:
            anaphoric = False  # "Erdogan's previous visit", "their next meeting": another one
        elif anaphoric and re.match(r"meeting\s+(?:with\b|his\b|her\b|their\b|[A-Z])", text[start:start + 20]):
            anaphoric = False  # "meeting China's top diplomat": a verb
        if trigger.kind != "visit" and re.match(r"\s*(?:by|with)\b", text[end:]) is None and \
                re.search(r"\b(?:a|an|another)\s+(?:[\w-]+\s+){0,2}$", text[max(0, start - 30):start]):
            anaphoric = False
        # "arrived in Moscow for talks"; "met in Vladivostok for their first summit": one encounter
        # (not what a purpose of its own is about: "flew to Moscow to fix a date for this summit")
        purpose = previous is not None and previous[0] >= clause[0] and (
            previous[2].kind == "visit" and bool(_PURPOSE_RE.search(text[previous[1]:start])) and
            not _PURPOSE_OF_ITS_OWN_RE.search(text, previous[1], start) or
            previous[2].kind == "meeting" and trigger.kind in ("summit", "talks") and
            bool(_MET_FOR_RE.search(text[previous[1]:start])))
        same = previous is not None and previous[0] >= clause[0] and \
            _names_again(text, previous[1], previous[2].kind, (start, end, trigger))
        # "held talks with Peru's president by phone": the talks were a call
        by_phone = previous is not None and previous[0] >= clause[0] and previous[2].kind in ("talks", "meeting") and \
            trigger.kind == "call" and _BY_PHONE_RE.fullmatch(text, start, end) is not None and \
            _BY_PHONE_BETWEEN_RE.fullmatch(text, previous[1], start) is not None
        if by_phone and previous_made:
            _take_kind(candidates[-1], trigger)
            candidates[-1].why["kind"] += f", {text[start:end]!r}: a call"
        same = same or by_phone
        # "at the summit, where they were to speak with Biden": talk had at a gathering is had
        # there, in person, not a call
        there = previous is not None and previous[2].kind in ("summit", "meeting", "talks") and \
            trigger.kind == "call" and _BY_PHONE_RE.search(text, start, end) is None and \
            _WHERE_ON_IT_RE.fullmatch(text, previous[1], start) is not None
        if there and not previous_made:
            continue  # (told of a gathering that is no encounter: neither is the talk)
        same = same or there
        # "the visit would be their first meeting": the second names the first
        same = same or (previous is not None and previous[0] >= clause[0] and
                        _PREDICATE_RE.fullmatch(text, previous[1], start) is not None)
        # "..., the first trip by a Kenyan leader to Ethiopia this year", "in the first such visit":
        # an appositive ordinal names the encounter just told (with "since", it tells an earlier one)
        same = same or (previous is not None and _APPOSITIVE_ORDINAL_RE.search(text, max(0, start - 40), start) is not None
                        and not re.search(r"\bsince\b", text[end:end + 60]) and not re.search(r"[:;]", text[previous[1]:start]))
        # "will visit Athens on Thursday for talks with ...": the visit and the talks held
        # during it are two encounters, the talks at the visit's time and place (a journey to
        # talks, "flew to Lima for talks", is the talks alone)
        during = purpose and previous_made and previous[2].kind == "visit" and \
            trigger.kind in ("talks", "meeting", "summit") and not _STAY_RE.search(text[previous[1]:start]) and \
            re.search(r"\bfor\b", text[previous[1]:start]) and not _MOTION_RE.match(text[previous[0]:previous[1]])
        if (purpose or same) and previous_made and not during:
            _join_purpose(article, sentence, candidates[-1], text[previous[0]:previous[1]], trigger,
                          text[previous[1]:start] if purpose else None, end, seg_end)
            previous = (previous[0], end, previous[2])
            continue
        window = text[clause[0]:clause[1]]
        status, status_why = _status(text, clause, start, end, following[0] if following else None)
        if status is not None and _counted(article, sentence, clause, start, end):
            status = None
        if status is None:
            previous, previous_made = (start, end, trigger), False
            continue
        candidate = _Candidate(
            sentence=article.sentence_index[sentence.start], start=sentence.start + start,
            end=sentence.start + end, kind=trigger.kind, cameo=trigger.cameo, plover=trigger.plover,
            status=status, anaphoric=anaphoric, why={"kind": f"trigger {text[start:end]!r}", "status": status_why})
        if _ORDER_ONLY_RE.fullmatch(text, start, end):
            _kind_left_out(article, candidate)
        # the clauses of the sentence's other triggers that tell encounters of their own ("...,
        # a day after Orban held talks with Putin"; "Modi, who met Putin in July, ..."): the
        # parties they name are theirs
        others = [(sentence.start + c[0], sentence.start + c[1]) for c in clauses if c != clause and
                  any(c[0] <= f[0] < c[1] for f in found) and _OTHER_ENCOUNTER_RE.match(text, c[0])]
        _read_clause(article, sentence, candidate, (seg_start, seg_end), clause, others)
        if candidate.home:
            previous, previous_made = (start, end, trigger), False
            continue
        coordinated = candidates[-1] if candidates and previous_made and previous[0] >= clause[0] and \
            (during or _COORDINATED_RE.fullmatch(text, previous[1], start)) else None
        if coordinated is not None:
            # "for a one-day visit and talks with X": the second shares the first's time and place
            if status_why == NO_CUE_HELD:
                # ("visited Slovenia last week and is due in Vienna next week": its own tense)
                candidate.status, candidate.why["status"] = coordinated.status, "coordinated with the trigger before it"
            if candidate.date is None and coordinated.date is not None:
                candidate.date, candidate.why["date"] = coordinated.date, "coordinated with the trigger before it"
            if candidate.country is None and coordinated.country is not None:
                candidate.city, candidate.country = coordinated.city, coordinated.country
                candidate.why["venue"] = "coordinated with the trigger before it"
            if during and len(candidate.countries) < 2:
                candidate.countries = _unique(coordinated.countries + candidate.countries)
                candidate.why["countries"] = "held during the visit before it: the visitor and the hosts"
        if _SEQUENCE_RE.search(text[max(0, start - 60):start]) or \
                candidates and _PREPARES_RE.search(text[max(0, start - 60):start]):
            # "the talks followed negotiations in Quito", "it came after a meeting of ministers";
            # "met on Monday to prepare for the summit": the summit is another encounter
            candidate.sequel = True
        if status == "held" and len(text.split()) <= 14 and _HEADLINE_FUTURE_RE.search(text[:start]):
            candidate.status = "planned"
            candidate.why["status"] = "a headline's infinitive ('presidents to sign ...'): a plan"
        elif status == "held" and not _HELD_RE.search(window) and _after_anchor(article, candidate.date):
            # no word of the clause tells the tense ("X flies to Y on Friday"): a day still to
            # come makes the encounter a plan
            candidate.status = "planned"
            candidate.why["status"] = "no word of tense in the clause; its day is still to come"
        elif status == "held" and candidate.date is not None and _after_anchor(article, candidate.date) and \
                _FUTURE_DATE_RE.search(candidate.date.text) and not _PAST_VERB_RE.search(window):
            # "meets Putin in Helsinki next Monday": a day the text itself places ahead
            candidate.status = "planned"
            candidate.why["status"] = f"its day is told as still to come: {candidate.date.text!r}"
        if candidate.status == "planned" and _yearless_before_anchor(article, candidate.date):
            candidate.date = _a_year_on(candidate.date)
            candidate.why["date"] = f"a plan's date without a year lies ahead: {candidate.date.text!r}"
        entry = article.heads_entry(sentence)
        if candidate.status == "planned" and entry is not None and not _after_anchor(article, entry) and \
                (candidate.date is None or candidate.date.start == entry.start):
            # "Jan. 5, 2004: the two meet and agree to resume talks": a past entry's plan is
            # that day's intention, whose fate the later entries tell, not a plan of today
            previous, previous_made = (start, end, trigger), False
            continue
        candidate.opens = candidate.anaphoric and _OPENS_AFTER_RE.match(text, end) is not None
        candidate.resumes = candidate.anaphoric and (_RESUMES_AFTER_RE.match(text, end) is not None or
                                                     _RESUMES_BEFORE_RE.search(text, max(0, start - 40), start) is not None)
        candidates.append(candidate)
        previous, previous_made = (start, end, trigger), True
        candidate.days = _days_of(text, start, end)
        date = candidate.date
        if candidate.days and date is not None and date.precision == "day" and date.end_date is None and \
                date.end <= candidate.start and _CLOSED_BY_DAYS_RE.fullmatch(article.text, date.end, candidate.start):
            # "left Pyongyang on Saturday after two days of talks": the day ends them
            candidate.ends, candidate.date = date, None
            candidate.why["date"] = f"a day told after {candidate.days} days of it: {date.text!r} is its last day"
        elif candidate.days and date is not None and date.precision == "day" and date.end_date is None and \
                _RETURNED_FROM_RE.search(text, max(clause[0], start - 40), start):
            # "returned from his two-day trip on Monday": the day of return is its last
            candidate.ends, candidate.date = date, None
            candidate.why["date"] = f"the day of return from {candidate.days} days away: {date.text!r} is its last day"
        candidate.entry = entry is not None
        candidate.preparatory = _PREPARATORY_RE.search(text, max(0, start - 30), start) is not None
        if other is not None:
            candidate.upcoming = other.group("when").lower() in ("next", "following")
            candidate.prior = not candidate.upcoming
    _on_the_sidelines(article, candidates)
    _read_sentence_roles(article, sentence, candidates)
    # who attends, unless the sentence says who did not ("not attended by Ukraine")
    roster = _ATTENDANCE_RE.search(text) is not None and _ANY_ABSENCE_RE.search(text) is None
    for candidate in candidates:
        candidate.roster = roster
    hosts = {code for candidate in candidates for code in candidate.mediators}
    for candidate in candidates:
        # mediators are not parties; "both sides" stands for the pair in play, never for the
        # hosts thanked in the same sentence ("Both countries thanked Iraq and Oman for hosting")
        candidate.countries = [c for c in candidate.countries if c not in candidate.mediators]
        # "both sides", or a count the sentence's own names fall short of ("the six ministers")
        if candidate.group_reference and (len(candidate.countries) < 2 or
                                          candidate.group_size and len(candidate.countries) < candidate.group_size):
            candidate.countries = [c for c in candidate.countries if c not in hosts]
            counterpart = bool(_COUNTERPART_RE.search(sentence.text)) or _pronoun_object(article, candidate)
            candidate.countries = _unique(candidate.countries + article.recent_pair(
                candidate.sentence, hosts, counterpart, candidate.group_size, candidate.collective, candidate.group_role))
            candidate.why["countries"] = "a group reference ('both sides', 'their counterparts'): the parties told just before"
    return candidates


def _names_again(text, before_end, kind, other):
    """Whether the trigger `other` (start, end, Trigger) only names again the encounter of `kind`
    whose trigger ends at `before_end`: "the sixth round of talks", "a summit meeting"."""
    gap = text[before_end:other[0]]
    return other[2].kind == kind and len(gap) < 30 and not re.search(r"\b(?:and|,)\b", gap.replace(",", " and "))


def _subject_of(article, sentence, candidate, places):
    """The parties doing what a trigger tells when its own stretch of the clause names fewer than
    two: the names right before its verb ("..., Bhutan's foreign minister was holding talks in
    Dhaka"), or, for a verb coordinated to an earlier one or told of a pronoun ("met Jordan's
    king on Monday and then flew to Beirut, where he held talks"), the subject of the sentence:
    the parties named before its first trigger. [] when neither is told."""
    opening = _OPENING_SUBORDINATE_RE.match(sentence.text)
    if opening and candidate.start < sentence.start + opening.end() and \
            _PARTICIPLE_OPENING_RE.match(sentence.text):
        # "After meeting Canada's prime minister in Ottawa, Mexico's president will travel ...": a
        # participle's subject is the main clause's
        main = sentence.start + opening.end()
        first = _TRIGGER_RE.search(article.text, main, sentence.end)
        return [p for p in places if main <= p.start and (first is None or p.end <= first.start())
                and article.is_actor(p)]
    if _DURATION_OF_RE.search(article.text, max(sentence.start, candidate.start - 60), candidate.start):
        # "A and B sat down ... for an hour of talks": the list of parties the sentence opens with
        named = [p for p in places if p.start < candidate.start and article.is_actor(p) and p is not article.dateline]
        subject = named[:1]
        for place in named[1:]:
            if not _LIST_JOIN_RE.fullmatch(article.text, subject[-1].end, place.start):
                break
            subject.append(place)
        return subject
    before = [p for p in places if p.end <= candidate.start and article.is_actor(p)]
    if before and _RELATIVE_ON_PERSON_RE.fullmatch(article.text, before[-1].end, candidate.start):
        return [before[-1]]  # "Modi, who met Putin": the person the relative clause is on
    if before and _SUBJECT_GAP_RE.fullmatch(article.text, before[-1].end, candidate.start):
        subject = [before[-1]]
        for place in reversed(before[:-1]):
            if not _LIST_JOIN_RE.fullmatch(article.text, place.end, subject[0].start):
                break
            subject.insert(0, place)
        return subject
    index = article.sentence_index[sentence.start]
    if _COORDINATED_VERB_RE.search(article.text, max(sentence.start, candidate.start - 40), candidate.start):
        # ("He met Qatar's emir on Friday and saw Netanyahu on Saturday": the pronoun's person)
        subject = _opening_parties(article, sentence) or _pronoun_referent(article, sentence)
        if not subject and index > 0:
            # "She had held talks in Tripoli": the pronoun is the subject of the sentence before
            subject = _opening_parties(article, article.sentences[index - 1])
        if subject:
            return subject
    if not [p for p in places if p.start < candidate.start and article.is_actor(p)]:
        return _pronoun_referent(article, sentence)
    return []


def _pronoun_referent(article, sentence):
    """The person a sentence's opening "he" or "she" stands for ("Zelensky nearly missed the
    funeral. He cut short a visit to South Africa"): the person who is a subject in the nearest
    sentence before, else the first it names (one whose own subject is "he" or "she" goes on
    about the same person: look further back). [] when the sentence opens otherwise or no such
    person is near."""
    index = article.sentence_index[sentence.start]
    if index == 0 or not _PRONOUN_SUBJECT_RE.match(sentence.text):
        return []
    for earlier in reversed(article.sentences[max(0, index - PRONOUN_REACH):index]):
        named = [p for p in article.in_sentence(article.places, earlier) if p.kind == "official" and p.iso3]
        if named and not _PRONOUN_SUBJECT_RE.match(earlier.text):
            # the one that is a subject ("Speaking in Ankara, where he met Erdogan, Zelensky said
            # ..."), else the first named
            subject = next((p for p in named if _SUBJECT_VERB_AFTER_RE.match(article.text, p.end)), named[0])
            return [subject]
    return []


def _opening_parties(article, sentence):
    """The parties a sentence names before its first trigger: its subject."""
    first = _TRIGGER_RE.search(sentence.text)
    return [p for p in article.in_sentence(article.places, sentence)
            if first is not None and p.end <= sentence.start + first.start() and article.is_actor(p)]


def _on_the_sidelines(article, candidates):
    """An undated encounter told "on the sidelines of" a dated gathering of its sentence ("held
    talks on the sidelines of the SCO summit in Samarkand on September 16") was held there and
    then: it takes the gathering's date, and its place where it names none; so was one told
    as met "at" it. The gathering is its backdrop: it does not rename it."""
    for candidate, gathering in zip(candidates, candidates[1:]):
        # (or met at the gathering itself: "first met at the G20 summit in Hamburg in July")
        sidelines = _SIDELINES_RE.search(article.text, candidate.end, gathering.start) is not None or \
            candidate.kind in ("meeting", "talks") and not _NOUN_TRIGGER_RE.search(article.text[candidate.start:candidate.end]) \
            and _AT_GATHERING_RE.fullmatch(article.text, candidate.end, gathering.start) is not None
        # (the gathering is the encounter's setting, not its name)
        gathering.backdrop = sidelines
        if sidelines:
            _held_at(candidate, gathering, "on the sidelines of a gathering of its sentence")
    for gathering, candidate in zip(candidates, candidates[1:]):
        # "a gathering of leaders in Granada on Thursday, ... a planned meeting there with
        # Pashinyan": held at the gathering, there and then
        if candidate.kind != "summit" and _THERE_AFTER_RE.match(article.text, candidate.end):
            _held_at(candidate, gathering, "'there', at a gathering of its sentence")


def _held_at(candidate, gathering, where):
    """An undated candidate held at a dated summit takes its date, and its place where it names none."""
    if candidate.date is None and gathering.date is not None and gathering.kind == "summit":
        candidate.date = gathering.date
        candidate.why["date"] = f"{where}: {gathering.date.text!r}"
        if candidate.country is None:
            candidate.city, candidate.country = gathering.city, gathering.country


def _pronoun_object(article, candidate):
    """Whether the trigger ends with a pronoun ("received them"): it stands for the people told
    just before, as "both sides" does."""
    return _PRONOUN_OBJECT_RE.search(article.text, candidate.start, candidate.end) is not None


def _named_private_event(article, sentence, start, end):
    """A trigger that ends the proper name of an event ("Web Summit", "the Milken Conference")
    naming no state, body or place, and followed by none ("Summit of the Americas", "Peace Summit
    on Ukraine" are diplomacy): a trade fair or a company's gathering, not an encounter, unless
    the sentence tells two states taking part."""
    word = sentence.text[start:end]
    if not word[:1].isupper() or " " in word:
        return False
    name = re.search(r"((?:[A-Z][\w'’-]*\s+){1,3})$", sentence.text[:start])
    if name is None or _REGION_RE.search(name.group(0)):
        return False
    places = article.in_sentence(article.places, sentence)
    if any(sentence.start + name.start() <= p.start < sentence.start + end for p in places):
        return False
    tail = re.match(r"\s+(?:of|on|for)\s+(?:the\s+)?", sentence.text[end:])
    where = sentence.start + end + tail.end() if tail else None
    if any(p.start == where for p in places):
        return False
    # states told as taking part make it diplomacy whatever its name
    return len({p.iso3 for p in places if article.is_actor(p)}) < 2


def _group_size(reference):
    """The number of parties a group reference counts: "both sides", "the pair" 2, "the three
    leaders" 3; None for "they" or "their counterparts"."""
    words = reference.lower().split()
    if cues.PAIR_WORDS & set(words):
        return 2
    return next((cues.NUMBER_WORDS[w] for w in words if w in cues.NUMBER_WORDS), None)


def _days_of(text, start, end):
    """The length in days a trigger gives itself ("a two-day visit", "fifteen days of talks"),
    or None."""
    duration = _DURATION_RE.search(text[max(0, start - 40):start]) or _DURATION_RE.search(text[start:end] + " ")
    if duration:
        return cues.DURATION_WORDS[duration.group("duration").lower()]
    count = _DAYS_OF_RE.search(text[max(0, start - 40):end] + " ") or _DAYS_OF_AFTER_RE.search(text[end:end + 140])
    if count:
        word = count.group("count").lower()
        return int(word) if word.isdigit() else cues.NUMBER_WORDS[word]
    return None


def _join_purpose(article, sentence, candidate, travel, trigger, between, end, seg_end):
    """A trigger that is the purpose of the visit before it ("arrived in Moscow for talks") joins it.
    Travel to talks or a meeting is that encounter ("travelling to Beijing for talks on Friday"),
    unless the stay is counted in days ("leave for China for five days of meetings")."""
    start = candidate.end - sentence.start
    candidate.end = sentence.start + end
    if trigger.kind == "visit":
        candidate.days = candidate.days or _days_of(sentence.text, start, end)
    if between is None:
        # one encounter named twice ("a third round of talks in Oslo on Monday"): the date and
        # place told after the second name are the encounter's
        joined = (sentence.start + start, sentence.start + seg_end)
        candidate.date = candidate.date or _nearest_date(article, candidate, joined)
        if candidate.country is None and candidate.kind != "call":
            _read_venue(article, sentence, candidate, article.in_sentence(article.places, sentence), joined)
        return
    if trigger.kind == "visit":
        # "heads to Brasilia for a state visit on Wednesday": one visit, on the day told after it
        candidate.date = candidate.date or _nearest_date(article, candidate, (sentence.start + start, sentence.start + seg_end))
        _still_to_come(article, candidate)
        return
    if trigger.kind not in ("talks", "meeting", "summit"):
        return
    if candidate.kind == "meeting":
        # "met in Vladivostok for their first summit in April 2019": the noun names the meeting
        # and its date is the meeting's
        _take_kind(candidate, trigger)
        candidate.date = candidate.date or _nearest_date(article, candidate, (sentence.start + start, sentence.start + seg_end))
        return
    if not _MOTION_RE.match(travel) or _VISIT_NOUN_RE.search(travel) or _STAY_RE.search(between):
        return
    _take_kind(candidate, trigger)
    candidate.days = None
    # the encounter's own day, if it gives one, rather than the day of the journey
    own = _nearest_date(article, candidate, (sentence.start + start, sentence.start + seg_end))
    candidate.date = own or candidate.date
    _still_to_come(article, candidate)


def _still_to_come(article, candidate):
    """A journey told with no word of tense whose day is still to come is planned ("before
    flying on to Washington to meet the president on Monday")."""
    if candidate.why.get("status") == NO_CUE_HELD and _after_anchor(article, candidate.date):
        candidate.status = "planned"
        candidate.why["status"] = "no word of tense in the clause; its day is still to come"


def _take_kind(candidate, trigger):
    """The candidate is of the kind `trigger` names (its CAMEO code and PLOVER mode with it)."""
    candidate.kind, candidate.cameo, candidate.plover = trigger.kind, trigger.cameo, trigger.plover


def _kind_left_out(article, candidate):
    """"Five summits have been held. The most recent took place in Lima": an encounter noun left
    out after a word of order is the plural noun of the sentence before."""
    if candidate.sentence == 0:
        return
    before = article.sentences[candidate.sentence - 1].text
    plural = [m for m in _TRIGGER_RE.finditer(before) if _PLURAL_TRIGGER_RE.search(m.group(0))]
    if plural:
        trigger = cues.TRIGGERS[int(plural[-1].lastgroup[1:])]
        _take_kind(candidate, trigger)
        candidate.why["kind"] = f"a noun left out: {plural[-1].group(0)!r} of the sentence before"


def _counted(article, sentence, clause, start, end):
    """Whether a count before a plural noun tells many encounters and none of them: "the last
    three summits went online", "several visits". (Not when the clause goes on to list them with
    their dates or after a colon: "will attend two meetings, on May 3 and June 1".)"""
    text = sentence.text
    colon = text.find(":", end)
    return _COUNTED_RE.search(text, max(clause[0], start - 30), start) is not None and \
        _COUNTED_NOUN_RE.search(text, start, end) is not None and \
        re.match(r"\s*:", text[end:]) is None and \
        not article.dates_from(sentence.start + end, sentence.start + clause[1]) and \
        not (colon >= 0 and article.dates_from(sentence.start + colon, sentence.end))  # "... were held in Belarus: on Feb. 28, ..."


def _yearless_before_anchor(article, mention):
    """Whether a calendar date written without a year ("in May", "on June 3") was resolved to
    more than a month before the report's day: read as past, when the encounter it dates is
    still to come. (Days before the report, it is a plan told as it stood then: "said on July 19
    that he would leave that day".)"""
    if mention is None or article.anchor is None or mention.rule not in ("month", "absolute", "range") or \
            re.search(r"\d{4}|'\d\d\b|\b(?:last|past|previous|this|ago)\b", mention.text, re.I):
        return False
    last = mention.end_date or (_month_end(mention.date) if mention.precision == "month" else mention.date)
    return (_anchor_day(article) - last).days > PLAN_BEHIND_DAYS


def _month_end(day):
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _a_year_on(mention):
    """The same date mention, a year later (29 February becomes the 28th)."""
    def later(day):
        return day.replace(year=day.year + 1, day=min(day.day, 28) if day.month == 2 else day.day)
    return DateMention(mention.start, mention.end, mention.text, later(mention.date),
                       later(mention.end_date) if mention.end_date else None, mention.precision, mention.rule)


VERB_AFTER_ASIDE = "the verb after an aside on the trigger"
RELATIVE_ON_TRIGGER = "a relative clause on the trigger"


def _series(text, clause, start, end):
    """The cue telling a trigger as a series ("have met several times"), or None."""
    return _SERIES_RE.search(text, max(clause[0], start - 20), min(clause[1], end + SERIES_AFTER))


def _status(text, clause, start, end, stop=None):
    """(status, reason): held | planned | cancelled | past-plan, or None for a hedged or
    hypothetical encounter; the reason names the cue that decided. A cue of tense after the
    trigger counts up to `stop`, where the next trigger of the clause begins ("meet in Quito and
    agree that their advisers will meet": the "will" is the second meeting's)."""
    relative = _RELATIVE_SKIP_RE.match(text, clause[1])
    clause = (max(clause[0], start - STATUS_REACH), min(clause[1], end + STATUS_REACH))
    cancel = _CANCEL_RE.search(text, *clause) or _OFF_AFTER_RE.match(text, end)
    if cancel and _CANCEL_WISHED_RE.search(text, max(clause[0], cancel.start() - 80), cancel.start()):
        cancel = None  # "urged him to call off the summit": wished, not done
    if cancel and stop is not None and end <= cancel.start() and cancel.end() <= stop and \
            _CANCELLED_OBJECT_RE.fullmatch(text, cancel.end(), stop):
        # "will attend the summit on Thursday, cancelling a planned meeting with Boric": the
        # cue's object is the next trigger, not this one
        cancel = None
    pluperfect = _PLUPERFECT_BEFORE_RE.search(text[max(0, cancel.start() - 25):cancel.start()]) if cancel else None
    if pluperfect and any(m.group(0).lower() != "had" for m in
                          _PAST_VERB_RE.finditer(text, clause[0], cancel.start() - 25 + pluperfect.start())):
        # "arrived on Monday and met the crown prince, on a visit he had postponed last month":
        # put off before, held now
        cancel = None
    if cancel:
        return "cancelled", f"cancellation cue {cancel.group(0)!r} in the clause"
    # "Duda's trip to Kyiv, which had been scheduled for Friday, has been called off": the main
    # clause goes on after the relative clause
    cancel = _CANCEL_RE.search(text, relative.end(), relative.end() + 40) if relative and end <= clause[1] else None
    if cancel:
        return "cancelled", f"cancellation cue {cancel.group(0)!r} after a relative clause"
    # "the trip, initially planned for Wednesday, went ahead on Friday": the verb after the aside
    # tells what became of it
    aside = _PLAN_ASIDE_RE.match(text, end)
    if aside and _NOUN_TRIGGER_RE.search(text[start:end]):
        verb = text[aside.end():aside.end() + 40]
        found = [(m.start(), status, m.group(0)) for status, pattern in
                 (("cancelled", _CANCEL_RE), ("planned", _PLAN_RE), ("held", _HELD_RE))
                 for m in [pattern.search(verb)] if m and m.start() <= 12]
        if found:
            _, status, word = min(found)
            return status, f"{VERB_AFTER_ASIDE} {word!r}"
    # "It will return the visit Sadat paid to Jerusalem": a relative clause on the noun tells
    # the tense of its encounter
    done = _CONTACT_RELATIVE_RE.match(text, end)
    if done and _NOUN_TRIGGER_RE.search(text[start:end]):
        return ("held" if done.group("held") else "planned"), f"{RELATIVE_ON_TRIGGER} {done.group(0).strip()!r}"
    before = text[clause[0]:start]
    after = text[end:clause[1]]
    # "had been due to meet", or after the trigger: "the talks had been scheduled for March"
    past_plan = _PAST_PLAN_RE.search(before) or _PAST_PLAN_RE.search(after[:PAST_PLAN_AFTER])
    if past_plan:
        return "past-plan", f"plan told in the past {past_plan.group(0)!r}"
    # (an encounter named as where something may happen is not itself in doubt: "a deal could be
    # wrapped up at a summit on Friday")
    located = _LOCATED_AT_RE.search(text, max(clause[0], start - 60), start)
    if _HEDGE_RE.search(text[located.start() if located else max(clause[0], start - 60):min(clause[1], end + HEDGE_AFTER)]):
        return None, "hedge"
    if _URGING_RE.search(text[max(clause[0], start - 60):start]):
        return None, "urged, not held"
    # (a plural noun names a series whose next one may be told: "agreed to hold summits
    # regularly; Japan will host the next one")
    series = _series(text, clause, start, end)
    # (... as does a count the list after it tells: "have met five times: in Kyiv in January ...",
    # or one whose first is dated: "have spoken several times, starting on February 12")
    if series and not re.search(r"(?:summits|meetings|visits|calls|sessions|rounds)$", text[start:end], re.I) and \
            not re.search(r"\bhow\s+$", text[max(0, series.start() - 5):series.start()], re.I) and \
            not _COUNT_LISTED_RE.match(text, series.end()) and not _SERIES_FIRST_RE.match(text, series.end()):
        return None, "a series, not one encounter"
    best = None
    for status, pattern in (("planned", _PLAN_RE), ("held", _HELD_RE)):
        if pattern.search(text[start:end]):
            best = (-1, status, f"the trigger's own word {pattern.search(text[start:end]).group(0)!r}")
            break
    # the nearest cue wins; one after the trigger counts double its distance
    # (a past participle after a modal looks ahead: "could be wrapped up at a summit on Friday")
    # (an intention is not what happens at the encounter where it is stated: "agreed on Monday to
    # reopen the border, at talks hosted by Lula")
    setting = located.start() - clause[0] if located else 0
    cues_at = [(start - m.end(), status, f"nearest cue before the trigger {m.group(0)!r}")
               if status != "held" or not _MODAL_BE_RE.search(before, 0, m.start()) else
               (start - m.end(), "planned", f"nearest cue before the trigger {m.group(0)!r}, after a modal")
               for status, pattern in _STATUS_BEFORE for m in pattern.finditer(before)
               if pattern is not _PLAN_BEFORE_RE or m.end() > setting]
    tense_after = after[:STATUS_AFTER] if stop is None else after[:max(0, min(STATUS_AFTER, stop - end))]
    # (what was agreed or told in it is not its tense: "agreed in a call on Sunday that Turkey
    # would host the round")
    told = _THAT_CLAUSE_RE.search(tense_after)
    tense_after = tense_after[:told.start()] if told else tense_after
    cues_at += [(2 * m.start() + 10, status, f"nearest cue after the trigger {m.group(0)!r}")
                for status, pattern in _STATUS_AFTER for m in pattern.finditer(tense_after)
                # ... and not the tense of the next trigger itself ("their advisers will meet")
                if stop is None or not re.fullmatch(r"\s*(?:[\w'’-]+\s+){0,2}", text[end + m.end():stop])]
    predicate = _subject_predicate(text, clause, start, end) if stop is None else None
    if predicate is not None and predicate - end > STATUS_AFTER:
        # "The negotiations in Brussels between ..., are due to resume": the subject's main verb
        cues_at += [(2 * (m.start() - predicate) + 10, status, f"the main verb after the trigger as subject {m.group(0)!r}")
                    for status, pattern in _STATUS_AFTER for m in pattern.finditer(text, predicate, predicate + STATUS_AFTER)]
    if cues_at:
        nearest = min(cues_at, key=lambda cue: cue[0])
        if best is None or nearest[0] < best[0]:
            best = nearest
    if best is None and stop is None and re.fullmatch(r"[\s,]*", text[end:clause[1]]):
        # the trigger closes its clause: a relative clause on it tells its tense ("the
        # gathering, which kicks off Saturday"; "the talks, which ended on Friday")
        relative = _RELATIVE_AFTER_RE.match(text, clause[1])
        found = [(m.start(), status, f"a cue of the relative clause on the trigger {m.group(0)!r}")
                 for status, pattern in _STATUS_AFTER for m in pattern.finditer(relative.group(0))] if relative else []
        best = min(found, key=lambda cue: cue[0]) if found else None
    return (best[1], best[2]) if best else ("held", NO_CUE_HELD)


def _subject_predicate(text, clause, start, end):
    """Where the main verb of a noun of encounter opening its clause as the subject begins ("The
    negotiations in Brussels between ..., are due to resume"), or None."""
    if not _NOUN_TRIGGER_RE.search(text[start:end]) or not _SUBJECT_NOUN_BEFORE_RE.fullmatch(text, clause[0], start):
        return None
    verb = _SUBJECT_PREDICATE_RE.search(text, end, clause[1])
    return verb.start() if verb else None


def _read_clause(article, sentence, candidate, segment, clause, others=()):
    """Date, venue, parties, organizations and heads of one trigger from its clause (`others`:
    the spans of the clauses of the sentence's other triggers)."""
    base = sentence.start
    seg = (base + segment[0], base + segment[1])
    cl = (base + clause[0], base + clause[1])
    # the date: in the trigger's segment (or its clause when it is alone there, or a relative
    # clause right after: "the gathering, which kicks off Saturday"); never a report's date
    candidate.date = _nearest_date(article, candidate, seg)
    where = "the trigger's stretch of its clause"
    # "A and B sat down on Saturday ... for an hour of talks": a length of talks is the main clause's
    duration = _DURATION_OF_RE.search(article.text, max(sentence.start, candidate.start - 60), candidate.start)
    aside = _PLAN_ASIDE_RE.match(article.text, candidate.end, sentence.end) if \
        candidate.status != "cancelled" and candidate.why.get("status", "").startswith(VERB_AFTER_ASIDE) else None
    if aside:
        # "the trip, initially planned for Wednesday, went ahead on Friday": the verb's day (a
        # trip called off keeps the day it was planned for)
        candidate.date = _nearest_date(article, candidate, (aside.end(), sentence.end))
        where = "the verb after an aside on the trigger"
    series = _series(article.text, cl, candidate.start, candidate.end)
    first = _SERIES_FIRST_RE.match(article.text, series.end()) if series else None
    if first:
        # "have spoken several times since January, starting on February 12": the first one's day
        candidate.date = _nearest_date(article, candidate, (first.start("day"), sentence.end))
        where = "the day a series told began"
    if candidate.date is None and seg == cl:
        candidate.date, where = _nearest_date(article, candidate, cl), "the trigger's clause"
    predicate = _subject_predicate(article.text, cl, candidate.start, candidate.end) if candidate.date is None else None
    if predicate is not None:
        # "The negotiations in Brussels between ..., are due to resume next Monday"
        candidate.date = _nearest_date(article, candidate, (predicate, seg[1]), verb=predicate)
        where = "the main verb of the trigger as subject"
    # a relative clause on the trigger tells its course: "the talks, which took place in Quito on Monday"
    found = re.match(r",?\s*(?:which|where|when)\b[^,;]*", article.text[cl[1]:sentence.end]) if seg[1] == cl[1] else None
    relative = (cl[1], cl[1] + found.end()) if found and not _TRIGGER_RE.search(found.group(0)) else None
    if candidate.date is None and relative:
        candidate.date = _nearest_date(article, candidate, relative)
        where = "a relative clause right after the trigger"
    if candidate.date is None and _WHEN_RE.match(article.text[cl[0]:seg[1]]):
        # "..., on December 6, in New Delhi, when Putin visited India", "will fly to Quito next
        # week, where she is to meet ...": the time of the clause "when" or "where" modifies
        candidate.date = next((m for m in reversed(article.dates_from(sentence.start, cl[0]))
                               if not _DECIDED_RE.search(article.text[max(0, m.start - 40):m.start])), None)
        where = "the clause that 'when' or 'where' modifies"
    arrival = _ARRIVAL_ASIDE_RE.search(article.text, sentence.start, candidate.start) \
        if candidate.date is None and candidate.kind == "visit" else None
    if arrival is not None:
        # "Koizumi, who flew in this morning, is the first Japanese leader to visit": the visit
        # began on the day of the arrival told of the visitor
        candidate.date = next(iter(article.dates_from(arrival.start(), arrival.end())), None)
        where = "the arrival told of the visitor"
    if candidate.date is None:
        found = _sentence_date(article, sentence, candidate)
        if found is not None:
            candidate.date, where = found
    if candidate.date is None and duration:
        # the main clause's day
        candidate.date = next((m for m in reversed(article.dates_from(sentence.start, candidate.start))
                               if m.rule not in NOT_EVENT_RULES), None)
        where = "the clause a length of talks belongs to"
    just = _JUST_DONE_RE.search(article.text, cl[0], candidate.end) if candidate.date is None else None
    if just is not None and _anchor_day(article) is not None:
        # "he has just had a call with Trump": today
        candidate.date = DateMention(just.start(), just.end(), just.group(0), _anchor_day(article), None, "day", "just")
        where = "a present perfect with 'just': the day of the report"
    if candidate.date is not None:
        candidate.why["date"] = f"nearest date in {where}: {candidate.date.text!r} ({candidate.date.rule})"
    # "the talks end on Friday": that day is the last; a span ("the July 15-16 summit ends") is all of it
    if candidate.date is not None and candidate.date.precision == "day" and candidate.date.end_date is None and \
            _told_ending(article.text, candidate, cl, candidate.date):
        candidate.ends, candidate.date = candidate.date, None
        candidate.why["date"] = f"the encounter is told as ending: {candidate.ends.text!r} is its last day"
    places = article.in_sentence(article.places, sentence)
    if candidate.kind != "call":
        _read_venue(article, sentence, candidate, places, seg)
        if candidate.country is None and relative and _COURSE_RELATIVE_RE.match(article.text, *relative):
            _read_venue(article, sentence, candidate, places, relative)
            if candidate.country is not None:
                candidate.why["venue"] = f"a relative clause right after the trigger: {candidate.city or candidate.country!r}"
        if candidate.country is None and _WHERE_RE.match(article.text[cl[0]:seg[1]]):
            # "flies to Quito next week, where she will meet ...": the place 'where' stands for
            place = next((p for p in reversed(places) if p.end <= cl[0] and article.is_location(p) and
                          _VENUE_RE.search(article.text[max(0, p.start - 60):p.start])), None)
            if place is not None:
                candidate.country = place.iso3
                candidate.city = None if place.kind == "country" else (place.city or place.name)
                candidate.why["venue"] = f"the place 'where' stands for: {place.text!r}"
    organization_before = re.search(r"(?:[A-Z][\w-]*\s+|\)\s+){1,6}$", article.text[max(sentence.start, candidate.start - 60):candidate.start])
    candidate.organizations = _unique(p.name for p in places if p.kind == "organization" and
                                      (seg[0] <= p.start < seg[1] or (organization_before and p.end >= candidate.start - 60 and p.end <= candidate.start)))
    org_summit = candidate.kind == "summit" and any(
        p.kind == "organization" and candidate.start - 60 <= p.end <= candidate.start for p in places)
    reference = _GROUP_RE.search(article.text, seg[0], seg[1])
    actors = [p for p in places if seg[0] <= p.start < seg[1] and article.is_actor(p)]
    with_them = article.text[candidate.start:candidate.end].endswith(" with") or \
        re.match(r"\s+with\b", article.text[candidate.end:candidate.end + 6]) is not None
    if len({p.iso3 for p in actors}) >= 2 and with_them and \
            _NOUN_TRIGGER_RE.search(article.text[candidate.start:candidate.end].removesuffix(" with")):
        # "Trump said ..., after a call with King Hamad and Netanyahu": who held it with them
        # is the sentence's subject
        actors = _unique(_opening_parties(article, sentence) + actors)
    if duration or len({p.iso3 for p in actors}) < 2 and not org_summit:
        subject = _subject_of(article, sentence, candidate, places)
        if duration and len(subject) >= 2:
            actors = []  # the main clause's parties, not those of its adjuncts
        if subject:
            actors = _unique(subject + actors)
        elif cl[0] > sentence.start and _CONTRAST_OPENING_RE.match(article.text, cl[0]) and \
                any(p.start < candidate.start and article.is_actor(p) for p in places if cl[0] <= p.start):
            # ("..., while Australia's foreign minister flew to Fiji the same day": a clause of
            # contrast has its own subject; the main clause's parties are not this one's)
            actors = [p for p in places if cl[0] <= p.start < cl[1] and article.is_actor(p)]
        elif reference is None or reference.end() > candidate.start:
            # none named in its clause: the sentence's, but for those of another encounter's clause
            # ("EU ministers met here Monday, a day after Orban held talks with Putin"); a group
            # reference as its subject ("The two presidents met ..., at a summit hosted by Italy")
            # stands for the pair told before
            actors = [p for p in places if article.is_actor(p) and not any(a <= p.start < b for a, b in others)]
            reference = reference or _GROUP_RE.search(sentence.text)
    # "received them": the pronoun stands for the visitors told before, as "both sides" does
    candidate.group_reference = reference is not None or _pronoun_object(article, candidate)
    candidate.group_size = _group_size(reference.group(0)) if reference else None
    candidate.group_role = next((roles for noun, roles in cues.REFERENCE_ROLES.items()
                                 if reference and reference.group(0).lower().endswith(noun)), ())
    candidate.collective = bool(reference) and _COLLECTIVE_RE.match(reference.string, reference.start()) is not None
    # ("the two sides" standing for parties the trigger's own stretch does not name)
    candidate.sides = bool(reference) and reference.group(0).lower().endswith("sides") and \
        len({p.iso3 for p in places if seg[0] <= p.start < seg[1] and article.is_actor(p)}) < 2
    if candidate.kind == "visit" and len({p.iso3 for p in actors}) > 2:
        # a visit is the visitor's and the host's: the clause, or the nearest party before it
        actors = [p for p in places if cl[0] <= p.start < cl[1] and article.is_actor(p)] or \
            [p for p in places if p.end <= candidate.start and article.is_actor(p)][-1:] or actors
    candidate.countries = _unique(p.iso3 for p in actors)
    candidate.why["countries"] = "parties named in the " + ("trigger's clause" if all(
        seg[0] <= p.start < seg[1] for p in actors) else "sentence")
    # a negotiating format named as the encounter's ("six-party talks", "the Quad's leaders")
    # seats all its members
    for name in candidate.organizations:
        if seated_members(name):
            candidate.countries = _unique(candidate.countries + list(seated_members(name)))
            candidate.why["countries"] += f"; the members of {name} (data/gazetteer/formats.csv)"
    officials = [p for p in places if p.kind == "official" and seg[0] <= p.start < seg[1]] or \
        [p for p in places if p.kind == "official"]
    candidate.heads = _unique(p.name for p in officials)
    if candidate.kind == "visit" and candidate.country and candidate.country not in candidate.countries:
        candidate.countries.append(candidate.country)
    own = {p.iso3 for p in places if seg[0] <= p.start < seg[1] and article.is_actor(p)}
    if candidate.kind == "visit" and candidate.country and own == {candidate.country} and \
            not _NOUN_TRIGGER_RE.search(article.text[candidate.start:candidate.end]) and \
            any(cl[0] <= p.end <= candidate.start and p.iso3 == candidate.country and article.is_actor(p) for p in places):
        # "Bhutto left for Pakistan", "the Peruvian delegation arrived in Lima": going home
        candidate.home = True


def _told_ending(text, candidate, clause, date):
    """Whether the clause tells the trigger's encounter as ending on `date` ("the talks ended on
    Friday", "wrapped up two days of talks"), not something else: what ends in a clause the
    trigger's verb introduces ("landed on Thursday, signalling that a deal could be wrapped up"),
    or at an encounter named as where it happens ("a deal wrapped up at the summit"). A date a
    verb of occurrence governs before the cue is the encounter's day, not its end ("talks - held
    in Doha on Saturday - ended without a deal")."""
    if candidate.end <= date.start and _OCCURRED_RE.search(text, candidate.end, date.start) and \
            not _ENDING_RE.search(text, candidate.end, date.start):
        return False
    for cue in _ENDING_RE.finditer(text, clause[0], clause[1]):
        if cue.start() >= candidate.end:
            between = text[candidate.end:cue.start()]
            # (a relative clause on the trigger, after its place: "talks in London that ran into Tuesday")
            if re.search(r"\bthat\b", between) and not _THAT_ON_TRIGGER_RE.match(between):
                continue
        elif _LOCATED_AT_RE.search(text, cue.end(), candidate.start):
            continue
        return True
    return False


def _sentence_date(article, sentence, candidate):
    """(date, where) for a trigger its own clause gives no date: the date heading a timeline
    entry or opening the sentence, the day a photo caption ends with, or the day of a decision
    that came out of the encounter; None when the sentence has none of these."""
    dates = article.dates_from(sentence.start, sentence.end)
    # "April 12 - First round in Muscat"; "In October 2022, on the sidelines of the summit in
    # Prague, A and B met"
    entry = article.heads_entry(sentence)
    head = entry if entry is not None and entry.end <= candidate.start else next((m for m in dates if m.end <= candidate.start and (
        _OPENING_DATE_RE.fullmatch(article.text, sentence.start, m.start) and
        article.text.startswith(",", m.end) and not _REPORTING_ANY_RE.search(article.text, m.end, candidate.start))), None)
    if head is not None:
        return head, "the date heading its entry of a timeline or opening its sentence"
    # "While the ministers met in Lima on Friday, the presidents spoke by phone": at the same time
    meanwhile = _MEANWHILE_RE.match(sentence.text)
    if meanwhile and candidate.start >= sentence.start + meanwhile.end():
        told = [m for m in dates if m.end <= sentence.start + meanwhile.end()]
        if len(told) == 1:
            return told[0], "the date of the opening clause it is told as simultaneous with"
    apart = _day_apposed_or_counted(article, candidate, dates)
    if apart is not None:
        return apart
    # "..., in Astana, Kazakhstan, Wednesday, Sept. 14, 2022. (AP Photo)"
    last = next((m for m in reversed(dates) if m.start > candidate.end), None)
    if last is not None and last.precision == "day" and re.match(r",?\s", article.text[last.start - 2:last.start]) and \
            _CAPTION_END_RE.match(article.text, last.end):
        return last, "the day a caption ends with"
    # "agreed Thursday not to use force, after a tense meeting": the decision came out of the
    # encounter, on its day (or in its month: "announced the plan last month after a call")
    after = _AFTER_ENCOUNTER_RE.search(article.text, sentence.start, candidate.start) or \
        _AFTER_CLAUSE_ENCOUNTER_RE.search(article.text, sentence.start, candidate.start)
    if after:
        decided = [m for m in dates if m.end <= candidate.start and m.precision in ("day", "month") and
                   _RESULT_DAY_RE.search(article.text[max(sentence.start, m.start - 40):m.start])]
        if decided:
            return decided[-1], "the day of the decision that came out of it"
        # "On Friday Trump said Bahrain would follow, after a call with King Hamad": what was
        # said on the day the sentence opens with came after the encounter, that day
        opening = next((m for m in dates if m.precision == "day" and m.end <= after.start() and
                        _OPENING_DATE_RE.fullmatch(article.text, sentence.start, m.start)), None)
        if opening is not None and after.group(0).split()[0].lower() in ("after", "following"):
            return opening, "the day of what the sentence opens with, which came after it"
    return None


def _day_apposed_or_counted(article, candidate, dates):
    """(date, where) for an encounter told as the apposition of a day ("announced on Sunday, the
    day the summit was due to open, that ...") or so many days from a day told after it ("spoke by
    phone, two days after Lee took office on June 4"), else None."""
    text = article.text
    for mention in dates:
        if mention.precision != "day" or mention.end_date is not None:
            continue
        if mention.end <= candidate.start and _DAY_APPOSITION_RE.match(text, mention.end, candidate.start):
            return mention, "the day it is told as the apposition of"
        found = _DAYS_TO_A_DAY_AFTER_RE.match(text[candidate.end:mention.start]) if mention.start >= candidate.end else None
        if found:
            count = found.group("count").lower()
            days = 1 if count in ("a", "one") else int(count) if count.isdigit() else cues.NUMBER_WORDS[count]
            sign = 1 if found.group("dir").lower() == "after" else -1
            day = mention.date + timedelta(days=sign * days)
            return (DateMention(mention.start, mention.end, mention.text, day, None, "day", mention.rule),
                    f"{days} day(s) {found.group('dir').lower()} the day told after it")
    return None


def _read_venue(article, sentence, candidate, places, seg):
    # only the trigger's own stretch of its clause: a place in the stretch of another trigger
    # ("met today and agreed to hold talks in Quito") is that trigger's venue
    # (not where the traveller goes home to: "for a visit to Afghanistan before returning to New Delhi")
    # (nor a place in what the encounter is to cover: "talks expected to cover the offensive
    # in northern Syria")
    venues = [p for p in places if seg[0] <= p.start < seg[1] and article.is_location(p) and
              not _RETURN_BEFORE_RE.search(article.text, max(0, p.start - 30), p.start) and
              not (p.start > candidate.end and _TOPIC_VERB_RE.search(article.text, candidate.end, p.start))]
    if candidate.anaphoric:
        # "the visit" takes a place after it or in its own noun group ("the Geneva talks"), not
        # one told earlier in the clause ("stayed in Paris, and agreed to hold the visit later")
        venues = [p for p in venues if p.start >= candidate.end or candidate.start - p.end <= 20]
    # the dateline is where the reporter is: where a held encounter of the lede took place, not
    # where a planned or called-off one was to be
    if not venues and article.dateline is not None and (
            (article.sentence_index[sentence.start] <= article.lede and candidate.status == "held") or
            _HERE_RE.search(article.text[seg[0]:seg[1]])):
        venues = [article.dateline]  # a wire report's "here" is its dateline's city
    if not venues:
        return
    # the most specific place after the trigger first, then the nearest before it
    def rank(place):
        distance = place.start - candidate.end if place.start >= candidate.end else candidate.start - place.end
        return (place.start < candidate.start, distance // 40, place.kind == "country", distance)
    venue = min(venues, key=rank)
    candidate.why["venue"] = ("the dateline" if venue is article.dateline
                              else f"a locative phrase in the trigger's clause: {venue.text!r}")
    candidate.country = venue.iso3
    if venue.kind != "country":
        candidate.city = venue.city or venue.name
        # "in Kingston, Jamaica": the country after the city says which one, if it has a city of
        # that name ("in Asuncion, Uruguay and Paraguay agreed" lists parties)
        follower = next((p for p in places if p.kind == "country" and 0 <= p.start - venue.end <= 3), None)
        if follower and coordinates(candidate.city, follower.iso3) is not None:
            candidate.country = follower.iso3


def _nearest_date(article, candidate, span, verb=None):
    """The date mention of `span` nearest the trigger (after it, counted from `verb` where the
    subject's main verb is far from it), skipping report days, deadlines, decisions and dates of
    other things; None when there is none."""
    best = None
    for mention in article.dates_from(span[0], span[1]):
        if _REPORTING_RE.search(article.text[max(0, mention.start - 40):mention.start]) or \
                _DEADLINE_RE.search(article.text[max(0, mention.start - 30):mention.start]):
            continue
        # (but a day that modifies the trigger is its own: "cancelled his planned June 12 summit")
        modifier = mention.end <= candidate.start and not article.text[mention.end:candidate.start].strip()
        if not modifier and (_DECIDED_RE.search(article.text[max(0, mention.start - 40):mention.start]) or
                             (mention.end <= candidate.start and _DECIDED_AFTER_RE.match(article.text, mention.end))):
            continue
        if mention.rule in NOT_EVENT_RULES and not _modifies_trigger(article, mention, candidate):
            continue
        # "for the third time this year", "the second round this year": the year counts the
        # encounters, it does not date one ("met for the first time today" does)
        if mention.precision != "day" and re.match(r"(?i)this\b", mention.text) and \
                _COUNTING_BEFORE_RE.search(article.text, max(0, mention.start - 80), mention.start):
            continue
        # a date inside a parenthesis or a relative clause on another noun is that one's ("Sweden's
        # prime minister (who flew in on Sunday) held talks on Monday", "met to discuss the floods
        # that hit the region on 12 January")
        if _told_of_another(article, candidate, mention):
            continue
        if mention.end <= candidate.start:
            between = article.text[mention.end:candidate.start]
            opening = _OPENING_DATE_RE.fullmatch(article.text, article.sentences[candidate.sentence].start, mention.start) \
                and between.startswith(",")
            if (len(between) > 100 and not opening) or _REPORTING_ANY_RE.search(between):
                continue
            # "On 19 October 1956, Japan and the Soviet Union signed ...": an opening date dates
            # the main clause however long its subject
            distance = min((candidate.start - mention.end) * 1.5, 60) if opening else (candidate.start - mention.end) * 1.5
        else:
            distance = abs(mention.start - (verb if verb is not None and mention.start >= verb else candidate.end))
            if distance > MAX_DATE_AFTER:
                continue
        if best is None or distance < best[0]:
            best = (distance, mention)
    return best[1] if best else None


def _told_of_another(article, candidate, mention):
    """Whether `mention` stands in a parenthesis the trigger is not in, or after the trigger in a
    relative clause on another noun (not one right after the trigger: "the talks, which ended on
    Friday")."""
    low, high = sorted((candidate.end if mention.start >= candidate.end else mention.end,
                        mention.start if mention.start >= candidate.end else candidate.start))
    between = article.text[low:high]
    # (a parenthesis holding the date alone dates the words before it: "met in Nicosia (1 March)")
    alone = mention.start >= candidate.end and re.search(r"\(\s*$", between) is not None and \
        re.match(r"\s*\)", article.text[mention.end:]) is not None
    if between.count("(") != between.count(")") and not alone:
        return True
    if mention.end <= candidate.start and re.fullmatch(r"\s*,\s*(?:[\w'’-]+\s+){0,2}", article.text[mention.end:candidate.start]) and \
            _PARTICIPLE_ASIDE_RE.search(article.text, article.sentences[candidate.sentence].start, mention.start):
        # "Wong, sworn in on Monday, met Bainimarama on Thursday": the aside's own day
        return True
    if mention.start < candidate.end:
        return False
    relative = _RELATIVE_PRONOUN_RE.search(between)
    # (a relative clause telling how an encounter went is the encounter's: "a four-day summit in
    # Africa Hall that opened on Wednesday")
    return relative is not None and relative.start() > 3 and not re.search(r"[,;]", between[:relative.start()]) and \
        not _ENCOUNTER_VERB_RE.search(relative.group(0))


def _modifies_trigger(article, mention, candidate):
    """A year before a noun dates that noun: "the 2019 summit" dates the summit, "the 2015
    declaration" a document, not the talks told beside it."""
    return mention.end <= candidate.start and re.fullmatch(r"[\s\w-]{0,25}", article.text[mention.end:candidate.start]) is not None


def _read_sentence_roles(article, sentence, candidates):
    """Absent parties and mediators, from the cues of the sentence, given to the nearest trigger."""
    if not candidates:
        return
    text = sentence.text
    has_absence, has_mediator = _ANY_ABSENCE_RE.search(text), _ANY_MEDIATOR_RE.search(text)
    if not (has_absence or has_mediator):
        return
    places = [p for p in article.in_sentence(article.places, sentence) if p.iso3]
    represented = bool(_REPRESENTED_RE.search(text))
    for pattern, side in _ABSENCE:
        for match in pattern.finditer(text):
            cue_start, cue_end = sentence.start + match.start(), sentence.start + match.end()
            if side == "after":
                who = [p for p in places if cue_end <= p.start <= cue_end + 25 and
                       not _ABSENCE_REACH_ENDS_RE.search(article.text, cue_end, p.start)]
                who = who[:1] + [q for q in who[1:] if _LIST_JOIN_RE.fullmatch(article.text, who[0].end, q.start)] if who else []
            else:
                # the subject of "was not invited", in the same clause ("Guatemala; Ortega was
                # not invited" leaves Guatemala out of it)
                who = [p for p in places if cue_start - 45 <= p.end <= cue_start and
                       not re.search(r"[;:]", article.text[p.end:cue_start])]
                # the last one, and those listed with it ("by Bangladesh, Afghanistan and Bhutan")
                listed = [q for q in places if q.end <= cue_start and who and
                          _LIST_JOIN_RE.fullmatch(article.text, q.end, who[-1].start)]
                who = listed[-1:] + who[-1:] if listed else who[-1:]
                while listed and len(who) < 8:
                    earlier = [q for q in places if q.end <= who[0].start and
                               _LIST_JOIN_RE.fullmatch(article.text, q.end, who[0].start)]
                    if not earlier:
                        break
                    who.insert(0, earlier[-1])
            for place in who:
                if place.kind not in ACTOR_KINDS:
                    continue
                target = _nearest(candidates, cue_start)
                # "without U.S. President Joe Biden" is a leader, not his country; "the chiefs of
                # Pakistan's armed services" are some of its people (either way, a person)
                leader = place.kind in ("official", "demonym") or bool(
                    re.match(r"\s+(?:[A-Z][\w.]*\s+){0,3}(?:[A-Z][\w'-]+)", article.text[place.end:place.end + 40])
                    and any(q.kind == "official" and 0 < q.start - place.end < 40 for q in places)) or \
                    _PEOPLE_OF_STATE_AFTER_RE.match(article.text, place.end) is not None or \
                    _PEOPLE_OF_STATE_BEFORE_RE.search(article.text, max(0, place.start - 30), place.start) is not None
                if leader and represented:
                    continue
                target.absent[place.iso3] = leader
    for pattern, side, aim in _MEDIATORS:
        for match in pattern.finditer(text):
            cue_start, cue_end = sentence.start + match.start(), sentence.start + match.end()
            if side == "after":
                who = [p for p in places if cue_end <= p.start <= cue_end + 40 and p.kind in ACTOR_KINDS]
                # the cue's object is the first name after it: a body ("under the auspices of the
                # African Union, Congo and Rwanda met") leaves the states after it parties
                first = next((p for p in article.in_sentence(article.places, sentence) if p.start >= cue_end), None)
                # (a state joined to it by "and" mediates with it: "brokered by the UN and Norway")
                if first is not None and who and first.start < who[0].start and first.kind == "organization" and \
                        not re.fullmatch(r",?\s+and\s+(?:the\s+)?", article.text[first.end:who[0].start]):
                    who = []
                if who:
                    # the first and those listed after it, each perhaps with its leader's title
                    # and name ("hosted by Bolivia's President Arce and Ecuador's President Noboa")
                    listed = who[:1]
                    for q in (q for q in places if q.start > who[0].start and q.kind in ACTOR_KINDS):
                        if q.start - listed[-1].end > 80:
                            break
                        if _LISTED_NEXT_RE.fullmatch(article.text, listed[-1].end, q.start):
                            listed.append(q)
                    who = listed
            elif match.group(0).startswith("-"):
                # "US- and Saudi-brokered": the names the hyphens join to the cue
                who = [p for p in places if p.end == cue_start and p.kind in ACTOR_KINDS]
                while who:
                    joined = [p for p in places if p.kind in ACTOR_KINDS and
                              re.fullmatch(r"-\s*(?:,|and|,\s*and)\s*", article.text[p.end:who[0].start])]
                    if not joined:
                        break
                    who.insert(0, joined[-1])
            else:
                who = [p for p in places if cue_start - 40 <= p.end <= cue_start and p.kind in ACTOR_KINDS]
                if who:
                    last = who[-1]
                    who = [q for q in who if q is last or re.fullmatch(r"[\w\s,]*", article.text[q.end:last.start] or " ")
                           and len(article.text[q.end:last.start]) < 25]
            for place in who:
                if aim == "next":
                    following = [c for c in candidates if c.start >= place.end]
                    target = following[0] if following else _nearest(candidates, place.start)
                else:
                    preceding = [c for c in candidates if c.end <= cue_start]
                    target = preceding[-1] if preceding else _nearest(candidates, place.start)
                if place.iso3 not in target.mediators:
                    target.mediators.append(place.iso3)


def _nearest(candidates, offset):
    return min(candidates, key=lambda c: min(abs(c.start - offset), abs(c.end - offset)))


def _absent_in(article, sentence):
    """Countries (not leaders) a sentence says stay away, for resolving 'both sides'."""
    if not _ANY_ABSENCE_RE.search(sentence.text):
        return set()
    probe = _Candidate(sentence=0, start=sentence.start, end=sentence.start, kind="summit", cameo="040",
                       plover=None, status="held", anaphoric=True)
    _read_sentence_roles(article, sentence, [probe])
    return {code for code, leader in probe.absent.items() if not leader}


def _roll_call(article, sentence, candidates):
    """Whether a sentence without a trigger names the members of the gathering told just
    before it, whose own sentence named fewer than two ("Leaders from across Asia met today. ...
    Present were Nehru of India, Chou of China and Nasser of Egypt"): three states or more,
    within three sentences of a summit of no named body (a body's summit has its members)."""
    index = article.sentence_index[sentence.start]
    if not any(c.kind == "summit" and len(c.countries) < 2 and not c.organizations and 0 < index - c.sentence <= 3
               for c in candidates[-3:]):
        return False
    actors = [p for p in article.in_sentence(article.places, sentence) if p.iso3 and article.is_actor(p)]
    # one list of states, not "A blamed B and C"; its leaders may stand between them ("Nehru of
    # India, Chou of China") or be told after each ("India, under Nehru; China, under Chou")
    return max(_longest_run(article, actors), _longest_run(article, [p for p in actors if p.kind == "country"])) >= 3


def _longest_run(article, places):
    """The most states named in a row, joined as the members of a roll call are."""
    run, longest = set(), 0
    for before, place in zip([None] + places, places):
        if before is None or not _ROSTER_GAP_RE.fullmatch(article.text, before.end, place.start):
            run = set()
        run.add(place.iso3)
        longest = max(longest, len(run))
    return longest


def _attendance(article, sentence, roll_call=False):
    """A sentence saying who attends ("Those attending will include ...", or a roll call after
    a summit), as a candidate that only adds parties to the multilateral encounter told before it."""
    places = article.in_sentence(article.places, sentence)
    candidate = _Candidate(
        sentence=article.sentence_index[sentence.start], start=sentence.start, end=sentence.start,
        kind="summit", cameo="040", plover="multilateral", status="held", anaphoric=True, attendance=True,
        countries=_unique(p.iso3 for p in places if article.is_actor(p)),
        heads=_unique(p.name for p in places if p.kind == "official"))
    _read_sentence_roles(article, sentence, [candidate])
    candidate.countries = [c for c in candidate.countries if c not in candidate.absent]
    if not roll_call and not _ATTENDANCE_RE.search(sentence.text):
        candidate.countries, candidate.heads = [], []
    return candidate
