"""Stage 3, across sentences: what one sentence tells about an encounter of another. Chronology
lists, "first ... since", day N of an encounter, dates from the lede, the paragraph, the
gathering or the meeting a visit is made for, and heads named in a sentence of their own.
"""

import copy
import re
from datetime import datetime, timedelta

from loaders import cues
from loaders.dates import DateMention
from loaders.extraction.clause import _subject_of
from loaders.extraction.fold import _finish
from loaders.extraction.model import (
    _after_anchor,
    _anchor_day,
    _because,
    _Candidate,
    _unique,
)
from loaders.extraction.patterns import (
    _ANOTHER_NOUNS_CLAUSE_RE,
    _BARE_ROUND_RE,
    _CALLED_TOO_RE,
    _CONTRAST_OPENING_RE,
    _COUNT_BEFORE_RE,
    _DAY_OF_RE,
    _DAYS_APART_OPENING_RE,
    _DAYS_APART_RE,
    _DECIDED_RE,
    _DURING_THAT_RE,
    _ENDING_RE,
    _FIRST_SINCE_AFTER_RE,
    _FIRST_SINCE_APPOSITIVE_RE,
    _FIRST_SINCE_BEFORE_RE,
    _FIRST_TIME_BEFORE_RE,
    _GAPPED_OBJECT_REST_RE,
    _GROUP_CALL_RE,
    _HEAD_AFTER_RE,
    _HEAD_BEFORE_RE,
    _LAST_TIME_BEFORE_RE,
    _LIST_CUT_RE,
    _LIST_ITEM_REST_RE,
    _LIST_JOIN_RE,
    _LIVE_ENTRY_RE,
    _MET_SEPARATELY_RE,
    _NEXT_ACT_RE,
    _NOT_SINCE_BEFORE_RE,
    _NOUN_TRIGGER_RE,
    _ONE_AFTER_ANOTHER_RE,
    _ORDINAL_RES,
    _PLURAL_TRIGGER_RE,
    _REPORTING_RE,
    _RESCHEDULED_RE,
    _SAME_PLACE_RE,
    _SIDELINES_RE,
    _SINCE_OTHER_EVENT_RE,
    _SPAN_END_ITEM_RE,
    _SPORT_RE,
    _THEIR_ENCOUNTER_RE,
    _TIMES_AFTER_RE,
    _TRIGGER_RE,
    _UNDER_WAY_AFTER_RE,
    _UNDER_WAY_BEFORE_RE,
    KIND_CLASS,
    LEDE_DAYS,
    NO_CUE_HELD,
    SINCE_DATE_REACH,
    SINCE_REACH,
    VENUE_KINDS,
)
from loaders.gazetteer import format_members


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


def _days_apart(article, candidates):
    """"The call came a day after the ministers met": an undated encounter told after "N days
    after" ("before") is N days before (after) the encounter the sentence is about: one told
    earlier in the sentence, or the article's first, dated to the day, when the sentence opens
    by referring back to it ("The call", "The talks", "It")."""
    lede = next((c for c in candidates if c.date is not None and c.date.precision == "day"), None)
    for candidate in candidates:
        if candidate.date is not None:
            continue
        sentence = article.sentences[candidate.sentence]
        match = _DAYS_APART_RE.search(article.text, sentence.start, candidate.start)
        if match is None:
            continue
        earlier = [c for c in candidates if c.sentence == candidate.sentence and c.end <= match.start()
                   and c.date is not None and c.date.precision == "day"]
        opening = _DAYS_APART_OPENING_RE.match(article.text, sentence.start, match.start())
        reference = earlier[-1] if earlier else (lede if opening and lede is not None and
                                                 lede.sentence < candidate.sentence else None)
        if reference is None:
            continue
        count = cues.ORDINAL_DAYS.get(match.group("count").lower(), 1)  # "a day after"
        sign = -1 if match.group("relation").lower() == "after" else 1
        candidate.date = DateMention(match.start(), match.end("relation"), article.text[match.start():match.end("relation")],
                                     reference.date.date + timedelta(days=sign * count), None, "day", "days_apart")
        candidate.why["date"] = f"{match.group(0).strip()!r} the encounter dated {reference.date.text!r}"


def _derived_date(article, match, day):
    return DateMention(match.start(), match.end(), article.text[match.start():match.end()], day, None,
                       "day", "ordinal_day")


def _first_since(article, candidates):
    """"the first such phone call since July 2022", "their first meeting since the two leaders
    faced each other in Vienna in 1961", "have not met since June 2019": the date after "since"
    is an earlier encounter of the same kind (cues.FIRST_SINCE_BEFORE, NOT_SINCE_BEFORE), held
    at the place the since-clause names, if any."""
    if "since" not in article.text:
        return
    candidates[:] = sorted(candidates + _first_since_another(article, candidates), key=lambda c: (c.sentence, c.start))
    for candidate in candidates:
        sentence = article.sentences[candidate.sentence]
        before = article.text[max(sentence.start, candidate.start - 40):candidate.start]
        # "have not met since ...": the verb tells the last encounter
        not_since = _NOT_SINCE_BEFORE_RE.search(before) is not None
        if not (_NOUN_TRIGGER_RE.search(article.text[candidate.start:candidate.end]) and
                _FIRST_SINCE_BEFORE_RE.search(before)) and not not_since:
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
        if candidate.group_reference and not not_since:
            _first_of_the_pair(candidates, candidate)
        inside = [other for other in candidates if since_at <= other.start < since.end]
        if inside:
            # "since his visit in July 2000": that trigger tells the earlier encounter, between
            # the parties of the one it is the first since
            for other in inside:
                other.earlier = True  # stands apart from the encounters told around it
                if other.group_reference:  # "since the two presidents' summit in Quito"
                    other.countries = list(candidate.countries)
                elif len(other.countries) < 2:
                    other.countries = _unique(other.countries + candidate.countries)
                    other.why["countries"] = "the parties of the encounter it is the first since"
            if not not_since:
                if candidate.date is not None and candidate.date.start >= since_at:
                    # the date and place of the since-clause are the earlier encounter's
                    candidate.date = None
                    candidate.why["date"] = "the date after 'since' is the earlier encounter's"
                    if any(since_at <= p.start < since.end + 30 and (p.city or p.name) == candidate.city
                           for p in article.in_sentence(article.places, sentence)):
                        candidate.city = candidate.country = None
                continue
            # "have not met since the summit in Osaka": the verb is a meeting at that summit too
        elif _SINCE_OTHER_EVENT_RE.search(article.text, since_at, since.start):
            continue  # "the first talks since the war began in 2011": no earlier encounter told
        candidate.status, candidate.anaphoric, candidate.date = "held", False, since
        candidate.why.update(status="an earlier encounter: 'first ... since'",
                             date=f"the date after 'since': {since.text!r}")
        candidate.earlier = True
        # the venue in the sentence is the new encounter's; the earlier one's is in its clause
        candidate.city, candidate.country = _since_place(article, sentence, since_at, since)
        if len(candidate.countries) < 2:  # "their first ... since": the parties of the one told
            candidate.countries = _unique(candidate.countries + article.recent_pair(candidate.sentence))


def _first_of_the_pair(candidates, candidate):
    """"It was the pair's first face-to-face meeting since ...": the pair of the nearest held
    encounter of the same family told before, not the pair named just before (a call, a plan)."""
    antecedent = next((c for c in reversed(candidates) if c.sentence < candidate.sentence and c.status == "held"
                       and len(c.countries) >= 2 and not c.group_reference
                       and KIND_CLASS[c.kind] == KIND_CLASS[candidate.kind]), None)
    if antecedent is not None and set(antecedent.countries) != set(candidate.countries):
        candidate.countries = list(antecedent.countries)
        candidate.why["countries"] = "the pair of the nearest held encounter of its family, which it is the first of since"


def _first_since_another(article, candidates):
    """The earlier encounters told by "the summit, the first since the one in Quito in 2019" or
    "the first time the two presidents meet since Quito in 2019": a new candidate for each, of the
    kind and parties of the trigger, held at the date and place of the since-clause; the trigger
    stays the new encounter. A trigger inside the since-clause tells the earlier one itself."""
    earlier = []
    for candidate in candidates:
        sentence = article.sentences[candidate.sentence]
        if candidate.earlier:
            continue
        reach = article.text[candidate.end:min(sentence.end, candidate.end + SINCE_REACH)]
        if _NOUN_TRIGGER_RE.search(article.text, candidate.start, candidate.end):
            word = _FIRST_SINCE_APPOSITIVE_RE.match(reach)
        elif _FIRST_TIME_BEFORE_RE.search(article.text, sentence.start, candidate.start):
            word = _FIRST_SINCE_AFTER_RE.match(reach)
        else:
            continue
        if word is None:
            continue
        since_at = candidate.end + word.end()
        since = next((m for m in article.dates_from(since_at, min(sentence.end, since_at + SINCE_DATE_REACH))), None)
        # a trigger of its own in between ("the summit, their first formal meeting since 2021")
        # or in the since-clause tells the earlier encounter itself
        if since is None or since.precision not in ("day", "month", "year") or \
                any(candidate.end <= other.start < since.end for other in candidates) or \
                _SINCE_OTHER_EVENT_RE.search(article.text, since_at, since.start):
            continue
        if candidate.date is not None and candidate.date.start >= since_at:
            candidate.date = None  # the since-clause's date is the earlier encounter's
        one = copy.copy(candidate)
        one.why = dict(candidate.why)
        one.status, one.anaphoric, one.date, one.earlier = "held", False, since, True
        one.city, one.country = _since_place(article, sentence, since_at, since)
        if candidate.city == one.city and one.city:
            candidate.city = candidate.country = None
        one.why.update(status="an earlier encounter: 'the first since'", date=f"the date after 'since': {since.text!r}")
        earlier.append(one)
    return earlier


def _since_place(article, sentence, since_at, since):
    """(city, country) of the place a since-clause names ("since the one in Quito in 2019"),
    from `since_at` to just past its date `since`; (None, None) when it names none."""
    there = next((p for p in article.in_sentence(article.places, sentence)
                  if since_at <= p.start < since.end + 30 and article.is_location(p)), None)
    if there is None:
        return None, None
    return (there.city or there.name) if there.kind != "country" else None, there.iso3


def _bare_rounds(article, candidates):
    """"April 12 - First round in Muscat": a numbered round told without its parties is a round
    of the talks the article told first, between their parties, not those of the sentence
    (the host of the round, its mediator)."""
    for candidate in candidates:
        if not _BARE_ROUND_RE.search(article.text, candidate.start, candidate.end):
            continue
        told = next((c for c in candidates if c.sentence < candidate.sentence and KIND_CLASS[c.kind] == "consult"
                     and len(c.countries) >= 2), None)
        named = [p.iso3 for p in article.in_sentence(article.places, article.sentences[candidate.sentence])
                 if candidate.start <= p.start < candidate.end + 40 and article.is_actor(p)]
        if told is not None and len(named) < 2:
            candidate.countries = list(told.countries)
            candidate.group_reference = True  # its parties are those told before, hosts included
            candidate.mediators = _unique(candidate.mediators + told.mediators)
            candidate.why["countries"] = "a numbered round of the talks told first: their parties"


def _rescheduled(article, candidates):
    """"The visit, planned for March, was postponed to May": an encounter put off to a new day
    is also planned on that day (the one put off stays cancelled, at the day it was set for)."""
    out = []
    for candidate in candidates:
        out.append(candidate)
        if candidate.status != "cancelled":
            continue
        sentence = article.sentences[candidate.sentence]
        moved = _RESCHEDULED_RE.search(article.text, candidate.end, sentence.end)
        day = next(iter(article.dates_from(moved.end(), moved.end() + 3)), None) if moved else None
        if day is None or not _after_anchor(article, day):
            continue
        later = copy.copy(candidate)
        later.why = dict(candidate.why, status="put off to a day still to come", date=f"the new day: {day.text!r}")
        later.status, later.date, later.ends, later.anaphoric = "planned", day, None, False
        out.append(later)
    return out


def _two_sides(candidates):
    """"The two sides", "both sides", told without their names, are the two parties of the
    nearest encounter told before between exactly two (an observer or a host named since is
    no side: "China attended as an observer. ... commanders of the two sides will meet")."""
    for index, candidate in enumerate(candidates):
        if not candidate.sides:
            continue
        pair = next((c for c in reversed(candidates[:index]) if c.start < candidate.start and
                     len(c.countries) == 2 and not c.sides), None)
        if pair is not None and set(pair.countries) != set(candidate.countries):
            candidate.countries = list(pair.countries)
            candidate.why["countries"] = "'the two sides': the pair of the nearest encounter told before"


def _same_place(article, candidates):
    """"Two days later, in the same city, he sat down with Blinken": an encounter told as at the
    same place takes the venue of the nearest encounter told before it that names one."""
    for index, candidate in enumerate(candidates):
        sentence = article.sentences[candidate.sentence]
        if candidate.country is not None or candidate.kind == "call" or not _SAME_PLACE_RE.search(sentence.text):
            continue
        before = next((c for c in reversed(candidates[:index]) if c.start < candidate.start and c.country), None)
        if before is not None:
            candidate.city, candidate.country = before.city, before.country
            candidate.why["venue"] = "'the same city': the venue of the encounter told before"


def _last_time(article, candidates):
    """"The two leaders last spoke by telephone in December": a group reference with "last" is
    the previous encounter of the pair the article is about, whose first encounter of the same
    family (else of any) names it, not the pair named just before ("... spoke with Zelensky ahead
    of the call"). So is an encounter told as a previous one without its parties ("his previous
    visit", to the place of the visit in play)."""
    for candidate in candidates:
        sentence = article.sentences[candidate.sentence]
        last = candidate.group_reference and _LAST_TIME_BEFORE_RE.search(
            article.text[max(sentence.start, candidate.start - 20):candidate.start])
        if not last and not (candidate.prior and (len(candidate.countries) < 2 or candidate.group_reference)):
            continue
        # (of the same family first: "they last met in person" after a call is the call's pair)
        told = [c for c in candidates if c.sentence < candidate.sentence and len(c.countries) >= 2 and not c.group_reference]
        lede = next((c for c in told if KIND_CLASS[c.kind] == KIND_CLASS[candidate.kind]), None) or next(iter(told), None)
        if lede is not None and set(lede.countries) != set(candidate.countries) and \
                (last or set(candidate.countries) <= set(lede.countries)):
            candidate.countries = list(lede.countries)
            candidate.why["countries"] = "'last' or 'previous' told of the pair of the article's first encounter"
        if lede is not None and candidate.prior and candidate.kind == "visit" == lede.kind and candidate.country is None:
            # "his previous visit": an earlier visit to the same place
            candidate.city, candidate.country = lede.city, lede.country
            candidate.why["venue"] = "a previous visit: to the place of the visit in play"


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
    def parties_in(sentence):
        # a bloc named there names its members ("Leaders of ASEAN reached a consensus on Saturday")
        places = article.in_sentence(article.places, sentence)
        return {p.iso3 for p in places if p.iso3} | \
            {code for p in places if p.kind == "organization" for code in format_members(p.name)}
    named = parties_in(article.sentences[index])
    if len(named) < 2 and index + 1 < len(article.sentences):
        named |= parties_in(article.sentences[index + 1])
    for group in groups:
        if group.date is not None or group.ends is not None or group.status != "held":
            continue
        countries = _finish(article, group)[0]
        # a bare dateline dates the encounter its next sentence opens with, whoever takes part
        opened = index == 0 and min(group.sentences) == 1 and not article.in_sentence(article.places, article.sentences[0])[1:]
        if countries and (set(countries) <= named or opened):
            group.date = day
            _because(group, "date", f"the lede's day {day.text!r}: undated, held, its parties named there")


def _their_encounters(article, groups):
    """An encounter told as theirs ("their next summit", "the leaders' first session") and naming
    fewer than two parties is one of the parties of the encounter told before it."""
    for index, group in enumerate(groups):
        first = min(group.members, key=lambda m: m.sentence)
        if len(group.countries) >= 2 or not _NOUN_TRIGGER_RE.search(article.text, first.start, first.end) or \
                not _THEIR_ENCOUNTER_RE.search(article.text, max(0, first.start - 60), first.start):
            continue
        before = [g for g in groups[:index] if len(g.countries) >= 2 and min(g.sentences) <= first.sentence]
        if before:
            told = max(before, key=lambda g: max(s for s in g.sentences if s <= first.sentence))
            group.countries = _unique(told.countries + group.countries)
            _because(group, "countries", "an encounter told as theirs: the parties of the encounter told before it")


def _travellers(article, groups):
    """A journey told on from one sentence to the next keeps its traveller ("Wang arrived in Suva
    on Sunday. He leaves for Tonga on Tuesday"): a visit naming only where it goes takes the
    visitor of the visit told within two sentences before it."""
    last = None
    for group in groups:
        if group.kind != "visit":
            continue
        hosts = {host for host, _, _ in _tour_stops(article, group)} | {group.country}
        visitors = [c for c in group.countries if c not in hosts]
        if visitors:
            last = (max(group.sentences), visitors)
        elif last is not None and 0 <= min(group.sentences) - last[0] <= 2:
            group.countries = _unique(last[1] + group.countries)
            _because(group, "countries", "the traveller of the visit told just before")
            last = (max(group.sentences), last[1])


def _split_tours(article, groups):
    """A visit to several countries told at once ("toured Egypt and Ethiopia", "a tour of Kenya,
    Uganda and Rwanda", "visited Lima on Monday and Quito on Wednesday") is one visit per country
    visited, each with the visitor and its host, at its own city and day where the text gives them."""
    out = []
    for group in groups:
        stops = _tour_stops(article, group) if group.kind == "visit" else []
        if len(stops) < 2:
            out.append(group)
            continue
        hosts = [host for host, _, _ in stops]
        visitors = [c for c in group.countries if c not in hosts]
        for host, city, day in stops:
            one = copy.copy(group)
            one.country, one.city, one.tour_stop = host, city, host
            one.countries = _unique(visitors + [host])
            one.why = dict(group.why, venue=f"one of the countries of a tour: {city or host}")
            if day is not None:
                one.date = day
                one.why["date"] = f"the day told after this stop of the tour: {day.text!r}"
                if group.why.get("status") == NO_CUE_HELD and _after_anchor(article, day):
                    # "takes him to Kiribati today and to Samoa on Saturday": a stop still to come
                    one.status = "planned"
                    one.why["status"] = "no word of tense; the day of this stop is still to come"
            out.append(one)
    return out


def _tour_stops(article, group):
    """(host, city or None, date or None) for each place a visit's trigger lists as where it goes,
    joined by commas or "and", each perhaps followed by its own day ("Lima on Monday and Quito
    on Wednesday"); one stop per country."""
    trigger = group.members[0]
    sentence = article.sentences[trigger.sentence]
    places = [p for p in article.in_sentence(article.places, sentence)
              if p.kind in ("country", "city", "capital") and p.iso3 and p.start >= trigger.end]
    stops, last_end = [], trigger.end
    for place in places:
        gap = article.text[last_end:place.start]
        day = None
        if stops:
            # the day told after the stop before: "Lima on Monday and Quito"
            told = [m for m in article.dates_from(last_end, place.start) if m.start - last_end <= 5]
            if told:
                day = told[0]
                gap = re.sub(r"^\s*(?:on|in)?\s*$", "", article.text[last_end:told[0].start]) + article.text[told[0].end:place.start]
            # (the preposition told again: "to Kiribati on Friday and to Samoa on Saturday")
            gap = re.sub(r"(?<=\s)to\s+$", "", gap)
            if not _LIST_JOIN_RE.fullmatch(gap):
                break
            if day is not None and stops[-1][2] is None:
                stops[-1] = stops[-1][:2] + (day,)
        elif len(gap) > 30 or not article.is_location(place):
            break
        if place.kind != "country" and stops and stops[-1][0] == place.iso3:
            break
        city = place.city or place.name if place.kind != "country" else None
        if all(host != place.iso3 for host, _, _ in stops):
            stops.append((place.iso3, city, None))
        last_end = place.end
    if len(stops) >= 2:
        # the day after the last stop
        told = [m for m in article.dates_from(last_end, sentence.end) if m.start - last_end <= 5]
        if told and stops[-1][2] is None:
            stops[-1] = stops[-1][:2] + (told[0],)
    # a stop without a day of its own keeps the visit's
    if any(day is not None for _, _, day in stops) and not all(day is not None for _, _, day in stops):
        stops = [(host, city, day or group.date) for host, city, day in stops]
    return stops


def _date_visits_under_way(article, groups):
    """An undated held visit told in the present ("Blinken's visit is the latest ...", "X is on
    a three-day visit") is under way on the day of the report (its dateline's or publication day)."""
    if article.anchor is None:
        return
    for group in groups:
        if group.kind != "visit" or group.status != "held" or group.date is not None or group.ends is not None:
            continue
        for member in group.members:
            after = _UNDER_WAY_AFTER_RE.match(article.text, member.end)
            before = _UNDER_WAY_BEFORE_RE.search(article.text[max(0, member.start - 40):member.start])
            if after or before:
                day = _anchor_day(article)
                start, end = (member.end + after.start(), member.end + after.end()) if after else (member.start, member.end)
                group.date = DateMention(start, end, article.text[start:end], day, None, "day", "under_way")
                _because(group, "date", "a visit told in the present: under way on the day of the report")
                break


def _date_live_entries(article, groups):
    """A live blog (two entries or more opening with a clock time: "09:04 - The two leaders shake
    hands", "Aug 15, 6:20 p.m. ET") tells what happens on its entries' days: an undated held
    encounter told in entries, in sentences with no date, happened on the earliest of their
    days (a blog tells the latest first), the day an entry's heading gives, else the report's."""
    entries = [(m.start(), m.end()) for m in _LIVE_ENTRY_RE.finditer(article.text)]
    if len(entries) < 2 or article.anchor is None:
        return
    days = {}
    for start, end in entries:
        heading = [d for d in article.dates_from(start, end) if d.precision == "day"]
        days[start, end] = heading[0].date if heading else _anchor_day(article)
    for group in groups:
        if group.date is not None or group.ends is not None or group.status != "held":
            continue
        told = []
        for index in group.sentences:
            sentence = article.sentences[index]
            if article.in_sentence(article.dates, sentence) or not any(e[0] <= sentence.start for e in entries):
                continue
            entry = max(e for e in entries if e[0] <= sentence.start)
            told.append((days[entry], entry))
        if told:
            day, entry = min(told)
            ending = (group.days or 0) > 1 and any(
                _ENDING_RE.search(article.text, article.sentences[m.sentence].start, m.end) for m in group.members)
            first = day - timedelta(days=group.days - 1) if ending else day
            group.date = DateMention(entry[0], entry[1], article.text[entry[0]:entry[1]].strip(), first,
                                     day if ending else None, "day", "live_entry")
            _because(group, "date", "told in an entry of a live blog: the entry's day" +
                     (f", the last of its {group.days} days" if ending else ""))


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
        elif _DURING_THAT_RE.match(sentence.text):
            # "... at the White House on Sept. 29. During that visit Netanyahu telephoned ...":
            # the occasion the sentence before told, on its one day
            days = [m for m in article.in_sentence(article.dates, previous) if m.precision == "day"
                    and not _REPORTING_RE.search(article.text[max(0, m.start - 40):m.start])]
            if len(days) == 1:
                group.date = days[0]
                _because(group, "date", f"during the occasion told just before, on {days[0].text!r}")


def _date_meetings_in_visit(article, groups):
    """An undated held meeting, talks or summit among the parties of a held visit begun on the
    day of the report, told after the visit and at its place or at none named, took place during
    it, and so on that day: not before the visitor came, not after the report ("arrived in Lima
    on 4 March on a state visit ... The presidents held talks at the palace", reported 4 March)."""
    day = _anchor_day(article)
    if day is None:
        return
    visits = [g for g in groups if g.kind == "visit" and g.status == "held" and g.date is not None and
              g.date.precision == "day" and g.date.date == day and g.date.rule != "under_way" and len(g.countries) >= 2]
    for group in groups:
        if group.date is not None or group.ends is not None or group.status != "held" or KIND_CLASS[group.kind] != "consult":
            continue
        visit = next((v for v in visits if min(v.sentences) < min(group.sentences) and
                      set(group.countries) <= set(v.countries) and len(group.countries) >= 2 and
                      (group.country is None or group.country == v.country)), None)
        if visit is not None:
            group.date = visit.date
            _because(group, "date", f"held during a visit begun on the day of the report: {visit.date.text!r}")


def _meetings_on_a_visit(groups):
    """A held meeting or talks told in the sentence of a held visit of its parties, with no
    place of its own, took place where the visitor was; undated, it took place on the visit's
    day when the visit is told as one day ("On a visit to Hanoi on Tuesday, Xi met Vietnam's
    president"; "arriving in Lima on Monday, he held talks with ..."). A visit of several days
    or of no known day dates none of its meetings."""
    visits = [g for g in groups if g.kind == "visit" and g.status == "held" and len(g.countries) >= 2]
    for group in groups:
        if group.status != "held" or KIND_CLASS[group.kind] != "consult" or group.kind == "summit" or \
                group.country is not None or len(group.countries) < 2:
            continue
        here = group.sentences[0]
        visit = next((v for v in visits if here in v.sentences and set(group.countries) <= set(v.countries)), None)
        if visit is None or visit.country is None:
            continue
        one_day = visit.date is not None and visit.date.precision == "day" and visit.ends is None and \
            visit.date.end_date is None and not (visit.days or 1) > 1
        if group.date is None and group.ends is None and one_day:
            group.date = visit.date
            _because(group, "date", f"told in the sentence of a visit of one day: {visit.date.text!r}")
        elif group.date is not None and (visit.date is None or group.date.date != visit.date.date):
            continue  # "visited Kyiv on Monday and met Lavrov on Friday": not there, perhaps
        group.city, group.country = visit.city, visit.country
        _because(group, "venue", f"told in the sentence of a visit to {visit.city or visit.country}")


def _date_from_gathering(article, groups):
    """An undated encounter told as held on the sidelines of a summit that the article dates
    (one told in the same sentence, else the nearest told before it) takes the summit's date,
    and its venue where it names none; an undated summit takes the day of a dated encounter
    its sentence tells on its sidelines."""
    for group in groups:
        if group.date is None and group.kind == "summit":
            # "That meeting, on July 19, took place on the sidelines of a summit ...": the
            # summit was under way on the meeting's day
            sentence = article.sentences[group.sentences[0]]
            aside = next((g for g in groups if g is not group and g.kind != "summit" and g.date is not None and
                          g.date.precision == "day" and group.sentences[0] in g.sentences), None)
            if aside is not None and _SIDELINES_RE.search(sentence.text):
                group.date = aside.date
                _because(group, "date", f"an encounter on its sidelines is dated: {aside.date.text!r}")
            continue
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
        trigger = article.text[candidate.start:candidate.end]
        items = _list_items(article, candidate) if _PLURAL_TRIGGER_RE.search(trigger) else \
            _verb_list_items(article, candidate) if not _NOUN_TRIGGER_RE.search(trigger) and candidate.kind != "visit" else []
        objects = {}
        if len(items) < 2 and not _NOUN_TRIGGER_RE.search(trigger) and candidate.kind != "visit":
            # "met India's prime minister in Tokyo on Saturday and Australia's in Canberra on
            # Monday": one encounter per object, each at its own place and date
            items, objects = _gapped_objects(article, candidate)
        if len(items) < 2 and candidate.kind in ("meeting", "call"):
            one_by_one = _one_after_another(article, candidate) if candidate.kind == "meeting" else \
                _calls_one_by_one(article, candidate)
            if one_by_one:
                out.extend(one_by_one)
                continue
        if len(items) < 2:
            out.append(candidate)
            continue
        lists.append(_list_tail(article, candidate))
        sentence = article.sentences[candidate.sentence]
        # (with the trigger's object: "has sat across the table from Putin four times: in Moscow ...")
        # (objects of their own, one per item, are no party of every item)
        first_item = candidate.end if objects else \
            min(min(mention.start, place.start if place is not None else mention.start) for mention, place in items)
        named = {p.iso3 for p in article.in_sentence(article.places, sentence)
                 if p.start < first_item and article.is_actor(p)}
        # the parties are named before the list ("Chile and Peru met in ..."), or referred to
        # ("their meetings"); the items name places and what happened there
        parties = [c for c in candidate.countries if c in named]
        if len(parties) < 2 and not objects:
            parties = _unique(parties + article.recent_pair(max(0, candidate.sentence - 1), size=candidate.group_size))
        for mention, place in items:
            item = _Candidate(
                sentence=candidate.sentence, start=candidate.start, end=candidate.end, kind=candidate.kind,
                cameo=candidate.cameo, plover=candidate.plover,
                status="cancelled" if candidate.status == "cancelled" else "planned" if _after_anchor(article, mention)
                else "held", anaphoric=False,
                date=mention, countries=list(parties), mediators=list(candidate.mediators),
                heads=list(candidate.heads), earlier=True, item=mention.start,
                why={"kind": candidate.why.get("kind", "") + ", an item of a list of encounters",
                     "date": f"the item's own date {mention.text!r}", "countries": "the parties of the list's noun"})
            if place is not None:
                item.country = place.iso3
                if place.kind != "country":
                    item.city = place.city or place.name
            if mention.start in objects:
                item.countries = _unique(parties + [objects[mention.start]])
                item.why["countries"] = "the subject of the verb and the item's own object"
            out.append(item)
    return out


def _one_after_another(article, candidate):
    """"Meeting the Saudi crown prince and then the Qatari emir", "seeing first Mr. Shastri and
    then Field Marshal Ayub": objects met one after the other are one meeting each, with the
    subject's parties, at the time and place of the verb. [] unless each names one party of its
    own. So are objects met separately ("met Ishiba and Yoon separately")."""
    sentence = article.sentences[candidate.sentence]
    match = _ONE_AFTER_ANOTHER_RE.match(article.text, candidate.end, sentence.end) or \
        _MET_SEPARATELY_RE.match(article.text, candidate.end, sentence.end)
    if match is None:
        return []
    places = article.in_sentence(article.places, sentence)
    subject = [p.iso3 for p in places if p.start < candidate.start and article.is_actor(p)]
    meetings = []
    for side in ("first", "second"):
        low, high = match.span(side) if match.group(side) is not None else match.span(side + "2")
        own = _unique(p.iso3 for p in places if low <= p.start < high and article.is_actor(p) and p.iso3 not in subject)
        if len(own) != 1:
            return []
        one = copy.copy(candidate)
        one.why = dict(candidate.why, countries="one of the parties met one after the other")
        one.countries = _unique(subject + own)
        meetings.append(one)
    meetings[1].apart = meetings[0]  # told as following it: never one encounter
    return meetings


def _calls_one_by_one(article, candidate):
    """A leader calling several others held a call with each ("Trump telephoned Hun Manet and
    Thailand's prime minister"), unless the call is told as one of several sides ("a three-way
    call", `GROUP_CALL`). [] unless one caller is named before the trigger (or is the subject the
    sentence before names: "He then held separate telephone conversations with ...") and two or
    more parties after it."""
    sentence = article.sentences[candidate.sentence]
    if len(candidate.countries) < 2 or _GROUP_CALL_RE.search(sentence.text):
        return []
    places = article.in_sentence(article.places, sentence)
    subject = _unique(p.iso3 for p in places if p.start < candidate.start and article.is_actor(p)) or \
        _unique(p.iso3 for p in _subject_of(article, sentence, candidate, places))  # "He ... with Putin and Zelensky"
    others = [c for c in candidate.countries if c not in subject]
    # "spoke with Trump on Wednesday night to thank him, and then with Biden": one more called
    more = _CALLED_TOO_RE.search(article.text, candidate.end, sentence.end)
    if more is not None:
        others = _unique(others + [p.iso3 for p in places if more.end() <= p.start < more.end() + 40 and
                                   article.is_actor(p) and p.iso3 not in subject][:1])
    if len(subject) != 1 or len(others) < 2:
        return []
    calls = []
    for other in others:
        one = copy.copy(candidate)
        one.why = dict(candidate.why, countries="a call between two: the caller and one of those called")
        one.countries = subject + [other]
        calls.append(one)
    return calls


def _gapped_objects(article, candidate):
    """(items, {item date's start: its object's party}) for a verb of meeting followed by objects
    that each name their party, place and date ("Japan's prime minister met India's prime
    minister in Tokyo on Saturday and Australia's in Canberra on Monday"): every item names one
    party not named before the verb, and nothing else but the person's title and name. ([], {})
    otherwise."""
    sentence = article.sentences[candidate.sentence]
    if _TRIGGER_RE.search(article.text, candidate.end, sentence.end):
        return [], {}
    dates = [m for m in article.dates_from(candidate.end, sentence.end) if m.end <= sentence.end]
    if len(dates) < 2:
        return [], {}
    places = article.in_sentence(article.places, sentence)
    subject = {p.iso3 for p in places if p.start < candidate.start and article.is_actor(p)}
    edges = [candidate.end] + [m.end for m in dates]
    items, objects = [], {}
    for mention, low, high in zip(dates, edges, edges[1:]):
        here = [p for p in places if low <= p.start < high]
        actors = [p for p in here if article.is_actor(p) and p.iso3 not in subject]
        venues = [p for p in here if p not in actors and p.kind in VENUE_KINDS and article.is_location(p)]
        if len({p.iso3 for p in actors}) != 1 or len(venues) > 1:
            return [], {}
        rest = article.text[low:high]
        for thing in [mention] + here:
            rest = rest.replace(article.text[thing.start:thing.end], " ")
        if not _GAPPED_OBJECT_REST_RE.fullmatch(rest):
            return [], {}
        items.append((mention, venues[0] if venues else None))
        objects[mention.start] = actors[0].iso3
    return items, objects


def _verb_list_items(article, candidate):
    """The items of a list of places and dates after a verb of meeting ("the two presidents met
    in Maputo in September 2021, in Dodoma in May 2022 and in Mtwara on 10 February"): as for a
    plural noun, when two items or more name their place and nothing but the list follows the verb (no
    other trigger: "met in Lima on Monday after talks in Quito on Sunday" is two encounters told
    apart). A visit's list is a tour (`_split_tours`)."""
    sentence = article.sentences[candidate.sentence]
    items = _list_items(article, candidate)
    counted = _times_counted(article, candidate, items)
    if counted:
        # "have met three times, all in Istanbul: on May 16, on June 2 and on July 23": the
        # count says the list is the encounters, whatever follows it
        return counted
    if _TRIGGER_RE.search(article.text, candidate.end, sentence.end):
        return []
    if sum(place is not None for _, place in items) < 2:
        return []
    # each item is its place and its date and nothing else: "in Lima in May 2019, in Quito in
    # October 2021 and in Tumbes last July" (not "addressed the Knesset the next day")
    edges = [candidate.end] + [max(mention.end, place.end if place else 0) for mention, place in items]
    for (mention, place), low, high in zip(items, edges, edges[1:]):
        rest = article.text[low:high]
        for thing in (mention, place):
            if thing is not None:
                rest = rest.replace(article.text[thing.start:thing.end], " ")
        if place is None:  # a place the gazetteer does not know: one capitalised name
            rest = re.sub(r"(?<![\w-])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?", " ", rest, count=1)
        if not _LIST_ITEM_REST_RE.fullmatch(rest):
            return []
    return items


def _times_counted(article, candidate, items):
    """The items of the list, when a count of times between the verb and the list ("met three
    times in Belarus, on Feb. 28, ...") gives as many encounters as it has (the span the count
    is framed in, "three times this year", is no item); else []."""
    framed = items[1:] if len(items) > 1 and items[0][0].precision == "year" else items
    times = _TIMES_AFTER_RE.search(article.text, candidate.end, framed[0][0].start) if framed else None
    counted = times is not None and (2 if times.group(2) else cues.NUMBER_WORDS.get(times.group(1).lower())) == len(framed)
    return framed if counted else []


def _list_tail(article, candidate):
    """Where a list after `candidate`'s trigger may run: to the end of its sentence, or to a clause
    of contrast, which tells an encounter of its own ("..., in Beijing in March and in Dalian in
    May, while Trump hosted Moon last month")."""
    sentence = article.sentences[candidate.sentence]
    contrast = _CONTRAST_OPENING_RE.search(article.text, candidate.end, sentence.end)
    return candidate.end, contrast.start() if contrast else sentence.end


def _list_items(article, candidate):
    """(date, place or None) for each item of a list after `candidate`'s trigger, in its sentence:
    items are cut at semicolons, else at the dates themselves. A list needs a place per item,
    or a count before the noun that the days match ("two meetings ... on May 9 and June 13")."""
    sentence = article.sentences[candidate.sentence]
    tail = _list_tail(article, candidate)
    # (not the day of a report: "..., will not take place, Oman said on Saturday")
    # (nor of a decision about it: "scheduled for Tuesday in Washington were called off on Monday")
    dates = [m for m in article.dates_from(*tail) if m.end <= sentence.end and m.precision in ("day", "month", "year")
             and not _REPORTING_RE.search(article.text[max(0, m.start - 40):m.start])
             and not _DECIDED_RE.search(article.text[max(0, m.start - 40):m.start])]
    if len(dates) < 2:
        return []
    if _ANOTHER_NOUNS_CLAUSE_RE.search(article.text, tail[0], dates[0].start):
        return []  # "after the talks, ending a tour that took him to Tokyo ...": another noun's list
    cuts = [m.end() for m in _LIST_CUT_RE.finditer(article.text, *tail)]
    pieces = list(zip([tail[0]] + cuts, cuts + [tail[1]])) if len(cuts) >= 1 else []
    if len(pieces) < 2:  # no separators: each date closes the item that leads to it
        edges = [tail[0]] + [m.end for m in dates]
        pieces = list(zip(edges, edges[1:]))
    if any(_SPAN_END_ITEM_RE.match(article.text, low) for low, _ in pieces[1:]):
        return []  # "began in February and ended ... on 26 August": a span
    if _NEXT_ACT_RE.search(article.text, tail[0], dates[-1].start):
        return []  # "talks in Tokyo on Saturday before flying on to Washington on Monday": two acts
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
    # (the count may open the trigger itself: "three rounds")
    count = _COUNT_BEFORE_RE.search(article.text[max(sentence.start, candidate.start - 20):candidate.start]) or \
        _COUNT_BEFORE_RE.search(article.text[candidate.start:article.text.rfind(" ", candidate.start, candidate.end) + 1])
    counted = _times_counted(article, candidate, items)
    if counted and all(m.precision == "day" for m, _ in counted):
        items = counted
    elif not (count and cues.NUMBER_WORDS.get(count.group(1).lower()) == len(items) and
              all(m.precision == "day" for m, _ in items)):
        return []
    venue = next((p for p in places if candidate.end <= p.start < items[0][0].start), None)
    return [(mention, venue) for mention, _ in items]


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


def _off_the_field(article, candidates):
    """`candidates` without the games of a report of sport: in an article full of the words of
    sport (`cues.SPORT_REPORT`), a sentence tells of a game ("the two sides had last met in
    1982"), not of an encounter of states, unless it names an official ("the prime ministers
    watched the final together")."""
    found = [[m.group(0).lower() for m in _SPORT_RE.finditer(s.text)] for s in article.sentences]
    words, share = cues.SPORT_REPORT
    def official(index):
        return any(p.kind == "official" for p in article.in_sentence(article.places, article.sentences[index]))
    if len({w for f in found for w in f}) < words or sum(map(bool, found)) < share * len(found):
        # elsewhere, a sentence of two words of sport ("will face each other in Rio in a World
        # Cup qualifier") tells of a game
        return [c for c in candidates if len(set(found[c.sentence])) < 2 or official(c.sentence)]
    return [c for c in candidates if official(c.sentence)]

