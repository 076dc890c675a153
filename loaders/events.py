"""Diplomatic encounters reported in articles: `extract_mentions(articles) -> MENTIONS frame`.

One row of the result is one encounter (meeting, talks, summit, call, visit; held, planned or
cancelled) as one article tells it; the columns are `schema.MENTIONS` (kind, cameo,
plover_mode, status, date, end_date, date_precision, date_text, city, country, countries,
absent, mediators, organizations, heads, topics, title, evidence with its offsets ...).

How (each step reads the tables of `loaders.cues`):

1. split the body into sentences, with offsets;
2. find places (`loaders.gazetteer.find_places`) and dates (`loaders.dates.find_dates`,
   resolved against the publication date) once over the whole body;
3. find trigger words in each sentence, drop those in non-encounter contexts, and read for
   each its clause: status, the date attached to it, the venue, the parties, who is absent,
   mediators, heads, organizations;
4. fold the triggers of one article into encounters: a definite reference ("the talks") joins
   the encounter it refers to, and mentions agreeing in kind, status, parties, date and venue
   become one, their evidence joined.

    >>> from loaders.registry import read_paths
    >>> frame = extract_mentions(read_paths(["article.txt"]).articles)
"""
import bisect
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pandas as pd

from loaders import cues, schema
from loaders.dates import NOT_EVENT_RULES, DateMention, find_dates
from loaders.gazetteer import Place, find_places, seated_members
from loaders.sentences import split_sentences
from loaders.topics import topics_of

_FLAGS = re.IGNORECASE

# --- sentences: loaders/sentences.py ----------------------------------------------------------

# --- compiled tables -------------------------------------------------------------------------

def _any(patterns, flags=_FLAGS):
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


_TRIGGER_RE = re.compile(
    "|".join(f"(?P<t{i}>\\b{t.pattern}\\b)" for i, t in enumerate(cues.TRIGGERS)), _FLAGS)
_NOT_ENCOUNTER_RE = _any(cues.NOT_ENCOUNTERS)
_CANCEL_RE = _any(cues.CANCEL_CUES)
_PLAN_RE = _any(cues.PLAN_CUES)
_PAST_PLAN_RE = _any(cues.PAST_PLAN_CUES)
_PLAN_BEFORE_RE = _any(cues.PLAN_BEFORE_CUES)
_HELD_RE = _any(cues.HELD_CUES)
_STATUS_AFTER = (("planned", _PLAN_RE), ("held", _HELD_RE))
_STATUS_BEFORE = _STATUS_AFTER + (("planned", _PLAN_BEFORE_RE),)
_HEDGE_RE = _any(cues.HEDGE_CUES)
_REPRESENTED_RE = _any(cues.REPRESENTED_CUES)
_REPORTING_RE = re.compile(r"(?:" + "|".join(cues.REPORTING_CUES) + r")\s+(?:\w+\s+){0,2}$", _FLAGS)
_COUNTERPART_RE = re.compile(r"\bcounterparts?\b", _FLAGS)
_WHEN_RE = re.compile(r"\s*,?\s*when\b", _FLAGS)
_HERE_RE = re.compile(r"\bhere\b", _FLAGS)
_DECIDED_RE = re.compile(r"(?:" + "|".join(cues.DECISION_CUES) + r")\s+(?:\w+\s+){0,2}$", _FLAGS)
_LOCATION_RE = re.compile(cues.LOCATION_PREPOSITIONS, _FLAGS)
_VENUE_RE = re.compile(cues.VENUE_PREPOSITIONS, _FLAGS)
_ANAPHORA_RE = re.compile(cues.ANAPHORA, _FLAGS)
_GROUP_RE = _any(cues.GROUP_REFERENCES)
_CLAUSE_RE = re.compile("|".join(cues.CLAUSE_BREAKS))
_NON_ACTOR_AFTER_RE = re.compile(cues.NON_ACTOR_FOLLOWERS, _FLAGS)
_MEDIA_RE = _any(cues.MEDIA_OUTLETS)
_PURPOSE_RE = re.compile(cues.PURPOSE_BEFORE, _FLAGS)
_NOUN_TRIGGER_RE = re.compile(cues.NOUN_TRIGGER_ENDINGS, _FLAGS)
_TOPIC_PREP_RE = re.compile(cues.TOPIC_PREPOSITIONS, _FLAGS)
_NOT_VENUE_RE = re.compile(cues.NOT_VENUE_BEFORE, _FLAGS)
_ATTENDANCE_RE = _any(cues.ATTENDANCE_CUES)
_REPORTING_ANY_RE = _any(cues.REPORTING_CUES)
_DATELINE_RE = re.compile(r"^(?P<place>[A-Z][A-Za-z .'/-]+?)(?:,\s*[A-Z][\w .]+)?\s+[-–—]\s+")
_ABSENCE = tuple((re.compile(c.pattern, _FLAGS), c.side) for c in cues.ABSENCE_CUES)
_ANY_ABSENCE_RE = _any(c.pattern for c in cues.ABSENCE_CUES)
_ANY_MEDIATOR_RE = _any(c.pattern for c in cues.MEDIATOR_CUES)
_MEDIATORS = tuple((re.compile(c.pattern, _FLAGS), c.side, c.target) for c in cues.MEDIATOR_CUES)
_HEAD_AFTER_RE = _any(cues.HEAD_AFTER_CUES)
_HEAD_BEFORE_RE = _any(cues.HEAD_BEFORE_CUES)
_ENDING_RE = _any(cues.ENDING_CUES)
_ORDINAL_RES = tuple(re.compile(p + cues.ORDINAL_DAY_TAIL, _FLAGS) for p in cues.ORDINAL_DAY_PATTERNS)
_FIRST_SINCE_BEFORE_RE = re.compile(cues.FIRST_SINCE_BEFORE, _FLAGS)
_FIRST_SINCE_AFTER_RE = re.compile(cues.FIRST_SINCE_AFTER, _FLAGS)
_DURATION_RE = re.compile(r"\b(?P<duration>" + "|".join(map(re.escape, cues.DURATION_WORDS)) + r")\s+(?:[\w-]+\s+){0,2}$", _FLAGS)
_MOTION_RE = re.compile(cues.MOTION_TRIGGERS, _FLAGS)
_DAY_OF_RE = re.compile(r"[Dd]ay\s+(?:\w+\s+)?of\s")
_STAY_RE = re.compile(cues.STAY_IN_DAYS, _FLAGS)
_DAYS_OF_RE = re.compile(cues.DAYS_OF, _FLAGS)
_VISIT_NOUN_RE = re.compile(r"\b(?:visit|trip|tour)", _FLAGS)
_NAME_RE = re.compile(r"(?:[A-Z][\w'’-]+|bin|al|Al|de|da|van|von)(?:\s+(?:[A-Z][\w'’-]+|bin|bin|al|de|da))*")
_TITLES = frozenset(cues.PERSON_TITLES)

#: How far after its trigger a date may stand and still be the encounter's, in characters;
#: further on it belongs to another predicate ("... that pushed relations to lows early last year").
MAX_DATE_AFTER = 150
#: How many days before publication a lede's trigger-less date may lie to date the article's
#: undated encounter (see _date_from_lede).
LEDE_DAYS = 3

KIND_CLASS = schema.KIND_FAMILY
CAMEO = schema.KIND_CAMEO
ACTOR_KINDS = ("country", "demonym", "capital", "seat", "official")
VENUE_KINDS = ("city", "capital", "venue", "country", "seat")


# --- one trigger, read in its clause ---------------------------------------------------------

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
    attendance: bool = False
    ends: object = None    # a DateMention of the last day, for a visit told as ending
    days: int | None = None   # length in days in its own words ("a two-day visit")
    earlier: bool = False     # the earlier encounter of "their first meeting since 2019"
    item: int | None = None   # offset of its date, for one item of a chronology list
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
        self.anchor = _dateline_day(text, published) or published
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
        self._actor = {}
        previous = None
        for place in self.places:
            actor = self._is_actor(place)
            # "in the Chinese capital Beijing", "in Istanbul, Türkiye": a place right after a
            # location is that location again
            if actor and previous is not None and not self._actor[id(previous)] and \
                    previous.kind in VENUE_KINDS and re.fullmatch(r"[\s,]{0,3}", self.text[previous.end:place.start]):
                actor = False
            self._actor[id(place)] = actor
            previous = place
        self.actor_counts = {}
        for place in self.places:
            if self.is_actor(place):
                self.actor_counts[place.iso3] = self.actor_counts.get(place.iso3, 0) + 1
        self.dateline = self._dateline()
        self.absent = set()  # countries said to stay away anywhere in the article (filled later)

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

    def dates_from(self, start, end):
        """The date mentions starting in [start, end), by bisection: articles can hold thousands."""
        return self.dates[bisect.bisect_left(self._date_starts, start):bisect.bisect_left(self._date_starts, end)]

    def in_play(self):
        """The two countries named most often as parties in the article."""
        ranked = sorted(((c, n) for c, n in self.actor_counts.items() if c not in self.absent),
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
        if _VENUE_RE.search(before):
            return True
        return bool(_NON_ACTOR_AFTER_RE.match(self.text, place.end)) and place.kind in ("city", "capital", "venue", "seat")

    def _dateline(self):
        """The place of a dateline ("SHANGHAI - ...", "DOHA, August 15.") opening the body."""
        head = self.text[:80]
        for place in self.places:
            if place.start > 40:
                break
            if place.kind in ("city", "capital", "venue") and place.start <= 2 and \
                    re.match(r"[\s,A-Za-z]*(?:[-–—]|\d|[A-Z][a-z]+ \d)", head[place.end:place.end + 30]):
                return place
        return None

    def recent_pair(self, index, hosts=frozenset(), counterpart=False):
        """The countries of the nearest sentence up to `index` naming two or more parties, or, for
        a `counterpart` ("his Peruvian counterpart"), of the sentence at `index` and the one
        before it together (`hosts`, the mediators of the sentence at `index`, are not parties)."""
        codes = []
        for position in range(index, max(-1, index - 4), -1):
            sentence = self.sentences[position]
            here = _unique(p.iso3 for p in self.in_sentence(self.places, sentence)
                           if self.is_actor(p) and p.iso3 not in self.absent and p.iso3 not in hosts)
            if len(here) >= 2:
                return here
            # one party here, the other a sentence back ("He met his Peruvian counterpart")
            codes = _unique(codes + here)
            if counterpart and len(codes) >= 2 and position == index - 1:
                return codes
        return self.in_play()

    def _is_actor(self, place):
        if place.kind not in ACTOR_KINDS or not place.iso3:
            return False
        before = self.text[max(0, place.start - 60):place.start]
        if _TOPIC_PREP_RE.search(before):
            return False
        if place.kind in ("official", "demonym"):
            return not (place.kind == "demonym" and _NON_ACTOR_AFTER_RE.match(self.text, place.end))
        if _LOCATION_RE.search(before):
            return False
        if _NON_ACTOR_AFTER_RE.match(self.text, place.end):
            return False
        return True

    # Heads of delegation not in the gazetteer: "the US delegation was headed by Sonata Coulter".
    def _learn_heads(self):
        for sentence in self.sentences:
            for match in _HEAD_AFTER_RE.finditer(sentence.text):
                name = _NAME_RE.match(sentence.text, match.end() + 1)
                if not name:
                    continue
                country = self._country_before(sentence, sentence.start + match.start(), 40)
                self._remember(name.group(0), country)
            for match in _HEAD_BEFORE_RE.finditer(sentence.text):
                clause_start = max(sentence.text.rfind(",", 0, match.start() - 1) + 1, 0)
                clause = sentence.text[:match.start()]
                pieces = re.split(r"\b(?:while|whereas)\b|;", clause)
                lead = pieces[-1] if pieces else clause
                name = next((n for n in _NAME_RE.finditer(lead) if len(_strip_titles(n.group(0)).split()) >= 2), None)
                if name and name.start() > 20:
                    name = None
                after = sentence.text[match.end():match.end() + 40]
                country = None
                for place in self.in_sentence(self.places, sentence):
                    if sentence.start + match.end() <= place.start < sentence.start + match.end() + 40 and place.iso3:
                        country = place.iso3
                        break
                del clause_start, after
                if name:
                    self._remember(name.group(0), country)

    def _country_before(self, sentence, offset, reach):
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
        """Occurrences of learned heads (full name or surname) as 'official' places."""
        out = []
        taken = [(p.start, p.end) for p in self.places]
        for name, country in self.people.items():
            surname = name.split()[-1]
            for match in re.finditer(rf"\b(?:{re.escape(name)}|{re.escape(surname)})\b", self.text):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                taken.append((match.start(), match.end()))
                out.append(Place(match.start(), match.end(), match.group(0), "official", country, name, None))
        return out


#: A dateline opening a report: a place in capitals or title case, an optional region, then
#: the day ("GENEVA, Jan 21 (Reuters) -", "Peking, February 21", "GOYANG, South Korea, April 27").
_DATELINE_HEAD_RE = re.compile(r"\s*[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?,\s*")
#: How many days before publication a dateline's day may be (a report runs the next morning or
#: a few days later in a weekly); further back, the line is no dateline of this report.
DATELINE_DAYS = 3


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


def _strip_titles(name):
    words = name.split()
    while words and words[0].strip(",") in _TITLES:
        words = words[1:]
    return " ".join(words)


def _clauses(sentence):
    """Clause spans (relative to the sentence) of one sentence."""
    cuts = [0]
    for match in _CLAUSE_RE.finditer(sentence.text):
        cuts.append(match.end() if match.end() > match.start() else match.start())
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
        seg_end = following[0] if following else clause[1]
        before = text[clause[0]:start]
        anaphoric = bool(_NOUN_TRIGGER_RE.search(text[start:end])) and (
            bool(_ANAPHORA_RE.search(text[max(clause[0], start - 40):start])) or
            bool(re.search(r"[\w’']+['’]s\s+(?:[\w-]+\s+){0,2}$", text[max(0, start - 40):start])))
        if anaphoric and re.match(r"meeting\s+(?:with\b|his\b|her\b|their\b|[A-Z])", text[start:start + 20]):
            anaphoric = False  # "meeting China's top diplomat": a verb
        if trigger.kind != "visit" and re.match(r"\s*(?:by|with)\b", text[end:]) is None and \
                re.search(r"\b(?:a|an|another)\s+(?:[\w-]+\s+){0,2}$", text[max(0, start - 30):start]):
            anaphoric = False
        purpose = previous is not None and previous[2].kind == "visit" and previous[0] >= clause[0] \
            and bool(_PURPOSE_RE.search(text[previous[1]:start]))
        same = previous is not None and previous[0] >= clause[0] and previous[2].kind == trigger.kind \
            and len(text[previous[1]:start]) < 30 and not re.search(r"\b(?:and|,)\b", text[previous[1]:start].replace(",", " and "))
        if (purpose or same) and previous_made:
            _join_purpose(article, sentence, candidates[-1], text[previous[0]:previous[1]], trigger,
                          text[previous[1]:start] if purpose else None, end, seg_end)
            previous = (previous[0], end, previous[2])
            continue
        window = text[clause[0]:clause[1]]
        status, status_why = _status(text, clause, start, end)
        if status is None:
            previous, previous_made = (start, end, trigger), False
            continue
        candidate = _Candidate(
            sentence=article.sentence_index[sentence.start], start=sentence.start + start,
            end=sentence.start + end, kind=trigger.kind, cameo=trigger.cameo, plover=trigger.plover,
            status=status, anaphoric=anaphoric, why={"kind": f"trigger {text[start:end]!r}", "status": status_why})
        _read_clause(article, sentence, candidate, (seg_start, seg_end), clause, window)
        if status == "held" and not _HELD_RE.search(window) and _after_anchor(article, candidate.date):
            # no word of the clause tells the tense ("X flies to Y on Friday"): a day still to
            # come makes the encounter a plan
            candidate.status = "planned"
            candidate.why["status"] = "no word of tense in the clause; its day is still to come"
        candidates.append(candidate)
        previous, previous_made = (start, end, trigger), True
        candidate.days = _days_of(text, start, end)
        del before
    _read_sentence_roles(article, sentence, candidates)
    hosts = {code for candidate in candidates for code in candidate.mediators}
    for candidate in candidates:
        # mediators are not parties; "both sides" stands for the pair in play, never for the
        # hosts thanked in the same sentence ("Both countries thanked Iraq and Oman for hosting")
        candidate.countries = [c for c in candidate.countries if c not in candidate.mediators]
        if candidate.group_reference and len(candidate.countries) < 2:
            candidate.countries = [c for c in candidate.countries if c not in hosts]
            counterpart = bool(_COUNTERPART_RE.search(sentence.text))
            candidate.countries = _unique(candidate.countries + article.recent_pair(candidate.sentence, hosts, counterpart))
            candidate.why["countries"] = "a group reference ('both sides', 'their counterparts'): the parties told just before"
    return candidates


def _named_private_event(article, sentence, start, end):
    """A trigger that ends the proper name of an event ("Web Summit", "the Milken Conference")
    naming no state, body or place, and followed by none ("Summit of the Americas", "Peace Summit
    on Ukraine" are diplomacy): a trade fair or a company's gathering, not an encounter, unless
    the sentence tells two states taking part."""
    word = sentence.text[start:end]
    if not word[:1].isupper() or " " in word:
        return False
    name = re.search(r"((?:[A-Z][\w'’-]*\s+){1,3})$", sentence.text[:start])
    if name is None:
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


def _days_of(text, start, end):
    """The length in days a trigger gives itself ("a two-day visit", "fifteen days of talks"),
    or None."""
    duration = _DURATION_RE.search(text[max(0, start - 40):start]) or _DURATION_RE.search(text[start:end] + " ")
    if duration:
        return cues.DURATION_WORDS[duration.group("duration").lower()]
    count = _DAYS_OF_RE.search(text[max(0, start - 40):start])
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
    if between is None or trigger.kind not in ("talks", "meeting", "summit"):
        return
    if not _MOTION_RE.match(travel) or _VISIT_NOUN_RE.search(travel) or _STAY_RE.search(between):
        return
    candidate.kind, candidate.cameo, candidate.plover = trigger.kind, trigger.cameo, trigger.plover
    candidate.days = None
    # the encounter's own day, if it gives one, rather than the day of the journey
    own = _nearest_date(article, candidate, (sentence.start + start, sentence.start + seg_end))
    candidate.date = own or candidate.date


#: How far (characters) from its trigger a status cue may stand. Clauses of news prose are far
#: shorter; the bound keeps a pathological one-sentence megabyte from costing quadratic time.
STATUS_REACH = 400
#: How far after its trigger a tense cue may stand: its own noun group and verb ("talks between
#: the two sides will open"), not a later clause ("..., and Xi said then that the visit would").
STATUS_AFTER = 120
#: How far after its trigger a hedge may stand: past the trigger's own noun group ("a summit
#: between the two neighbours would help no one"), not into the next predicate.
HEDGE_AFTER = 45


def _status(text, clause, start, end):
    """(status, reason): held | planned | cancelled | past-plan, or None for a hedged or
    hypothetical encounter; the reason names the cue that decided."""
    clause = (max(clause[0], start - STATUS_REACH), min(clause[1], end + STATUS_REACH))
    window = text[clause[0]:clause[1]]
    cancel = _CANCEL_RE.search(window)
    if cancel:
        return "cancelled", f"cancellation cue {cancel.group(0)!r} in the clause"
    before = text[clause[0]:start]
    after = text[end:clause[1]]
    past_plan = _PAST_PLAN_RE.search(before)
    if past_plan:
        return "past-plan", f"plan told in the past {past_plan.group(0)!r}"
    if _HEDGE_RE.search(text[max(clause[0], start - 60):min(clause[1], end + HEDGE_AFTER)]):
        return None, "hedge"
    best = None
    for status, pattern in (("planned", _PLAN_RE), ("held", _HELD_RE)):
        if pattern.search(text[start:end]):
            best = (-1, status, f"the trigger's own word {pattern.search(text[start:end]).group(0)!r}")
            break
    # the nearest cue wins; one after the trigger counts double its distance
    cues_at = [(start - m.end(), status, f"nearest cue before the trigger {m.group(0)!r}")
               for status, pattern in _STATUS_BEFORE for m in pattern.finditer(before)]
    cues_at += [(2 * m.start() + 10, status, f"nearest cue after the trigger {m.group(0)!r}")
                for status, pattern in _STATUS_AFTER for m in pattern.finditer(after[:STATUS_AFTER])]
    if cues_at:
        nearest = min(cues_at, key=lambda cue: cue[0])
        if best is None or nearest[0] < best[0]:
            best = nearest
    return (best[1], best[2]) if best else ("held", "no cue of tense: held")


def _after_anchor(article, mention):
    """Whether a date mention lies wholly after the day the article's dates count from."""
    if mention is None or article.anchor is None:
        return False
    anchor = article.anchor.date() if isinstance(article.anchor, datetime) else article.anchor
    return mention.date > anchor


def _read_clause(article, sentence, candidate, segment, clause, window):
    """Date, venue, parties, organizations and heads of one trigger from its clause."""
    base = sentence.start
    seg = (base + segment[0], base + segment[1])
    cl = (base + clause[0], base + clause[1])
    # the date: in the trigger's segment (or its clause when it is alone there, or a relative
    # clause right after: "the gathering, which kicks off Saturday"); never a report's date
    candidate.date = _nearest_date(article, candidate, seg)
    where = "the trigger's stretch of its clause"
    if candidate.date is None and seg == cl:
        candidate.date, where = _nearest_date(article, candidate, cl), "the trigger's clause"
    if candidate.date is None and seg[1] == cl[1]:
        relative = re.match(r",?\s*(?:which|where|when)\b[^,;]*", article.text[cl[1]:sentence.end])
        if relative and not _TRIGGER_RE.search(relative.group(0)):
            candidate.date = _nearest_date(article, candidate, (cl[1], cl[1] + relative.end()))
            where = "a relative clause right after the trigger"
    if candidate.date is None and _WHEN_RE.match(article.text[cl[0]:seg[1]]):
        # "..., on December 6, in New Delhi, when Putin visited India": the time of the clause
        # "when" modifies
        candidate.date = next((m for m in reversed(article.dates_from(sentence.start, cl[0]))
                               if not _DECIDED_RE.search(article.text[max(0, m.start - 40):m.start])), None)
        where = "the clause that 'when' modifies"
    if candidate.date is not None:
        candidate.why["date"] = f"nearest date in {where}: {candidate.date.text!r} ({candidate.date.rule})"
    if candidate.date is not None and candidate.date.precision == "day" and \
            _ENDING_RE.search(article.text[cl[0]:cl[1]]):
        candidate.ends, candidate.date = candidate.date, None
        candidate.why["date"] = f"the encounter is told as ending: {candidate.ends.text!r} is its last day"
    places = article.in_sentence(article.places, sentence)
    if candidate.kind != "call":
        _read_venue(article, sentence, candidate, places, seg)
    organization_before = re.search(r"(?:[A-Z][\w-]*\s+|\)\s+){1,6}$", article.text[max(sentence.start, candidate.start - 60):candidate.start])
    candidate.organizations = _unique(p.name for p in places if p.kind == "organization" and
                                      (seg[0] <= p.start < seg[1] or (organization_before and p.end >= candidate.start - 60 and p.end <= candidate.start)))
    org_summit = candidate.kind == "summit" and any(
        p.kind == "organization" and candidate.start - 60 <= p.end <= candidate.start for p in places)
    candidate.group_reference = bool(_GROUP_RE.search(article.text[seg[0]:seg[1]]))
    actors = [p for p in places if seg[0] <= p.start < seg[1] and article.is_actor(p)]
    if len({p.iso3 for p in actors}) < 2 and not org_summit:
        actors = [p for p in places if article.is_actor(p)]
        candidate.group_reference = candidate.group_reference or bool(_GROUP_RE.search(sentence.text))
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


def _read_venue(article, sentence, candidate, places, seg):
    # only the trigger's own stretch of its clause: a place in the stretch of another trigger
    # ("met today and agreed to hold talks in Quito") is that trigger's venue
    venues = [p for p in places if seg[0] <= p.start < seg[1] and article.is_location(p)]
    if not venues and article.dateline is not None and (
            sentence.start <= article.dateline.start or _HERE_RE.search(article.text[seg[0]:seg[1]])):
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
        follower = next((p for p in places if p.kind == "country" and 0 <= p.start - venue.end <= 3), None)
        if follower:
            candidate.country = follower.iso3


def _nearest_date(article, candidate, span):
    best = None
    for mention in article.dates_from(span[0], span[1]):
        if _REPORTING_RE.search(article.text[max(0, mention.start - 40):mention.start]):
            continue
        if _DECIDED_RE.search(article.text[max(0, mention.start - 40):mention.start]):
            continue
        if mention.rule in NOT_EVENT_RULES and not _modifies_trigger(article, mention, candidate):
            continue
        if mention.end <= candidate.start:
            between = article.text[mention.end:candidate.start]
            if len(between) > 100 or _REPORTING_ANY_RE.search(between):
                continue
            distance = (candidate.start - mention.end) * 1.5
        else:
            distance = abs(mention.start - candidate.end)
            if distance > MAX_DATE_AFTER:
                continue
        if best is None or distance < best[0]:
            best = (distance, mention)
    return best[1] if best else None


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
                who = [p for p in places if cue_end <= p.start <= cue_end + 25]
                who = who[:1] + [q for q in who[1:] if re.fullmatch(r"(?:,\s*|\s+(?:and|or)\s+)", article.text[who[0].end:q.start] or " ")] if who else []
            else:
                who = [p for p in places if cue_start - 45 <= p.end <= cue_start]
                who = who[-1:]
            for place in who:
                if place.kind not in ACTOR_KINDS:
                    continue
                target = _nearest(candidates, cue_start)
                # "without U.S. President Joe Biden" is a leader, not his country
                leader = place.kind in ("official", "demonym") or bool(
                    re.match(r"\s+(?:[A-Z][\w.]*\s+){0,3}(?:[A-Z][\w'-]+)", article.text[place.end:place.end + 40])
                    and any(q.kind == "official" and 0 < q.start - place.end < 40 for q in places))
                if leader and represented:
                    continue
                target.absent[place.iso3] = leader
    for pattern, side, aim in _MEDIATORS:
        for match in pattern.finditer(text):
            cue_start, cue_end = sentence.start + match.start(), sentence.start + match.end()
            if side == "after":
                who = [p for p in places if cue_end <= p.start <= cue_end + 40 and p.kind in ACTOR_KINDS]
                if who:
                    who = who[:1] + [q for q in who[1:] if re.fullmatch(r"(?:,\s*|\s+(?:and)\s+|,\s+and\s+)", article.text[who[0].end:q.start] or " ")]
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


def _unique(values):
    out = []
    for value in values:
        if value and value not in out:
            out.append(value)
    return out


# --- folding the candidates of one article into encounters ----------------------------------

def _dates_agree(a, b):
    if a is None or b is None:
        return True
    if a.precision == "day" and b.precision == "day":
        return a.date == b.date or (a.end_date is not None and a.date <= b.date <= a.end_date) or \
            (b.end_date is not None and b.date <= a.date <= b.end_date)
    return (a.date.year, a.date.month) == (b.date.year, b.date.month) or \
        (a.end_date is not None and a.date <= b.date <= a.end_date) or \
        (b.end_date is not None and b.date <= a.date <= b.end_date)


def _heads_agree(a, b):
    """Two encounters with two or more named principals each, each naming one the other does
    not, are two encounters (Blinken–Xi and Blinken–Wang on one day)."""
    if len(a) < 2 or len(b) < 2:
        return True

    def tokens(head):
        return {t.lower() for t in re.findall(r"[\w'-]+", head) if len(t) > 1}

    def unmatched(these, those):
        return [h for h in these if not any(tokens(h) & tokens(o) for o in those)]
    return not (unmatched(a, b) and unmatched(b, a))


def _compatible(group, candidate, strict_status=True, anaphor=False):
    # "held talks ..., their first meeting since 2019": the earlier encounter stands alone
    if candidate.earlier or any(member.earlier for member in group.members):
        return False
    if KIND_CLASS[group.kind] != KIND_CLASS[candidate.kind] and not _signed_there(group, candidate):
        return False
    if strict_status and candidate.status != "past-plan" and group.status != "past-plan" and group.status != candidate.status:
        return False
    if candidate.status != "past-plan" and not _dates_agree(group.date, candidate.date):
        return False
    if group.country and candidate.country and group.country != candidate.country:
        return False
    if _bilateral_within_multilateral(group, candidate) or _bilateral_within_multilateral(candidate, group):
        return False
    if anaphor:
        return True
    if group.city and candidate.city and group.city != candidate.city:
        return False
    if not _heads_agree(group.heads, candidate.heads):
        return False
    a, b = set(group.countries), set(candidate.countries)
    if a and b and not (a & b):
        return False
    return True


def _signed_there(group, candidate):
    """A signing told in the sentence of a meeting, talks or summit ("met on Monday and signed a
    treaty") is an act of that encounter, not an encounter of its own."""
    families = {KIND_CLASS[group.kind], KIND_CLASS[candidate.kind]}
    return families == {"agree", "consult"} and candidate.sentence in group.sentences


def _bilateral_within_multilateral(one, other):
    """Two leaders' talks on the sidelines of a summit are an encounter of their own."""
    return one.kind == "summit" and other.kind != "summit" and len(one.countries) > 2 and len(other.countries) == 2


def _new_group(candidate):
    return _Group(
        members=[candidate], kind=candidate.kind, cameo=candidate.cameo, plover=candidate.plover,
        status=candidate.status, date=candidate.date, city=candidate.city, country=candidate.country,
        countries=list(candidate.countries), absent=dict(candidate.absent), mediators=list(candidate.mediators),
        organizations=list(candidate.organizations), heads=list(candidate.heads), sentences=[candidate.sentence],
        ends=candidate.ends, days=candidate.days, why=dict(candidate.why))


def _absorb(group, candidate, anaphor=False):
    group.members.append(candidate)
    if candidate.sentence not in group.sentences:
        group.sentences.append(candidate.sentence)
    if group.status == "past-plan" and candidate.status != "past-plan" or \
            anaphor and candidate.status == "cancelled" and group.status != "cancelled":
        group.status = candidate.status
        _because(group, "status", candidate.why.get("status"), candidate)
    if group.date is None and candidate.date is not None or candidate.date is not None and group.date is not None \
            and candidate.status != "past-plan" and _more_precise(candidate.date, group.date) and \
            (not anaphor or group.date.precision != "day"):
        group.date = candidate.date
        _because(group, "date", candidate.why.get("date"), candidate)
    if group.city is None and candidate.city is not None:
        _because(group, "venue", candidate.why.get("venue"), candidate)
    group.ends = group.ends or candidate.ends
    group.days = group.days or candidate.days
    group.city = group.city or candidate.city
    group.country = group.country or candidate.country
    if not anaphor or group.kind == "summit" or len(group.countries) < 2:
        group.countries = _unique(group.countries + candidate.countries)
    group.absent.update(candidate.absent)
    group.mediators = _unique(group.mediators + candidate.mediators)
    group.organizations = _unique(group.organizations + candidate.organizations)
    group.heads = _unique(group.heads + candidate.heads)
    # the kind is named where the encounter is first told; a later sentence's word ("continue
    # preparing talks") does not rename it
    if _KIND_RANK[candidate.kind] > _KIND_RANK[group.kind] and not anaphor and candidate.sentence == group.sentences[0]:
        group.kind, group.cameo, group.plover = candidate.kind, candidate.cameo, candidate.plover


def _because(group, name, reason, member=None):
    """Record why `group`'s field `name` is what it is (for --explain)."""
    if reason:
        told = f" (from the mention of sentence {member.sentence + 1})" if member is not None else ""
        group.why[name] = reason + told


_KIND_RANK = schema.KIND_RANK
_PRECISION_RANK = {"day": 3, "week": 2, "month": 1, "year": 0}


def _more_precise(a, b):
    return _PRECISION_RANK.get(a.precision, 0) > _PRECISION_RANK.get(b.precision, 0)


def _fold(article, candidates):
    groups = []
    pending = []
    attendance = [c for c in candidates if c.attendance]
    for candidate in candidates:
        if candidate.attendance:
            continue
        if candidate.anaphoric:
            antecedent = _antecedent([g for g in reversed(groups) if _compatible(g, candidate, False, True)], candidate)
            if antecedent:
                _absorb(antecedent, candidate, anaphor=True)
            else:
                pending.append(candidate)
            continue
        target = next((g for g in reversed(groups) if _compatible(g, candidate)), None)
        if target:
            _absorb(target, candidate)
        else:
            groups.append(_new_group(candidate))
    for candidate in pending:
        # an anaphor refers back; one told before anything it could refer to joins a later
        # encounter only when it agrees with it in status ("the talks held in Beijing" is not
        # the talks the ministers "would hold")
        fits = [g for g in groups if _compatible(g, candidate, False, True) and
                (min(g.sentences) <= candidate.sentence or g.status == candidate.status)]
        target = min(fits, key=lambda g: min(abs(s - candidate.sentence) + (0.5 if s > candidate.sentence else 0)
                                             for s in g.sentences)) if fits else None
        if target:
            _absorb(target, candidate, anaphor=True)
        else:
            groups.append(_new_group(candidate))
    for candidate in attendance:
        if candidate.countries:
            _join_nearest(groups, candidate, lambda g: g.kind == "summit", add_countries=True)
        elif candidate.absent:
            _join_nearest(groups, candidate, lambda g: KIND_CLASS[g.kind] == "consult", add_countries=False)
    cancelled = any(_CANCEL_RE.search(s.text) for s in article.sentences)
    out = []
    for group in groups:
        if group.status == "past-plan":
            if not cancelled:
                continue
            group.status = "cancelled"
        out.append(group)
    # a plan told twice ("will meet" ... "the meeting") is one plan: fold groups again
    return _fold_groups(out)


def _antecedent(groups, anaphor):
    """The encounter an anaphor ("the talks in Istanbul") refers to, among compatible `groups`
    (most recent first): the one at the place it names, else the one of its status, else the
    most recent."""
    at_place = [g for g in groups if anaphor.city and g.city == anaphor.city]
    same_status = [g for g in groups if g.status == anaphor.status]
    return next(iter(at_place or same_status or groups), None)


def _join_nearest(groups, candidate, accept, add_countries):
    """Give a sentence without a trigger (who attends, who stays away) to the nearest accepted
    encounter before it, else after it."""
    accepted = [g for g in groups if accept(g)]
    if not accepted:
        return
    before = [g for g in accepted if min(g.sentences) <= candidate.sentence]
    group = max(before, key=lambda g: max(s for s in g.sentences if s <= candidate.sentence)) if before \
        else min(accepted, key=lambda g: min(g.sentences))
    group.members.append(candidate)
    if candidate.sentence not in group.sentences:
        group.sentences.append(candidate.sentence)
    if add_countries:
        group.countries = _unique(group.countries + candidate.countries)
        group.heads = _unique(group.heads + candidate.heads)
    group.absent.update(candidate.absent)


def _fold_groups(groups):
    out = []
    for group in groups:
        target = next((g for g in out if _groups_agree(g, group)), None)
        if target is None:
            out.append(group)
            continue
        for member in group.members:
            _absorb(target, member)
    return out


def _groups_agree(a, b):
    probe = _Candidate(sentence=b.sentences[0], start=0, end=0, kind=b.kind, cameo=b.cameo, plover=b.plover,
                       status=b.status, anaphoric=False, date=b.date, city=b.city, country=b.country,
                       countries=b.countries, heads=b.heads, earlier=any(m.earlier for m in b.members))
    return _compatible(a, probe) and set(a.countries) & set(b.countries) != set()


def _finish(article, group):
    """Settle the parties of a group: group references, absences, mediators, venue."""
    countries = list(group.countries)
    play = article.in_play()
    group_reference = any(m.group_reference for m in group.members)
    if len(countries) < 2 and (group_reference or (not group.organizations and group.kind != "summit")):
        countries = _unique(countries + play) if (group_reference or countries) else countries
    represented = _represented(article, group)
    absent = [code for code, leader in group.absent.items() if not (leader and code in represented)]
    if group.status == "cancelled":
        absent = []  # nobody attends what does not take place
    mediators = [m for m in group.mediators if m not in absent]
    # a host or mediator counts as a party only when the text gives it no other role
    countries = [c for c in countries if c not in absent and c not in mediators]
    seated = {code for name in group.organizations for code in seated_members(name)}
    if group.kind != "visit" and group.country and group.country in countries and \
            group.country not in seated and not _actor_outside_venue(article, group, group.country):
        countries.remove(group.country)
    return countries, absent, mediators


def _represented(article, group):
    found = set()
    for index in group.sentences:
        sentence = article.sentences[index]
        if _REPRESENTED_RE.search(sentence.text):
            found |= {p.iso3 for p in article.in_sentence(article.places, sentence) if p.iso3}
    return found


def _actor_outside_venue(article, group, code):
    """Whether `code` is named as a party in the group's sentences, or, for a group told by a
    group reference ("the two delegations"), in the sentences that reference reaches back to."""
    indexes = set(group.sentences)
    if any(member.group_reference for member in group.members):
        first = min(group.sentences)
        indexes |= set(range(max(0, first - 3), first))
    for index in sorted(indexes):
        sentence = article.sentences[index]
        for place in article.in_sentence(article.places, sentence):
            if place.iso3 == code and article.is_actor(place):
                return True
    return False


# --- the frame -------------------------------------------------------------------------------

def extract_mentions(articles, explain=None):
    """Every diplomatic encounter each article reports, one row per (article, encounter).

    Takes an ARTICLES frame (`loaders.registry.read_paths(paths).articles`). Returns a
    MENTIONS frame (see `schema.MENTIONS` for the columns), checked; an article with no
    encounter gives no row. Raises SchemaError if `articles` lacks the ARTICLES columns.
    With a dict as `explain`, fills it with mention_id -> {field: the rule that decided it}.

    >>> extract_mentions(schema.empty(schema.ARTICLES)).empty
    True
    """
    schema.check(articles, schema.ARTICLES, "articles given to extract_mentions")
    rows = []
    for record in articles.to_dict("records"):
        rows.extend(_article_rows(record))
    for row in rows:
        why = row.pop(EXPLAIN_KEY)
        if explain is not None:
            explain[row["mention_id"]] = why
    if not rows:
        return schema.empty(schema.MENTIONS)
    frame = schema.conform(pd.DataFrame(rows), schema.MENTIONS)
    return schema.check(frame, schema.MENTIONS, "extracted mentions")


def _published_date(value):
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).to_pydatetime()


def _article_rows(record):
    text = record.get("text") or ""
    published = _published_date(record.get("published"))
    article = _Article(text, published)
    for sentence in article.sentences:
        article.absent |= _absent_in(article, sentence)
    candidates = []
    for sentence in article.sentences:
        found = _triggers(article, sentence)
        if not found and (_ATTENDANCE_RE.search(sentence.text) or _absent_in(article, sentence)):
            found = [_attendance(article, sentence)]
        candidates.extend(found)
    candidates = _chronologies(article, candidates)
    _attach_lone_heads(article, candidates)
    _count_days(article, candidates)
    _first_since(article, candidates)
    groups = _fold(article, candidates)
    _date_from_lede(article, groups, candidates)
    _date_from_paragraph(article, groups)
    _date_from_gathering(article, groups)
    _date_visits_from_meetings(groups)
    rows = []
    for group in groups:
        row = _row(record, article, group, published)
        if row:
            rows.append(row)
    return rows


def _absent_in(article, sentence):
    """Countries (not leaders) a sentence says stay away, for resolving 'both sides'."""
    if not _ANY_ABSENCE_RE.search(sentence.text):
        return set()
    probe = _Candidate(sentence=0, start=sentence.start, end=sentence.start, kind="summit", cameo="040",
                       plover=None, status="held", anaphoric=True)
    _read_sentence_roles(article, sentence, [probe])
    return {code for code, leader in probe.absent.items() if not leader}


def _attendance(article, sentence):
    """A sentence saying who attends ("Those attending will include ..."), as a candidate that
    only adds parties to the multilateral encounter told before it."""
    places = article.in_sentence(article.places, sentence)
    candidate = _Candidate(
        sentence=article.sentence_index[sentence.start], start=sentence.start, end=sentence.start,
        kind="summit", cameo="040", plover="multilateral", status="held", anaphoric=True, attendance=True,
        countries=_unique(p.iso3 for p in places if article.is_actor(p)),
        heads=_unique(p.name for p in places if p.kind == "official"))
    _read_sentence_roles(article, sentence, [candidate])
    candidate.countries = [c for c in candidate.countries if c not in candidate.absent]
    if not _ATTENDANCE_RE.search(sentence.text):
        candidate.countries, candidate.heads = [], []
    return candidate


def _count_days(article, candidates):
    """Day N of a multi-day encounter (cues.ORDINAL_DAY_PATTERNS). "12 July, day two of the
    summit": the summit's first day is 11 July. "On the first day of the trip, X held talks": the
    talks take the first day of the trip told before."""
    if not _DAY_OF_RE.search(article.text):  # a cheap literal scan first: most articles have none
        return
    for pattern in _ORDINAL_RES:
        for match in pattern.finditer(article.text):
            offset = match.start()
            index = next((n for n, s in enumerate(article.sentences) if s.start <= offset < s.end), None)
            if index is None:
                continue
            count = cues.ORDINAL_DAYS[match.group("ordinal").lower()] - 1
            kind = cues.ORDINAL_NOUN_KINDS[match.group("noun").lower()]
            here = [c for c in candidates if c.sentence == index]
            counted = next((c for c in here if c.start <= match.start("noun") < c.end), None)
            stated = next((m for m in article.dates if m.precision == "day" and m.end <= offset and
                           re.fullmatch(r"[\s,]*", article.text[m.end:offset])), None)
            if stated is not None:
                if counted is not None:
                    counted.date = _derived_date(article, match, stated.date - timedelta(days=count))
                continue
            first = next((c for c in reversed(candidates) if c.start < offset and c is not counted and
                          c.sentence <= index and c.date is not None and c.date.precision == "day" and
                          KIND_CLASS[c.kind] == KIND_CLASS[kind]), None)
            if first is None:
                continue
            for candidate in here:
                if candidate is not counted and candidate.date is None:
                    candidate.date = _derived_date(article, match, first.date.date + timedelta(days=count))


def _derived_date(article, match, day):
    return DateMention(match.start(), match.end(), article.text[match.start():match.end()], day, None,
                       "day", "ordinal_day")


#: How far after the trigger "since" may stand ("the first meeting between an American
#: president and a Soviet premier since ..."), and how far after "since" its date.
SINCE_REACH = 100
SINCE_DATE_REACH = 120


def _first_since(article, candidates):
    """"the first such phone call since July 2022", "their first meeting since the two leaders
    faced each other in Vienna in 1961": the date after "since" is an earlier encounter of the
    same kind (cues.FIRST_SINCE_BEFORE), held at the place the since-clause names, if any."""
    if "since" not in article.text:
        return
    for candidate in candidates:
        if not _NOUN_TRIGGER_RE.search(article.text[candidate.start:candidate.end]):
            continue
        sentence = article.sentences[candidate.sentence]
        if not _FIRST_SINCE_BEFORE_RE.search(article.text[max(sentence.start, candidate.start - 40):candidate.start]):
            continue
        reach = article.text[candidate.end:min(sentence.end, candidate.end + SINCE_REACH)]
        word = _FIRST_SINCE_AFTER_RE.search(reach)
        if word is None:
            continue
        since_at = candidate.end + word.end()
        since = next((m for m in article.dates_from(since_at, since_at + SINCE_DATE_REACH)
                      if m.end <= sentence.end), None)
        if since is None or since.precision not in ("day", "month", "year"):
            continue
        if any(since_at <= other.start < since.end for other in candidates):
            continue  # "since his visit in July 2000": that trigger tells the earlier encounter
        candidate.status, candidate.anaphoric, candidate.date = "held", False, since
        candidate.why.update(status="an earlier encounter: 'first ... since'",
                             date=f"the date after 'since': {since.text!r}")
        candidate.earlier = True
        # the venue in the sentence is the new encounter's; the earlier one's is in its clause
        there = next((p for p in article.in_sentence(article.places, sentence)
                      if since_at <= p.start < since.end + 30 and article.is_location(p)), None)
        candidate.country = there.iso3 if there else None
        candidate.city = (there.city or there.name) if there and there.kind != "country" else None
        if len(candidate.countries) < 2:  # "their first ... since": the parties of the one told
            candidate.countries = _unique(candidate.countries + article.recent_pair(candidate.sentence))


def _date_from_lede(article, groups, candidates):
    """An undated held encounter takes the day the article's lede gives without a trigger of its
    own ("X left the White House early on 28 February ..."; a dateline "DOHA, August 15."), when
    all its parties are named in the lede's first two sentences and that day is at most
    LEDE_DAYS before publication. A report's own date ("said on Monday") is not such a day."""
    if article.published is None or not article.sentences:
        return
    published = article.published.date() if isinstance(article.published, datetime) else article.published
    lede = article.sentences[:2]
    with_trigger = {c.sentence for c in candidates}
    day = None
    for index, sentence in enumerate(lede):
        if index in with_trigger:
            continue
        for mention in article.in_sentence(article.dates, sentence):
            if mention.precision != "day" or mention.end_date is not None:
                continue
            if _REPORTING_RE.search(article.text[max(0, mention.start - 40):mention.start]):
                continue
            if 0 <= (published - mention.date).days <= LEDE_DAYS:
                day = mention
                break
        if day:
            break
    if day is None:
        return
    # the parties named with that day; a bare dateline ("DOHA, August 15.") lends the next sentence's
    named = {p.iso3 for p in article.in_sentence(article.places, article.sentences[index]) if p.iso3}
    if len(named) < 2 and index + 1 < len(article.sentences):
        named |= {p.iso3 for p in article.in_sentence(article.places, article.sentences[index + 1]) if p.iso3}
    for group in groups:
        if group.date is not None or group.ends is not None or group.status != "held":
            continue
        countries = _finish(article, group)[0]
        if countries and set(countries) <= named:
            group.date = day
            _because(group, "date", f"the lede's day {day.text!r}: undated, held, its parties named there")


def _date_from_paragraph(article, groups):
    """An undated held encounter told in a sentence without any date takes the day of the held
    encounter told in the sentence before it, in the same paragraph, when they share a party
    ("X arrived in Lima on Tuesday. He met his Peruvian counterpart at the palace.")."""
    for group in groups:
        if group.date is not None or group.ends is not None or group.status != "held":
            continue
        index = min(group.sentences)
        sentence = article.sentences[index]
        if index == 0 or article.in_sentence(article.dates, sentence):
            continue
        previous = article.sentences[index - 1]
        if "\n" in article.text[previous.end:sentence.start]:
            continue
        before = next((g for g in groups if g is not group and index - 1 in g.sentences and index not in g.sentences
                       and g.status == "held" and g.date is not None and g.date.precision == "day"
                       and set(g.countries) & set(group.countries)), None)
        if before is not None:
            group.date = before.date
            _because(group, "date", f"the day of the encounter told just before in its paragraph: {before.date.text!r}")


_SIDELINES_RE = re.compile(cues.SIDELINES, _FLAGS)


def _date_from_gathering(article, groups):
    """An undated encounter told as held on the sidelines of a summit that the article dates
    (one told in the same sentence, else the nearest told before it) takes the summit's date,
    and its venue where it names none."""
    for group in groups:
        if group.date is not None or group.kind == "summit":
            continue
        sentence = article.sentences[group.sentences[0]]
        if not _SIDELINES_RE.search(sentence.text):
            continue
        here = group.sentences[0]
        summits = [g for g in groups if g is not group and g.kind == "summit" and g.date is not None
                   and min(g.sentences) <= here]
        gathering = next((g for g in summits if here in g.sentences), None) or \
            max(summits, key=lambda g: max(s for s in g.sentences if s <= here), default=None)
        if gathering:
            group.date = gathering.date
            _because(group, "date", f"on the sidelines of a dated gathering: {gathering.date.text!r}")
            group.city, group.country = group.city or gathering.city, group.country or gathering.country


def _date_visits_from_meetings(groups):
    """An undated visit takes the date of the encounter it is made for: a dated meeting, talks or
    summit of the same status among the same parties (visitor and host), held where the visit
    goes or at an unnamed place ("Biden had been due to visit Amman ... scheduled to meet King
    Abdullah ... on Wednesday"). The nearest such encounter in the text wins."""
    for visit in groups:
        if visit.kind != "visit" or visit.date is not None or visit.ends is not None or not visit.countries:
            continue
        destination = visit.country
        fits = [g for g in groups if KIND_CLASS[g.kind] == "consult" and g.status == visit.status and
                g.date is not None and set(visit.countries) <= set(g.countries) and
                (g.country is None or destination is None or g.country == destination)]
        if fits:
            nearest = min(fits, key=lambda g: min(abs(a - b) for a in g.sentences for b in visit.sentences))
            visit.date = nearest.date
            _because(visit, "date", f"the day of the encounter the visit is made for: {nearest.date.text!r}")


_PLURAL_TRIGGER_RE = re.compile(cues.PLURAL_TRIGGER_NOUNS, _FLAGS)
_LIST_CUT_RE = re.compile(cues.LIST_SEPARATORS)
_COUNT_BEFORE_RE = re.compile(r"\b(" + "|".join(cues.NUMBER_WORDS) + r")\s+(?:[\w-]+\s+)?$", _FLAGS)


def _chronologies(article, candidates):
    """A plural encounter noun followed by a list of places and dates ("their meetings since
    then: Sochi, Sept. 17, 2018; Istanbul, Jan. 8, 2020; ...", "talks in Vienna in May 2019, in
    Geneva in June 2019 and in Oslo in 2021") tells one encounter per item of the list. Each item
    takes its own place and date and the parties of the noun; the noun itself is no encounter,
    nor is a trigger inside the list ("Moscow, March 5, 2020, when six hours of talks ...")."""
    out, lists = [], []
    for candidate in candidates:
        if any(low <= candidate.start < high for low, high in lists):
            continue
        items = _list_items(article, candidate) if _PLURAL_TRIGGER_RE.search(
            article.text[candidate.start:candidate.end]) else []
        if len(items) < 2:
            out.append(candidate)
            continue
        lists.append((candidate.end, article.sentences[candidate.sentence].end))
        listed = {place.iso3 for _, place in items if place is not None}
        sentence = article.sentences[candidate.sentence]
        named = {p.iso3 for p in article.in_sentence(article.places, sentence)
                 if p.start < candidate.end and article.is_actor(p)}
        parties = [c for c in candidate.countries if c not in listed or c in named]
        if len(parties) < 2:
            parties = _unique(parties + article.recent_pair(max(0, candidate.sentence - 1)))
        for mention, place in items:
            item = _Candidate(
                sentence=candidate.sentence, start=candidate.start, end=candidate.end, kind=candidate.kind,
                cameo=candidate.cameo, plover=candidate.plover,
                status="planned" if _after_anchor(article, mention) else "held", anaphoric=False,
                date=mention, countries=list(parties), mediators=list(candidate.mediators),
                heads=list(candidate.heads), earlier=True, item=mention.start,
                why={"kind": candidate.why.get("kind", "") + ", an item of a list of encounters",
                     "date": f"the item's own date {mention.text!r}", "countries": "the parties of the list's noun"})
            if place is not None:
                item.country = place.iso3
                if place.kind != "country":
                    item.city = place.city or place.name
            out.append(item)
    return out


def _list_items(article, candidate):
    """(date, place or None) for each item of a list after `candidate`'s trigger, in its sentence:
    items are cut at semicolons, else at the dates themselves. A list needs a place per item,
    or a count before the noun that the days match ("two meetings ... on May 9 and June 13")."""
    sentence = article.sentences[candidate.sentence]
    tail = (candidate.end, sentence.end)
    dates = [m for m in article.dates_from(*tail) if m.end <= sentence.end and m.precision in ("day", "month", "year")]
    if len(dates) < 2:
        return []
    cuts = [m.end() for m in _LIST_CUT_RE.finditer(article.text, *tail)]
    pieces = list(zip([tail[0]] + cuts, cuts + [tail[1]])) if len(cuts) >= 1 else []
    if len(pieces) < 2:  # no separators: each date closes the item that leads to it
        edges = [tail[0]] + [m.end for m in dates]
        pieces = list(zip(edges, edges[1:]))
    places = [p for p in article.in_sentence(article.places, sentence) if p.iso3 and p.kind in VENUE_KINDS]
    items = []
    for low, high in pieces:
        here = [m for m in dates if low <= m.start < high]
        if not here:
            continue
        where = sorted((p for p in places if low <= p.start < high), key=lambda p: p.kind == "country")
        items.append((here[0], where[0] if where else None))
    if sum(place is not None for _, place in items) >= 2:
        return items
    # "two meetings in Washington, on December 9 and January 13": as many dates as the count
    # says, at the venue of the noun
    count = _COUNT_BEFORE_RE.search(article.text[max(sentence.start, candidate.start - 20):candidate.start])
    if count and cues.NUMBER_WORDS.get(count.group(1).lower()) == len(items) and \
            all(m.precision == "day" for m, _ in items):
        venue = next((p for p in places if candidate.end <= p.start < items[0][0].start), None)
        return [(mention, venue) for mention, _ in items]
    return []


def _attach_lone_heads(article, candidates):
    """Heads named in a sentence without a trigger ("the delegation was led by X") join the
    encounter told just before, else the one told in the next sentence."""
    for index, sentence in enumerate(article.sentences):
        if not (_HEAD_AFTER_RE.search(sentence.text) or _HEAD_BEFORE_RE.search(sentence.text)):
            continue
        if any(c.sentence == index for c in candidates):
            continue
        before = [c for c in candidates if c.sentence < index]
        after = [c for c in candidates if c.sentence == index + 1]
        if not (before or after):
            continue
        names = [p.name for p in article.in_sentence(article.places, sentence) if p.kind == "official"]
        target = before[-1] if before else after[0]
        target.heads = _unique(target.heads + names)


def _row(record, article, group, published):
    countries, absent, mediators = _finish(article, group)
    mention = group.date
    status = group.status
    event_date = end_date = None
    precision, date_text, date_start, date_end = "unknown", None, None, None
    if mention is not None and _date_fits(mention, status, published):
        event_date = pd.Timestamp(mention.date)
        end_date = pd.Timestamp(mention.end_date) if mention.end_date else None
        precision = mention.precision if mention.precision in ("day", "week", "month", "year") else "unknown"
        date_text, date_start, date_end = mention.text, mention.start, mention.end
        event_date, end_date, precision = _settle_precision(event_date, end_date, precision, group.days)
    elif group.ends is not None and _date_fits(group.ends, status, published):
        # only its last day is told ("the trip draws to a close today"), and perhaps its length
        end_date = pd.Timestamp(group.ends.end_date or group.ends.date)
        date_text, date_start, date_end = group.ends.text, group.ends.start, group.ends.end
        if group.days and group.days > 1:
            event_date, precision = end_date - pd.Timedelta(days=group.days - 1), "day"
    if event_date is not None and group.ends is not None and precision == "day" and end_date is None:
        last = pd.Timestamp(group.ends.end_date or group.ends.date)
        end_date = last if last > event_date else None
    spans = [(article.sentences[i].start, article.sentences[i].end) for i in sorted(group.sentences)]
    evidence = " | ".join(article.text[s:e] for s, e in spans)
    kind = group.kind
    if not countries and not group.organizations:
        return None
    plover = group.plover
    if kind == "signing":
        plover = None  # PLOVER AGREE, not a mode of CONSULT
    elif kind == "visit":
        plover = "visit"
    elif kind == "call":
        plover = "phone"
    elif mediators or (group.country and group.country not in countries):
        plover = "third-party"
    elif len(countries) > 2 or group.organizations:
        plover = "multilateral"
    else:
        plover = None
    cameo = CAMEO[kind]
    if kind in ("meeting", "summit") and group.country and countries and group.country not in countries:
        cameo = "044"
    article_id = record.get("article_id") or ""
    key = f"{article_id}|{spans[0][0]}|{spans[-1][1]}|{kind}|{status}"
    if group.members[0].item is not None:  # the items of one list share their sentence
        key += f"|{group.members[0].item}"
    mention_id = hashlib.sha256(key.encode()).hexdigest()[:16]
    title = "–".join(countries[:4]) + f" {kind}" + (f", {group.city}" if group.city else "")
    return {
        "mention_id": mention_id, "article_id": article_id,
        "article": _file_name(record.get("path")), "published": record.get("published"),
        "origin": "article", "kind": kind, "cameo": cameo, "plover_mode": plover, "status": status,
        "date": event_date, "end_date": end_date, "date_precision": precision, "date_text": date_text,
        "city": group.city, "country": group.country, "countries": countries, "absent": absent,
        "mediators": mediators, "organizations": group.organizations, "heads": _heads_present(group.heads, absent),
        "topics": topics_of(evidence), "title": title, "evidence": evidence,
        "evidence_start": spans[0][0], "evidence_end": spans[-1][1],
        "date_start": date_start, "date_end": date_end,
        EXPLAIN_KEY: _explain(group, countries, absent, mediators, date_text),
    }


#: The key of a row's explanation while rows are built; extract_mentions takes it out.
EXPLAIN_KEY = "_why"


def _explain(group, countries, absent, mediators, date_text):
    """Why each field of a mention is what it is: the rule or cue that decided it."""
    why = dict(group.why)
    if date_text is None:
        why["date"] = "no date of this encounter in its clause, lede or paragraph" if group.date is None \
            else f"{group.date.text!r} dropped: a {group.status} encounter cannot be on that day"
    why.setdefault("venue", "no locative phrase tied to the encounter, no dateline")
    notes = []
    if group.country and group.country not in countries and group.kind != "visit":
        notes.append(f"{group.country} is the venue's country, not a party")
    if mediators:
        notes.append(f"mediators or hosts set aside: {', '.join(mediators)}")
    if absent:
        notes.append(f"said to stay away: {', '.join(absent)}")
    if notes:
        why["countries"] = "; ".join([why.get("countries", "parties named with the trigger")] + notes)
    why["sentences"] = ", ".join(str(n + 1) for n in sorted(group.sentences))
    return why


def _heads_present(heads, absent):
    """Heads whose country is absent did not lead a delegation ("Zelensky was not invited")."""
    if not absent:
        return list(heads)
    return [name for name in heads
            if not any(p.kind == "official" and p.iso3 in absent for p in find_places(name))]


def _settle_precision(event_date, end_date, precision, days):
    """A week lying inside one month is told as that month (the gold set's convention: every day
    of "next week" falls in May -> May); a visit of N days told by its first day gets its last."""
    if precision == "week":
        last = event_date + pd.Timedelta(days=6)
        if (last.year, last.month) == (event_date.year, event_date.month):
            return event_date.replace(day=1), None, "month"
    if precision == "day" and end_date is None and days and days > 1:
        end_date = event_date + pd.Timedelta(days=days - 1)
    return event_date, end_date, precision


def _date_fits(mention, status, published):
    """A held encounter is not after the publication day, a planned one not before it."""
    if published is None:
        return True
    day = published.date() if isinstance(published, datetime) else published
    last = mention.end_date or mention.date
    if mention.precision == "day":
        if status == "held" and mention.date > day:
            return False
        if status == "planned" and last < day:
            return False
    return True


def _file_name(path):
    if not path:
        return None
    name = str(path).split("#")[0]
    return name.replace("\\", "/").rsplit("/", 1)[-1]


_RECORD_FIELDS = ("article", "kind", "status", "date", "end_date", "date_precision", "date_text",
                  "city", "country", "countries", "absent", "mediators", "organizations", "heads",
                  "topics", "evidence")


def mentions_to_records(frame):
    """The rows of a MENTIONS frame as JSON-ready dicts for the scorer and the command line.

    Each dict has article, kind, status, date and end_date ('YYYY-MM-DD' or None),
    date_precision, date_text, city, country, countries, absent, mediators, organizations,
    heads, topics, evidence. Never raises for a frame that passes schema.check.

    >>> mentions_to_records(schema.empty(schema.MENTIONS))
    []
    """
    records = []
    for row in frame.to_dict("records"):
        record = {}
        for name in _RECORD_FIELDS:
            value = row.get(name)
            if name in ("date", "end_date"):
                value = None if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")
            elif isinstance(value, (list, tuple)):
                value = list(value)
            elif value is not None and not isinstance(value, str) and pd.isna(value):
                value = None
            record[name] = value
        records.append(record)
    return records

