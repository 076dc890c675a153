"""One real-world encounter told by many sources: `merge_mentions(mentions) -> EVENTS frame`.

One row of the result is one encounter, the merge of one or more mentions (`schema.EVENTS`:
the event fields, plus `n_sources`, `mention_ids`, `sources` and `merge_reasons`).

Two mentions are one encounter when all of these hold (`RULES`, checked in order):

- they come from different sources (one article's mentions are already one per encounter);
- their kinds are compatible: meeting, talks and summit are one family; a visit is a visit; a
  call is a call; a signing joins the meeting where it was signed;
- their statuses agree: equal, or held and planned for the same day (a preview and a report);
- their participants overlap (Jaccard >= `MIN_OVERLAP` of the countries), or both name none
  but share an organization;
- their dates are compatible: equal at the coarser precision (day, month, or year for a date
  known to the year), or one inside the other's range;
  an undated mention joins a dated one and takes its date;
- where both name a venue, the same country and (where both name one) the same city;
- no chains: the mention contradicts none of the event's mentions taken one by one (dates,
  venue, a party in common), not only the event merged so far (complete link).

Each merge writes one line to `merge_reasons` ("<mention> from <article>: ..."), so it can be
shown and undone. Nothing is dropped: every mention's source is in `sources`.

    >>> merge_mentions(schema.empty(schema.MENTIONS)).empty
    True
"""
import hashlib

import pandas as pd

from loaders import schema
from loaders.dates import dates_agree

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
    # dated mentions first (they fix the dates), then in order of publication
    order = sorted(range(len(rows)), key=lambda i: (_missing(rows[i]["date"]), _sort_time(rows[i]["published"]), i))
    events, index = [], _Index()
    for position in order:
        row = rows[position]
        best, best_reason = None, None
        for event in (events[i] for i in index.candidates(row)):
            reason = _why_same(event, row)
            if reason and not _agrees_with_every(event, row):
                reason = None
            if reason and (best is None or _closeness(event, row) < _closeness(best, row)):
                best, best_reason = event, reason
        if best is None:
            best = _Event(row)
            best.position = len(events)
            events.append(best)
        else:
            best.add(row, best_reason)
        index.add(best)
    frame = pd.DataFrame([event.record() for event in events])
    frame = frame.sort_values(["date", "published"], na_position="last", kind="stable")
    return schema.check(schema.conform(frame, schema.EVENTS), schema.EVENTS, "merged events")


class _Index:
    """Which events a mention could merge with, so that merging is not quadratic.

    The rules need a shared participant (or, with none, a shared organization) and dates in
    the same month or overlapping ranges (an undated mention: within MAX_UNDATED_GAP_DAYS of
    its publication). So events are filed under (party, month) for every month their dates
    cover, and a mention looks only under its own parties and months. The rules themselves
    still decide; the index only skips events that cannot pass them.
    """

    MAX_MONTHS = 36  # a range longer than this is filed under its first and last months only

    def __init__(self):
        self.by_month, self.undated, self.by_party = {}, {}, {}

    def add(self, event):
        # an event's date can change as mentions join it: file it again (extra entries are harmless)
        for key in _party_keys(event.countries, event.organizations):
            self.by_party.setdefault(key, set()).add(event.position)
            if _missing(event.date):
                self.undated.setdefault(key, set()).add(event.position)
            for month in _months(event.date, _year_end(event.date, event.end_date, event.precision)):
                self.by_month.setdefault((key, month), set()).add(event.position)

    def candidates(self, row):
        found = set()
        for key in _party_keys(row["countries"], row["organizations"]):
            if _missing(row["date"]):
                if _missing(row["published"]):
                    found |= self.by_party.get(key, set())
                    continue
                published = pd.Timestamp(row["published"])
                gap = pd.Timedelta(days=MAX_UNDATED_GAP_DAYS)
                months = _months(published - gap, published + gap)
                found |= self.undated.get(key, set())
            else:
                months = _months(row["date"], _year_end(row["date"], row["end_date"], row["date_precision"]))
            for month in months:
                found |= self.by_month.get((key, month), set())
        return sorted(found)


def _party_keys(countries, organizations):
    return list(countries) if len(countries) else [f"org:{o}" for o in organizations]


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
        # the latest source tells the status on its day ("will meet" then "met")
        latest = max(self.rows, key=lambda r: _sort_time(r["published"]) if not _missing(r["published"]) else pd.Timestamp.min)
        self.status = latest["status"]

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
    if any(r["article_id"] == row["article_id"] for r in event.rows):
        return None
    families = {KIND_FAMILY[event.kind], KIND_FAMILY[row["kind"]]}
    if len(families) > 1 and families != SIGNED_AT:
        return None
    dates = _dates_agree(event, row)
    if dates is None:
        return None
    if event.status != row["status"] and not (
            {event.status, row["status"]} == {"held", "planned"} and dates.startswith("same day")):
        return None
    parties = _parties_agree(event, row)
    if parties is None:
        return None
    venue = _venue_agrees(event, row)
    if venue is None:
        return None
    kinds = row["kind"] if row["kind"] == event.kind else f"{row['kind']} ~ {event.kind}"
    return (f"{row['mention_id']} from {row['article']}: kind {kinds}; status {row['status']}; "
            f"{parties}; {dates}; {venue}")


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


def _parties_agree(event, row):
    a, b = set(event.countries), set(row["countries"])
    if a or b:
        overlap = len(a & b) / len(a | b) if a | b else 0.0
        if overlap < MIN_OVERLAP:
            return None
        return f"participants overlap {'/'.join(sorted(a & b))} ({overlap:.2f})"
    shared = set(event.organizations) & set(row["organizations"])
    return f"same organization {'/'.join(sorted(shared))}" if shared else None


def _dates_agree(event, row):
    if _missing(event.date) and _missing(row["date"]):
        return "both undated"
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


def _venue_agrees(event, row):
    if event.country and row["country"] and event.country != row["country"]:
        return None
    if event.city and row["city"] and event.city != row["city"]:
        return None
    if event.country and row["country"]:
        return f"same venue {row['city'] or ''} {row['country']}".replace("  ", " ")
    return "venue not known on both sides"
