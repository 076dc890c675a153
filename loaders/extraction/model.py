"""What extraction knows about one article (sentences, places, dates, people, its dateline) and
the records the stages pass on: a `_Candidate` per trigger, a `_Group` per encounter.
"""

import bisect
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from loaders import cues
from loaders.dates import MONTHS, WEEKDAYS, find_dates
from loaders.extraction.patterns import (
    _BUILDING_OF_RE,
    _BYLINE_RE,
    _DATELINE_AFTER_RE,
    _DATELINE_HEAD_RE,
    _DATELINE_TOWN_RE,
    _ENCOUNTER_NOUN_AFTER_RE,
    _ENTRY_DATE_END_RE,
    _HEAD_AFTER_RE,
    _HEAD_BEFORE_RE,
    _LIST_JOIN_RE,
    _LOCATION_RE,
    _MEDIA_RE,
    _NAME_RE,
    _NON_ACTOR_AFTER_RE,
    _NOT_VENUE_RE,
    _OPENING_SUBORDINATE_RE,
    _TITLE_BEFORE_RE,
    _TITLED_PERSON_RE,
    _TITLES,
    _TOPIC_PREP_RE,
    _VENUE_RE,
    ACTOR_KINDS,
    DATELINE_DAYS,
    VENUE_KINDS,
)
from loaders.gazetteer import Place, coordinates, find_places, official_roles
from loaders.sentences import split_sentences


@dataclass
class _Candidate:
    sentence: int
    start: int
    end: int
    kind: str
    cameo: str
    plover: str | None
    status: str            # held | planned | cancelled | past-plan
    anaphoric: bool
    date: object = None    # a DateMention or None
    city: str | None = None
    country: str | None = None
    countries: list = field(default_factory=list)
    absent: dict = field(default_factory=dict)   # iso3 -> True when it was a leader who stays away
    mediators: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    heads: list = field(default_factory=list)
    group_reference: bool = False
    group_size: int | None = None   # the count a group reference states ("the two ministers": 2)
    group_role: tuple = ()          # the roles a group reference names ("the two presidents")
    collective: bool = False        # an uncounted reference to a gathering's officials ("the leaders")
    attendance: bool = False
    roster: bool = False   # its sentence says who attends ("X, Y and Z attended the meeting")
    opens: bool = False    # told as beginning on its date ("the talks began on June 28")
    resumes: bool = False  # told as taken up again on its date ("resumed the talks on Sunday")
    home: bool = False     # a journey home ("Bhutto left for Pakistan"): no visit
    ends: object = None    # a DateMention of the last day, for a visit told as ending
    days: int | None = None   # length in days in its own words ("a two-day visit")
    earlier: bool = False     # the earlier encounter of "their first meeting since 2019"
    sequel: bool = False      # told after a verb of sequence ("followed negotiations in May"):
    apart: object = None      # ... so not the encounter told just before it (set by the fold)
    item: int | None = None   # offset of its date, for one item of a chronology list
    entry: bool = False    # told in an entry of a timeline, headed by its date ("May 2, 2014: ...")
    sides: bool = False    # its parties are told as "the two sides", "both sides"
    preparatory: bool = False  # told as preparing another ("preparatory talks", "a preliminary meeting")
    prior: bool = False    # an earlier one than the encounter in play ("his previous visit")
    upcoming: bool = False  # a later one than the encounter in play ("the next summit")
    backdrop: bool = False  # the gathering on whose sidelines another encounter of its sentence is held
    why: dict = field(default_factory=dict)   # field -> the rule that decided it (--explain)


@dataclass
class _Group:
    members: list
    kind: str
    cameo: str
    plover: str | None
    status: str
    date: object = None
    city: str | None = None
    country: str | None = None
    countries: list = field(default_factory=list)
    absent: dict = field(default_factory=dict)
    mediators: list = field(default_factory=list)
    organizations: list = field(default_factory=list)
    heads: list = field(default_factory=list)
    sentences: list = field(default_factory=list)
    ends: object = None
    days: int | None = None
    why: dict = field(default_factory=dict)
    apart: list = field(default_factory=list)   # the candidates its members are told apart from
    tour_stop: str | None = None   # the host of one country of a visit to several told at once


class _Article:
    """What extraction knows about one article: sentences, places, dates, people."""

    def __init__(self, text, published):
        self.text = text
        self.published = published
        self.sentences = split_sentences(text)
        places = list(find_places(text, published.year if published else None))
        media = [(m.start(), m.end()) for m in _MEDIA_RE.finditer(text)]
        self.places = [p for p in places if not any(s <= p.start < e for s, e in media)]
        #: the day relative dates count from: a wire report's dateline day, else publication
        #: where the body opens, after a byline on a line of its own
        byline = _BYLINE_RE.match(text)
        self.opening = byline.end() if byline else 0
        self.anchor = _dateline_day(text[self.opening:], published) or published
        # "now", "currently" date the report, never an encounter (dates.NOT_EVENT_RULES)
        self.dates = sorted((m for m in (find_dates(text, self.anchor) if text else []) if m.rule != "present"),
                            key=lambda m: m.start)
        self._date_starts = [m.start for m in self.dates]
        self.people = {}
        self._place_starts = [p.start for p in self.places]
        self._sentence_places = {}
        self._learn_heads()
        self.places = sorted(self.places + self._people_places(), key=lambda p: p.start)
        self._place_starts = [p.start for p in self.places]
        self._sentence_places = {}
        self.sentence_index = {s.start: n for n, s in enumerate(self.sentences)}
        #: the first sentence that tells something: a dateline or an agency tag split off on its
        #: own ("QUITO, March 4. /EFE/.") is not the lede
        self.lede = next((n for n, s in enumerate(self.sentences) if len(s.text.split()) >= 6), 0)
        self._actor = {}
        # where an opening subordinate clause ends ("After the talks in Asuncion, Uruguay and
        # Paraguay agreed"): a list of places does not go on across it
        clause_ends = {s.start + m.end() for s in self.sentences for m in [_OPENING_SUBORDINATE_RE.match(s.text)] if m}
        previous = None
        for place in self.places:
            actor = self._is_actor(place)
            # the place comes after one that is no party, in the same clause
            follows = previous is not None and not self._actor[id(previous)] and \
                not any(previous.end <= end <= place.start for end in clause_ends)
            # "in the Chinese capital Beijing", "in Istanbul, Türkiye": a place right after a
            # location is that location again
            # (a person is never a place again: "On his visit to Britain, Trump held talks")
            if actor and follows and place.kind != "official" and \
                    previous.kind in VENUE_KINDS and re.fullmatch(r"[\s,]{0,3}", self.text[previous.end:place.start]) and \
                    (place.kind != "country" or previous.kind == "country" or
                     coordinates(previous.city or previous.name, place.iso3) is not None):
                # (a country after a city is that city's only if it has one of that name: "in
                # Asuncion, Uruguay and Paraguay agreed" names the parties after the place)
                actor = False
            # a list goes on as it began: "flew to Peru, Bolivia and Chile" names three places
            # (not a possessive: "from Nairobi, Tanzania's president met ...")
            if actor and follows and previous.kind in ACTOR_KINDS and \
                    place.kind not in ("official", "demonym") and _LIST_JOIN_RE.fullmatch(self.text, previous.end, place.start) and \
                    not re.match(r"['’]s\b", self.text[place.end:place.end + 2]):
                actor = False
            self._actor[id(place)] = actor
            previous = place
        self.dateline = self._dateline()
        if self.dateline is not None:
            self._actor[id(self.dateline)] = False  # where the report is filed, never a party
        self.actor_counts = {}
        for place in self.places:
            if self.is_actor(place):
                self.actor_counts[place.iso3] = self.actor_counts.get(place.iso3, 0) + 1
        self.absent = set()  # countries said to stay away anywhere in the article (filled later)
        #: countries said to broker the process in a sentence of their own ("Norway and Cuba are
        #: guarantors of the process"): never parties by default (filled later)
        self.brokers = set()

    def in_sentence(self, items, sentence):
        if items is self.places:
            key = (sentence.start, sentence.end)
            cached = self._sentence_places.get(key)
            if cached is None:
                low = bisect.bisect_left(self._place_starts, sentence.start)
                high = bisect.bisect_left(self._place_starts, sentence.end)
                cached = [p for p in self.places[low:high] if p.end <= sentence.end]
                self._sentence_places[key] = cached
            return cached
        if items is self.dates:
            return [m for m in self.dates_from(sentence.start, sentence.end) if m.end <= sentence.end]
        return [i for i in items if sentence.start <= i.start and i.end <= sentence.end]

    def heads_entry(self, sentence):
        """The date heading `sentence` as an entry of a timeline ("April 12 - First round in
        Muscat", "Jan. 5, 2004: ..."), or None."""
        first = next(iter(self.dates_from(sentence.start, sentence.start + 1)), None)
        return first if first is not None and _ENTRY_DATE_END_RE.match(self.text, first.end) else None

    def dates_from(self, start, end):
        """The date mentions starting in [start, end), by bisection: articles can hold thousands."""
        return self.dates[bisect.bisect_left(self._date_starts, start):bisect.bisect_left(self._date_starts, end)]

    def in_play(self):
        """The two countries named most often as parties in the article."""
        ranked = sorted(((c, n) for c, n in self.actor_counts.items() if c not in self.absent and c not in self.brokers),
                        key=lambda kv: (-kv[1], kv[0]))
        return [code for code, count in ranked[:2] if count >= 2]

    def is_actor(self, place):
        """A place that stands for a party, not for where something is or what is talked about."""
        flag = self._actor.get(id(place))
        return self._is_actor(place) if flag is None else flag

    def is_location(self, place):
        """A place told as where something is ("in Istanbul", "at Camp David")."""
        if place.kind not in VENUE_KINDS or not place.iso3 or self.is_actor(place):
            return False
        before = self.text[max(0, place.start - 60):place.start]
        if _NOT_VENUE_RE.search(before) or _TOPIC_PREP_RE.search(before):
            return False
        # a wider look for the long phrases ("sent its foreign minister, X, and an adviser to")
        if _VENUE_RE.search(self.text[max(0, place.start - 120):place.start]):
            return True
        return bool(_NON_ACTOR_AFTER_RE.match(self.text, place.end)) and place.kind in ("city", "capital", "venue", "seat")

    def _dateline(self):
        """The place of a dateline ("SHANGHAI - ...", "DOHA, August 15.", "TASHKENT, U.S.S.R.,
        Jan. 10") opening the body. A town the gazetteer does not know, followed by the country
        it is in ("CHAGUARAMAS, Trinidad, July 4 -"), is that town, in that country."""
        opening = self.opening
        head = self.text[:opening + 80]
        for place in self.places:
            if place.start > opening + 40:
                break
            if place.kind in ("city", "capital", "venue") and opening <= place.start <= opening + 2 and \
                    _DATELINE_AFTER_RE.match(head, place.end, place.end + 30):
                return place
        town = _DATELINE_TOWN_RE.match(head, opening)
        if town is None:
            return None
        region = next((p for p in self.places if p.start == town.end() and p.kind == "country"), None)
        if region is None or not _DATELINE_AFTER_RE.match(head, region.end, region.end + 30):
            return None
        name = town.group(1).title()
        return Place(town.start(1), town.end(1), town.group(1), "city", region.iso3, name, name)

    @cached_property
    def roles_named(self):
        """The roles of the officials the article names, by country: by the title written right
        before the name, or by officials.csv (read once per article)."""
        found = {}
        for place in self.places:
            if place.kind != "official" or not place.iso3:
                continue
            held = found.setdefault(place.iso3, set())
            held.update(official_roles(place.name))
            title = _TITLE_BEFORE_RE.search(self.text, max(0, place.start - 40), place.start)
            if title:
                held.add(cues.TITLE_ROLES[title.group(1)])
        return found

    def recent_pair(self, index, hosts=frozenset(), counterpart=False, size=None, collective=False, roles=()):
        """The countries of the nearest sentence up to `index` naming two or more parties (as
        many as `size` when the reference counts them, "the two ministers", if one of those
        sentences does; for a `collective` reference, "the leaders", the sentence up to `index`
        naming the most, the nearest of those), or, for a `counterpart` ("his Peruvian counterpart"), of the sentence at
        `index` and the one before it together (`hosts`, the mediators of the sentence at `index`,
        are not parties). A reference naming `roles` ("the two presidents") counts only the
        countries whose officials hold one, where the article names two or more: a country whose
        officials it names only in other roles is left out ("Chancellor Merkel")."""
        named = self.roles_named if roles else {}
        roles_told = sum(1 for held in named.values() if held & set(roles)) >= 2
        if roles_told:
            hosts = set(hosts) | {code for code, held in named.items() if held and not held & set(roles)}
        if collective:
            told = [self._parties_of(position, hosts) for position in range(index, -1, -1)]
            most = max(told, key=len, default=[])
            if len(most) >= 2:
                return most
        codes, nearest = [], None
        # a reference that counts its parties ("the five foreign ministers") may reach back to
        # the lede; any other, three sentences
        reach = -1 if size is not None and size > 2 else max(-1, index - 4)
        for position in range(index, reach, -1):
            here = self._parties_of(position, hosts)
            # "the six powers and Iran": a count above two may leave out the party named beside it
            counted = size is not None and (len(here) == size or size > 2 and len(here) == size + 1)
            if len(here) >= 2 and size is not None and not counted:
                nearest = nearest or (here if index - position < 4 else None)
                continue
            if len(here) >= 2 and index - position < 4 or counted:
                return here
            # one party here, the other a sentence back ("He met his Peruvian counterpart")
            codes = _unique(codes + here)
            if counterpart and len(codes) >= 2 and position == index - 1:
                return codes
        playing = [code for code in self.in_play() if code not in hosts]
        if nearest is None and len(playing) < 2 and roles_told:
            # "the two presidents" where the pair in play is a president and a prime minister: the
            # first sentence naming two who hold the role
            nearest = next((here for here in (self._parties_of(position, hosts) for position in range(index + 1))
                            if len(here) >= 2), None)
        return nearest or playing or self.in_play()

    def _parties_of(self, position, hosts):
        """The parties the sentence at `position` names, hosts, brokers and absentees aside."""
        return _unique(p.iso3 for p in self.in_sentence(self.places, self.sentences[position])
                       if self.is_actor(p) and p.iso3 not in self.absent and p.iso3 not in hosts
                       and p.iso3 not in self.brokers)

    def _is_actor(self, place):
        if place.kind not in ACTOR_KINDS or not place.iso3:
            return False
        before = self.text[max(0, place.start - 60):place.start]
        if _TOPIC_PREP_RE.search(before):
            return False
        # the second of a hyphenated pair ("German-Japanese talks", "US-China talks") is a party
        # as the first is, whatever noun follows
        paired = before.endswith(("-", "–")) and _ENCOUNTER_NOUN_AFTER_RE.match(self.text, place.end) is not None
        if place.kind == "demonym" and _BUILDING_OF_RE.search(before):
            return False  # "in the hall of the Uzbek Council of Ministers": where, not who
        if place.kind in ("official", "demonym"):
            return paired or not (place.kind == "demonym" and _NON_ACTOR_AFTER_RE.match(self.text, place.end))
        if _LOCATION_RE.search(before):
            return False
        if _NON_ACTOR_AFTER_RE.match(self.text, place.end) and not paired:
            return False
        return True

    # Heads of delegation not in the gazetteer: "the US delegation was headed by Sonata Coulter",
    # "Afghan President Ashraf Ghani".
    def _learn_heads(self):
        for place in self.places:
            if place.kind not in ("country", "demonym") or not place.iso3:
                continue
            titled = _TITLED_PERSON_RE.match(self.text, place.end)
            if titled and set(titled.group("titles").split()) & _TITLES:
                self._remember(titled.group("name"), place.iso3)
        for sentence in self.sentences:
            for match in _HEAD_AFTER_RE.finditer(sentence.text):
                name = _NAME_RE.match(sentence.text, match.end() + 1)
                if not name:
                    continue
                country = self._country_before(sentence.start + match.start(), 40)
                self._remember(name.group(0), country)
            for match in _HEAD_BEFORE_RE.finditer(sentence.text):
                clause = sentence.text[:match.start()]
                pieces = re.split(r"\b(?:while|whereas)\b|;", clause)
                lead = pieces[-1] if pieces else clause
                name = next((n for n in _NAME_RE.finditer(lead) if len(_strip_titles(n.group(0)).split()) >= 2), None)
                if name and name.start() > 20:
                    name = None
                country = None
                for place in self.in_sentence(self.places, sentence):
                    if sentence.start + match.end() <= place.start < sentence.start + match.end() + 40 and place.iso3:
                        country = place.iso3
                        break
                if name:
                    self._remember(name.group(0), country)

    def _country_before(self, offset, reach):
        found = None
        for place in self.places:
            if offset - reach <= place.start < offset and place.iso3 and place.kind in ("country", "demonym"):
                found = place.iso3
        return found

    def _remember(self, name, country):
        name = _strip_titles(name).strip()
        if len(name.split()) < 2 or any(p.kind == "official" and p.name == name for p in self.places):
            return
        self.people[name] = country

    def _people_places(self):
        """Occurrences of learned heads (full name or surname) as 'official' places, and the
        surname of an official the gazetteer knows, once the article has named them in full
        ("Foreign Minister Wang Yi ..." then "Wang flew on to Tonga"), unless two people of
        the article share it or it begins another name ("Wang Wenbin")."""
        out = []
        taken = [(p.start, p.end) for p in self.places]
        for name, country in self.people.items():
            surname = _surname_of(name, country) if country in cues.GIVEN_NAME_CALLED | cues.FAMILY_NAME_FIRST \
                else name.split()[-1]
            called = "|".join(re.escape(n) for n in (name, surname) if n)
            for match in re.finditer(rf"\b(?:{called})\b", self.text):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                taken.append((match.start(), match.end()))
                out.append(Place(match.start(), match.end(), match.group(0), "official", country, name, None))
        named, titled = {}, {}
        for place in self.places:
            if place.kind == "official" and place.iso3 and len(place.text.split()) >= 2 and place.text == place.name:
                surname = _surname_of(place.name, place.iso3)
                words = place.name.split()
                if surname:
                    named.setdefault(surname, []).append(place)
                elif len(words) > 2 and words[1].lower() in NASAB_PARTICLES:
                    titled.setdefault(words[0], []).append(place)
        for given, places in titled.items():
            # "Sheikh Mohammed bin Abdulrahman Al Thani" is then "Sheikh Mohammed": a title and
            # the given name (unless another of that given name is named in full)
            if len({p.name for p in places}) > 1:
                continue
            first = places[0]
            titled_given = re.compile(rf"\b(?:{cues.GIVEN_NAME_TITLES})\s+({re.escape(given)})\b(?!\s+(?:bin|ibn|bint)\b)")
            for match in titled_given.finditer(self.text, first.end):
                start, end = match.span(1)
                if not any(s < end and start < e for s, e in taken):
                    taken.append((start, end))
                    out.append(Place(start, end, given, "official", first.iso3, first.name, None))
        out.extend(self._titles_alone(taken))
        for surname, places in named.items():
            if len({p.name for p in places}) > 1:
                continue
            first = places[0]
            for match in re.compile(rf"\b{re.escape(surname)}\b(?![\s-]+[A-Z])").finditer(self.text, first.end):
                start, end = match.span()
                # "London Mayor Sadiq Khan" is another Khan: a given name before it (a capitalised
                # word inside the sentence that is no title and no possessive, "Russia's Lavrov")
                before = re.search(r"[\w,;:)]\s+([A-Z][\w-]*)\s+$", self.text[max(0, start - 40):start])
                if before and before.group(1) not in _TITLES or any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                out.append(Place(start, end, surname, "official", first.iso3, first.name, None))
        return out


    def _titles_alone(self, taken):
        """"Chancellor Adenauer ... The Chancellor paid a state visit to France": a title told
        alone after the one official the article has named with it stands for him (not where
        officials of two countries bear it, nor "the President of France")."""
        holders = {}
        for place in self.places:
            if place.kind == "official" and place.iso3:
                title = _TITLE_BEFORE_RE.search(self.text, max(0, place.start - 40), place.start)
                if title:
                    holders.setdefault(title.group(1), []).append(place)
        out = []
        for title, places in holders.items():
            if len({p.iso3 for p in places}) > 1:
                continue
            first = places[0]
            for match in re.finditer(rf"\b(?<=[Tt]he ){re.escape(title)}\b(?!\s+(?:of\b|[A-Z]))", self.text[first.end:]):
                start, end = first.end + match.start(), first.end + match.end()
                if not any(s < end and start < e for s, e in taken):
                    taken.append((start, end))
                    out.append(Place(start, end, title, "official", first.iso3, first.name, None))
        return out


def _dateline_day(text, published):
    """The day a wire report's dateline gives, when it opens the body and lies at most
    DATELINE_DAYS before publication: "today", "on Wednesday" and "the day before" in the
    report count from it, not from the day it was printed."""
    if published is None:
        return None
    head = _DATELINE_HEAD_RE.match(text)
    if head is None:
        return None
    first = next(iter(find_dates(text[:head.end() + 40], published)), None)
    if first is None or first.start != head.end() or first.precision != "day" or first.end_date:
        return None
    printed = published.date() if isinstance(published, datetime) else published
    day = first.date
    if day > printed:  # a yearless day read forward: the dateline is the same day a year back
        day = day.replace(year=day.year - 1) if not (day.month == 2 and day.day == 29) else day
    return datetime(day.year, day.month, day.day) if 0 <= (printed - day).days <= DATELINE_DAYS else None


#: Words inside a name that make its last word no family name to call the person by.
NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "da", "de", "do", "dos", "van", "von"})
#: The particles of a name by descent ("Mohammed bin Salman"): such a person is called by a title
#: and the given name.
NASAB_PARTICLES = frozenset({"bin", "ibn", "bint"})


def _surname_of(name, iso3):
    """The word a person is called by once named in full, or None when it is not safe to say:
    the family name, last ("William Ruto" -> "Ruto", "Recep Tayyip Erdogan" -> "Erdogan") or,
    for the countries of cues.FAMILY_NAME_FIRST, first ("Wang Yi" -> "Wang", "Yoon Suk Yeol" ->
    "Yoon"), as is the given name of those of cues.GIVEN_NAME_CALLED ("Abiy Ahmed" -> "Abiy"). A name with a particle ("Mohammed bin Salman", "Lula da Silva"), a regnal number
    ("Elizabeth II") or a family name that is a month or a weekday ("Theresa May") gives None."""
    words = name.split()
    if (iso3 in cues.FAMILY_NAME_FIRST or iso3 in cues.GIVEN_NAME_CALLED) and len(words) <= 3:
        surname = words[0]
    elif not {w.lower() for w in words[:-1]} & NAME_PARTICLES:
        surname = words[-1]
    else:
        return None
    if re.fullmatch(r"[IVX]+|[JS]r\.?", surname) or surname.lower() in MONTHS or surname.lower() in WEEKDAYS:
        return None
    # "Omar al-Bashir" is "Bashir", "Abdel Fattah el-Sisi" "Sisi": the article falls away
    return re.sub(r"^(?:al|el|as|ash|ad|an|ar|at|az)[-‑]", "", surname, flags=re.I)


def _strip_titles(name):
    words = name.split()
    while words and words[0].strip(",") in _TITLES:
        words = words[1:]
    return " ".join(words)


def _anchor_day(article):
    """The day the article's dates count from, or None."""
    return article.anchor.date() if isinstance(article.anchor, datetime) else article.anchor


def _after_anchor(article, mention):
    """Whether a date mention lies wholly after the day the article's dates count from."""
    if mention is None or article.anchor is None:
        return False
    return mention.date > _anchor_day(article)


def _unique(values):
    out = []
    for value in values:
        if value and value not in out:
            out.append(value)
    return out


def _because(group, name, reason, member=None):
    """Record why `group`'s field `name` is what it is (for --explain)."""
    if reason:
        told = f" (from the mention of sentence {member.sentence + 1})" if member is not None else ""
        group.why[name] = reason + told
