"""One real-world encounter told by many sources: `merge_mentions(mentions) -> EVENTS frame`.

One row of the result is one encounter, the merge of one or more mentions (`schema.EVENTS`:
the event fields, plus `n_sources`, `mention_ids`, `sources` and `merge_reasons`).

Two mentions are one encounter when all of these hold (`RULES`, checked in order):

- they come from different sources (one article's mentions are already one per encounter, and
  an events file lists each encounter once: two of its rows are two encounters, `LEDGERS`);
- their kinds are compatible: meeting, talks and summit are one family; a visit is a visit; a
  call is a call; a signing joins the meeting where it was signed;
- their statuses agree: equal, or a plan and the meeting it became (or its cancellation), when
  the plan names that occurrence: the same day, or the same city (`_plan_names`); the event
  then shows as held (or cancelled), and the plan stays among its sources and reasons;
- their participants overlap (Jaccard >= `MIN_OVERLAP` of the countries), or both name none
  but share an organization; two summits on the same day in the same country need only share
  a party, as a summit's parties are seldom all listed (`_one_summit`);
- their dates are compatible: equal at the coarser precision (day, month, or year for a date
  known to the year), or one inside the other's range;
  an undated mention joins a dated one and takes its date (one naming a pair, only an
  encounter of both of them, not one of a single party of it);
- where both name a venue, the same country and (where both name one) the same city, or two
  cities within `SAME_PLACE_KM` (an estate and the city beside it), or one summit named by two
  places (a resort and its town);
- no chains: the mention contradicts none of the event's mentions taken one by one (dates,
  venue, a party in common), not only the event merged so far (complete link).

Each merge writes one line to `merge_reasons` ("<mention> from <article>: ..."), so it can be
shown and undone. Nothing is dropped: every mention's source is in `sources`.

    >>> merge_mentions(schema.empty(schema.MENTIONS)).empty
    True
"""
import hashlib
import math

import pandas as pd

from loaders import schema
from loaders.dates import dates_agree
from loaders.gazetteer import coordinates

MIN_OVERLAP = 0.5
#: An undated mention joins a dated event only if the event's date lies within this many days
#: of the mention's publication ("the talks" in a report is a recent encounter, not last year's).
MAX_UNDATED_GAP_DAYS = 45
KIND_FAMILY = schema.KIND_FAMILY
KIND_RANK = schema.KIND_RANK
#: A signing told by one source and the meeting where it was signed told by another are one
#: encounter (the meeting's kind names it: a signing ranks below every kind it joins).
SIGNED_AT = {"agree", "consult"}
PRECISION_RANK = schema.PRECISION_RANK
#: Two cities of one country this close (km) are one venue told two ways: an estate and the
#: city whose summit it hosts (Woodside and San Francisco), a resort and its capital.
SAME_PLACE_KM = 50
#: Origins whose files list each encounter once, a row each: rows of one such file (origin and
#: `article`, the file's name) never merge with each other. A million rows of one events file
#: then need no merge among themselves; the store merges only those that could join a mention
#: from elsewhere (Store, `_core`).
LEDGERS = ("events-file",)
RULES = ("different sources", "compatible kind", "agreeing status", "overlapping participants",
         "compatible dates", "same venue")


def merge_mentions(mentions):
    """Merge the mentions of one encounter across sources into events.

    Takes a MENTIONS frame; returns an EVENTS frame (checked), one row per encounter, sorted
    by date (undated last) then earliest publication. Raises SchemaError if `mentions` does not
    follow MENTIONS.
    """
    schema.check(mentions, schema.MENTIONS, "mentions given to merge_mentions")
    if mentions.empty:
        return schema.empty(schema.EVENTS)
    rows = mentions.to_dict("records")
    # dated mentions first (they fix the dates), then in order of publication; ties by id, so
    # that the merge of any subset orders its mentions as the merge of the whole does
    order = sorted(range(len(rows)), key=lambda i: (_missing(rows[i]["date"]), _sort_time(rows[i]["published"]),
                                                    rows[i]["mention_id"]))
    events, index = [], _Index()
    for position in order:
        row = rows[position]
        best, best_reason = None, None
        # the closest event it can join (ties: the first made)
        for event in sorted((events[i] for i in index.candidates(row)), key=lambda e: (_closeness(e, row), e.position)):
            best_reason = _why_same(event, row)
            if best_reason and _agrees_with_every(event, row):
                best = event
                break
        if best is None:
            best = _Event(row)
            best.position = len(events)
            events.append(best)
        else:
            best.add(row, best_reason)
        index.add(best)
    frame = pd.DataFrame([event.record() for event in events])
    return sort_events(frame)


def sort_events(events):
    """`events` by date (undated last), then earliest publication, then id; conformed and checked."""
    frame = events.sort_values(["date", "published", "event_id"], na_position="last", kind="stable")
    return schema.check(schema.conform(frame.reset_index(drop=True), schema.EVENTS), schema.EVENTS, "merged events")


def remerge(mentions, merged, new_ids):
    """What changes in `merged`, the merge of `mentions` but those in `new_ids`, when they come.

    Returns (stale, fresh): the ids of the events of `merged` to drop, and the events to put in
    their place. Only the new mentions' `neighbourhood` is merged again, so `merged` without
    `stale`, plus `fresh`, equals `merge_mentions(mentions)`.
    """
    ids = neighbourhood(mentions, new_ids, merged)
    while True:
        fresh = merge_mentions(mentions[mentions["mention_id"].isin(ids)])
        # an event grown from new mentions gathers parties none of them named alone: it may
        # reach mentions outside the neighbourhood, which then belong in it
        reached = neighbourhood(mentions, ids, pd.concat([merged, fresh], ignore_index=True))
        if reached == ids:
            break
        ids = reached
    stale = merged.loc[~merged["mention_ids"].map(ids.isdisjoint), "event_id"]
    return set(stale), fresh


def neighbourhood(mentions, new_ids, events=None):
    """The ids of the mentions whose events a batch of new mentions (`new_ids`) can change.

    Two mentions meet only when they share a key (`_keys`): a pair of parties in a month (a
    party alone meets every pair that holds it), an organization, or the city and day of a
    summit. The mentions of one of `events` are linked together, and to the keys of all the
    parties that event gathers. The neighbourhood is every mention linked to a new one through
    a chain of these: merging it alone and keeping the other events as they were equals
    merging everything again.
    """
    ids = list(mentions["mention_id"])
    position = {mention_id: i for i, mention_id in enumerate(ids)}
    links = _Links(len(ids))
    holders = {}
    for i, row in enumerate(mentions[_KEYED].to_dict("records")):
        for key in _keys(row):
            holders.setdefault(key, []).append(i)
    for event in ([] if events is None else events[_KEYED + ["mention_ids"]].to_dict("records")):
        members = [position[m] for m in event["mention_ids"] if m in position]
        for i in members[1:]:
            links.join(members[0], i)
        for key in _keys(event) if members else []:
            holders.setdefault(key, []).append(members[0])
    months, pairs_of = {}, {}
    for key, held in holders.items():
        for i in held[1:]:
            links.join(held[0], i)
        base, month = key[:-1], key[-1]
        if base[0] != "summit":
            months.setdefault(base, {})[month] = held[0]
        if base[0] == "pair":
            for party in base[1:]:
                pairs_of.setdefault(party, []).append(base)
    # a party alone meets every pair that holds it; a mention of no known time meets every month
    for base, by_month in months.items():
        others = [base] + (pairs_of.get(base[1], []) if base[0] == "party" else [])
        for month, holder in by_month.items():
            for other in others:
                other_months = months.get(other, {})
                for other_month in (other_months if month is None else [month, None]):
                    if other_month in other_months:
                        links.join(holder, other_months[other_month])
    roots = {links.root(position[m]) for m in new_ids if m in position}
    return {ids[i] for i in range(len(ids)) if links.root(i) in roots}


_KEYED = ["countries", "organizations", "kind", "city", "country", "date", "end_date", "date_precision", "published"]


class _Links:
    """Union-find over positions."""

    def __init__(self, n):
        self.parent = list(range(n))

    def root(self, i):
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a, b):
        a, b = self.root(a), self.root(b)
        if a != b:
            self.parent[b] = a


def _keys(row):
    """The keys under which `row` can meet another mention (see `_Index`); the last item of
    each is a month (None: any month), or the day of a summit."""
    if not _missing(row["date"]):
        months = _months(row["date"], _year_end(row["date"], row["end_date"], row["date_precision"]))
    else:
        months = _window(row["published"]) if not _missing(row["published"]) else [None]
    keys = [base + (month,) for base in _bases(row["countries"], row["organizations"]) for month in months]
    if row["kind"] == "summit" and not _missing(row["date"]):
        keys.extend(base + (pd.Timestamp(row["date"]).date(),) for base in _summit_bases(row["country"], row["city"]))
    return keys


class _Index:
    """Which events a mention could merge with, so that merging is not quadratic.

    The rules need the parties to overlap by half, which means a pair of parties in common,
    or one party when either side names only one (`_bases`; with no country, an
    organization); or two summits of one city and day. They need dates on the same day, or in
    the same month when one is coarser than a day or spans days (an undated mention: within
    MAX_UNDATED_GAP_DAYS of its publication). So events are filed under those keys, and a
    mention looks only under its own. The rules themselves still decide; the index only skips
    events that cannot pass them.
    """

    MAX_MONTHS = 36  # a range longer than this is filed under its first and last months only

    def __init__(self):
        # (base, day) -> events of that one day; (base, month) -> every dated event of the month,
        # and apart those that are not one known day; (base, month) -> undated events told then
        self.day, self.month, self.coarse, self.undated, self.ever = {}, {}, {}, {}, {}
        self.pairs_of = {}  # party -> the pair bases holding it
        self.made = 0  # events filed so far

    def add(self, event):
        # an event's date can change as mentions join it: file it again (extra entries are harmless)
        self.made = max(self.made, event.position + 1)
        bases = _bases(event.countries, event.organizations)
        if event.kind == "summit" and not _missing(event.date):
            bases.extend(_summit_bases(event.country, event.city))
        for base in bases:
            _file(self.ever, base, event)
            if base[0] == "pair":
                for party in base[1:]:
                    self.pairs_of.setdefault(party, set()).add(base)
            if _missing(event.date):
                for month in {m for r in event.rows for m in _window(r["published"])}:
                    _file(self.undated, (base, month), event)
                continue
            one_day = _one_day(event.date, event.end_date, event.precision)
            if one_day is not None:
                _file(self.day, (base, one_day), event)
            for month in _months(event.date, _year_end(event.date, event.end_date, event.precision)):
                _file(self.month, (base, month), event)
                if one_day is None:
                    _file(self.coarse, (base, month), event)

    def candidates(self, row):
        """The positions of the events `row` could join (a superset of those it can)."""
        bases = _bases(row["countries"], row["organizations"])
        # one party meets the pairs that hold it, and a pair meets its parties alone
        for base in list(bases):
            if base[0] == "party":
                bases.extend(self.pairs_of.get(base[1], ()))
            elif base[0] == "pair":
                bases.extend(("party", party) for party in base[1:])
        if row["kind"] == "summit" and not _missing(row["date"]):
            bases.extend(_summit_bases(row["country"], row["city"]))
        found = set()
        for base in bases:
            if _missing(row["date"]):
                if _missing(row["published"]):
                    found |= self.ever.get(base, set())
                    continue
                for month in _window(row["published"]):
                    found |= self.month.get((base, month), set()) | self.undated.get((base, month), set())
                continue
            one_day = _one_day(row["date"], row["end_date"], row["date_precision"])
            months = _months(row["date"], _year_end(row["date"], row["end_date"], row["date_precision"]))
            if one_day is None:
                for month in months:
                    found |= self.month.get((base, month), set())
                continue
            found |= self.day.get((base, one_day), set())
            for month in months:
                found |= self.coarse.get((base, month), set())
        return found


def _file(index, key, event):
    index.setdefault(key, set()).add(event.position)


def _one_day(date, end_date, precision):
    """The day a date is, when it is one known day; else None."""
    if precision != "day" or (not _missing(end_date) and pd.Timestamp(end_date) != pd.Timestamp(date)):
        return None
    return pd.Timestamp(date)


def _window(published):
    """The months within MAX_UNDATED_GAP_DAYS of a publication (none if it is not known)."""
    if _missing(published):
        return []
    published = pd.Timestamp(published)
    gap = pd.Timedelta(days=MAX_UNDATED_GAP_DAYS)
    return _months(published - gap, published + gap)


def _bases(countries, organizations):
    """What two mentions whose parties overlap by half share: a pair of their countries, or
    their one country, or (with no country) an organization."""
    countries = sorted(set(countries))
    if len(countries) >= 2:
        return [("pair", a, b) for n, a in enumerate(countries) for b in countries[n + 1:]]
    return [("party", c) for c in countries] or [("org", o) for o in organizations]


def _months(start, end):
    """Month numbers (year * 12 + month) from `start` to `end` (or `start` alone)."""
    if _missing(start):
        return []
    first = pd.Timestamp(start)
    last = pd.Timestamp(end) if not _missing(end) and pd.Timestamp(end) > first else first
    a, b = first.year * 12 + first.month - 1, last.year * 12 + last.month - 1
    if b - a > _Index.MAX_MONTHS:
        return [a, b]
    return list(range(a, b + 1))


def _year_end(start, end, precision):
    """The end of the span a date covers for the index: a date known to the year covers it all."""
    if precision == "year" and not _missing(start):
        return pd.Timestamp(year=pd.Timestamp(start).year, month=12, day=31)
    return end


def _missing(value):
    return value is None or (not isinstance(value, (list, str)) and pd.isna(value))


def _sort_time(value):
    return pd.Timestamp.max if _missing(value) else pd.Timestamp(value)


def _closeness(event, row):
    if _missing(event.date) or _missing(row["published"]):
        return 0
    return abs((pd.Timestamp(event.date) - pd.Timestamp(row["published"])).days)


class _Event:
    def __init__(self, row):
        self.rows = [row]
        self.reasons = []
        self.kind = row["kind"]
        self.status = row["status"]
        self.date, self.end_date = row["date"], row["end_date"]
        self.precision, self.date_text = row["date_precision"], row["date_text"]
        self.city, self.country = row["city"], row["country"]
        self.countries = list(row["countries"])
        self.organizations = list(row["organizations"])

    def add(self, row, reason):
        self.rows.append(row)
        self.reasons.append(reason)
        if KIND_RANK[row["kind"]] > KIND_RANK[self.kind]:
            self.kind = row["kind"]
        if not _missing(row["date"]) and PRECISION_RANK.get(row["date_precision"], -1) > PRECISION_RANK.get(self.precision, -1):
            self.date, self.end_date = row["date"], row["end_date"]
            self.precision, self.date_text = row["date_precision"], row["date_text"]
        self.city = self.city or row["city"]
        self.country = self.country or row["country"]
        self.countries = _union(self.countries, row["countries"])
        self.organizations = _union(self.organizations, row["organizations"])
        # a plan that took place shows as held, one called off as cancelled; otherwise the
        # statuses are equal
        if row["status"] in ("held", "cancelled"):
            self.status = row["status"]

    def record(self):
        rows = self.rows
        first = rows[0]
        absent = _union(*[r["absent"] for r in rows])
        mediators = [m for m in _union(*[r["mediators"] for r in rows]) if m not in absent]
        countries = [c for c in self.countries if c not in absent and c not in mediators]
        mention_ids = [r["mention_id"] for r in rows]
        published = [r["published"] for r in rows if not _missing(r["published"])]
        return {
            "event_id": hashlib.sha256("|".join(sorted(mention_ids)).encode()).hexdigest()[:16],
            "kind": self.kind, "cameo": first["cameo"], "plover_mode": first["plover_mode"], "status": self.status,
            "date": self.date, "end_date": self.end_date, "date_precision": self.precision,
            "date_text": self.date_text, "city": self.city, "country": self.country, "countries": countries,
            "absent": absent, "mediators": mediators, "organizations": self.organizations,
            "heads": _union(*[r["heads"] for r in rows]), "topics": _union(*[r["topics"] for r in rows]),
            "title": first["title"], "evidence": first["evidence"],
            "published": min(published) if published else None, "origin": first["origin"],
            "n_sources": len(rows), "mention_ids": mention_ids,
            "sources": [_source(r) for r in rows], "merge_reasons": list(self.reasons),
        }


def _source(row):
    def whole(value):
        return None if _missing(value) else int(value)
    published = row["published"]
    return {
        "mention_id": row["mention_id"], "article_id": row["article_id"], "article": row["article"],
        "published": None if _missing(published) else pd.Timestamp(published).isoformat(),
        "evidence": row["evidence"], "evidence_start": whole(row["evidence_start"]),
        "evidence_end": whole(row["evidence_end"]), "date_text": row["date_text"],
        "date_start": whole(row["date_start"]), "date_end": whole(row["date_end"]),
    }


def _union(*lists):
    out = []
    for values in lists:
        for value in values or []:
            if value not in out:
                out.append(value)
    return out


def _why_same(event, row):
    """The reason `row` is the same encounter as `event`, or None when a rule says it is not."""
    if any(r["article_id"] == row["article_id"] or _one_ledger(r, row) for r in event.rows):
        return None
    families = {KIND_FAMILY[event.kind], KIND_FAMILY[row["kind"]]}
    if len(families) > 1 and families != SIGNED_AT:
        return None
    dates = _dates_agree(event, row)
    if dates is None:
        return None
    venue = _venue_agrees(event, row)
    if venue is None:
        return None
    status = f"status {row['status']}"
    if event.status != row["status"]:
        plan = _plan_names(event, row, dates)
        if plan is None:
            return None
        status = f"status {row['status']} ~ {event.status}, {plan}"
    parties = _parties_agree(event, row, dates)
    if parties is None:
        return None
    kinds = row["kind"] if row["kind"] == event.kind else f"{row['kind']} ~ {event.kind}"
    return f"{row['mention_id']} from {row['article']}: kind {kinds}; {status}; {parties}; {dates}; {venue}"


def _one_ledger(a, b):
    """True when two mentions are rows of one events file (LEDGERS)."""
    return a["origin"] == b["origin"] and a["origin"] in LEDGERS and a["article"] == b["article"]


def _agrees_with_every(event, row):
    """No chains: `row` joins an event only if it contradicts none of the event's mentions, one
    by one (dates compatible at their precision, no other venue, a party in common), not only
    the event as merged so far. So A~B and B~C with A and C apart do not fuse."""
    for member in event.rows:
        alone = _Event(member)
        if _dates_agree(alone, row) is None or _venue_agrees(alone, row) is None:
            return False
        if (member["countries"] or row["countries"]) and not set(member["countries"]) & set(row["countries"]):
            return False
    return True


def _plan_names(event, row, dates):
    """Why a planned mention and a held or a cancelled one are one encounter, or None: the plan
    must name that occurrence, by its day or by its city ("will meet in Geneva next month" and
    "met in Geneva"; "the summit in Luanda on Friday" and "Friday's Luanda summit was called off")."""
    if {event.status, row["status"]} not in ({"held", "planned"}, {"cancelled", "planned"}):
        return None
    if dates.startswith("same day"):
        return "the plan names its day"
    if event.city and event.city == row["city"]:
        return "the plan names its city"
    return None


def _parties_agree(event, row, dates):
    a, b = set(event.countries), set(row["countries"])
    if a or b:
        overlap = len(a & b) / len(a | b) if a | b else 0.0
        if overlap < MIN_OVERLAP:
            if not (_one_summit(event, row) and a & b and dates.startswith("same day")):
                return None
            return f"one summit, same day and country, sharing {'/'.join(sorted(a & b))}"
        if dates.startswith("undated") and len(a & b) < min(2, len(b)):
            return None  # an undated mention of a pair joins an encounter of that pair, not one of a party of it
        return f"participants overlap {'/'.join(sorted(a & b))} ({overlap:.2f})"
    shared = set(event.organizations) & set(row["organizations"])
    return f"same organization {'/'.join(sorted(shared))}" if shared else None


def _dates_agree(event, row):
    if _missing(event.date) and _missing(row["date"]):
        # two undated mentions are one encounter only if told at about the same time
        if not all(_missing(r["published"]) or _near(r["published"], row["published"]) for r in event.rows):
            return None
        return "both undated, told within weeks"
    if _missing(row["date"]):
        if not _near(event.date, row["published"]):
            return None
        return f"undated, takes {pd.Timestamp(event.date):%Y-%m-%d}"
    if _missing(event.date):
        if not all(_near(row["date"], r["published"]) for r in event.rows):
            return None
        return f"dates {pd.Timestamp(row['date']):%Y-%m-%d}, the event had none"
    return dates_agree(_When(event.date, event.end_date, event.precision),
                       _When(row["date"], row["end_date"], row["date_precision"]))


class _When:
    """A dated report as `loaders.dates.dates_agree` reads it (a missing end date is None)."""

    def __init__(self, date, end_date, precision):
        self.date, self.precision = pd.Timestamp(date), precision
        self.end_date = None if _missing(end_date) else pd.Timestamp(end_date)


def _near(day, published):
    if _missing(published):
        return True
    return abs((pd.Timestamp(day) - pd.Timestamp(published)).days) <= MAX_UNDATED_GAP_DAYS


def _one_summit(event, row):
    """Two summits in one country (or one city): told on the same day, they are one summit,
    which sources name by different places (the resort, or the town it belongs to) and parties."""
    return event.kind == row["kind"] == "summit" and (
        bool(event.country) and event.country == row["country"] or bool(event.city) and event.city == row["city"])


def _close(city, other, country):
    """Whether two cities of `country` lie within SAME_PLACE_KM of each other (great circle)."""
    a, b = coordinates(city, country), coordinates(other, country)
    if a is None or b is None:
        return False
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h)) <= SAME_PLACE_KM


def _summit_bases(country, city):
    """The index keys of a summit's place (`_one_summit`)."""
    return [("summit", "country", country)] * bool(country) + [("summit", "city", city)] * bool(city)


def _venue_agrees(event, row):
    if event.country and row["country"] and event.country != row["country"]:
        return None
    if event.city and row["city"] and event.city != row["city"]:
        if _one_summit(event, row) and str(_dates_agree(event, row)).startswith("same day"):
            return f"one summit in {row['country']}, told at {event.city} and at {row['city']}"
        if _close(event.city, row["city"], event.country or row["country"]):
            return f"one place told as {event.city} and as {row['city']}, within {SAME_PLACE_KM} km"
        return None
    if event.country and row["country"]:
        return f"same venue {row['city'] or ''} {row['country']}".replace("  ", " ")
    return "venue not known on both sides"
