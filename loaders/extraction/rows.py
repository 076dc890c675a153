"""Stage 4, the frame: `extract_mentions(articles) -> MENTIONS frame`, one row per (article,
encounter), with each row's explanation (`--explain`), and `mentions_to_records`.
"""

import dataclasses
import hashlib
import re
from datetime import datetime, timedelta

import pandas as pd

from loaders import schema
from loaders.extraction.clause import _absent_in, _attendance, _roll_call, _triggers
from loaders.extraction.discourse import (
    _attach_lone_heads,
    _bare_rounds,
    _chronologies,
    _count_days,
    _date_from_gathering,
    _date_from_lede,
    _date_from_paragraph,
    _date_live_entries,
    _date_meetings_in_visit,
    _date_visits_from_meetings,
    _date_visits_under_way,
    _days_apart,
    _first_since,
    _last_time,
    _meetings_on_a_visit,
    _off_the_field,
    _rescheduled,
    _same_place,
    _split_tours,
    _their_encounters,
    _travellers,
    _two_sides,
)
from loaders.extraction.fold import _finish, _fold
from loaders.extraction.model import _Article
from loaders.extraction.patterns import (
    _ANY_MEDIATOR_RE,
    _ATTENDANCE_RE,
    CAMEO,
    ONE_DAY_KINDS,
)
from loaders.gazetteer import find_places
from loaders.topics import topics_of


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
    # (read once: the sentences without a trigger are asked again below)
    absent_in = {sentence.start: _absent_in(article, sentence) for sentence in article.sentences}
    for codes in absent_in.values():
        article.absent |= codes
    candidates = []
    for sentence in article.sentences:
        found = _triggers(article, sentence)
        if not found and (_ATTENDANCE_RE.search(sentence.text) or absent_in[sentence.start] or
                          _ANY_MEDIATOR_RE.search(sentence.text)):
            found = [_attendance(article, sentence)]
            article.brokers |= set(found[0].mediators)
        elif not found and _roll_call(article, sentence, candidates):
            found = [_attendance(article, sentence, roll_call=True)]
        candidates.extend(found)
        if article.sentence_index[sentence.start] <= article.lede:
            # who brokers the encounter the article opens with brokers its process
            article.brokers |= {code for c in found for code in c.mediators}
    candidates = _rescheduled(article, _chronologies(article, _off_the_field(article, candidates)))
    _attach_lone_heads(article, candidates)
    _count_days(article, candidates)
    _first_since(article, candidates)
    _two_sides(candidates)
    _same_place(article, candidates)
    _last_time(article, candidates)
    _bare_rounds(article, candidates)
    _days_apart(article, candidates)
    groups = _fold(article, candidates)
    _date_from_lede(article, groups, candidates)
    _date_from_paragraph(article, groups)
    _date_live_entries(article, groups)
    _date_from_gathering(article, groups)
    _date_visits_from_meetings(groups)
    _date_visits_under_way(article, groups)
    _date_meetings_in_visit(article, groups)
    _meetings_on_a_visit(groups)
    _their_encounters(article, groups)
    _travellers(article, groups)
    groups = _split_tours(article, groups)
    rows, ids = [], set()
    for group in groups:
        row = _row(record, article, group, published)
        if row:
            if row["mention_id"] in ids:  # two encounters of one sentence, kind and status
                key = f"{row['mention_id']}|{group.members[0].start}"
                row["mention_id"] = hashlib.sha256(key.encode()).hexdigest()[:16]
            ids.add(row["mention_id"])
            rows.append(row)
    return rows


def _row(record, article, group, published):
    countries, absent, mediators = _finish(article, group)
    status = group.status
    mention = _weekday_of_status(group.date, status, published)
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
        elif group.days is None and group.kind in ONE_DAY_KINDS:
            # "the Brazil-Portugal summit ended on Monday with 15 agreements": a meeting, a
            # summit or talks whose length is not told are taken to have lasted that one day
            event_date, end_date, precision = end_date, None, "day"
    if event_date is not None and group.ends is not None and precision == "day" and end_date is None:
        last = pd.Timestamp(group.ends.end_date or group.ends.date)
        end_date = last if last > event_date else None
    spans = [(article.sentences[i].start, article.sentences[i].end) for i in sorted(group.sentences)]
    evidence = " | ".join(article.text[s:e] for s, e in spans)
    kind = group.kind
    if not countries and not group.organizations:
        return None
    if len(countries) == 1 and group.kind not in ("summit", "call") and not mediators and not group.organizations and \
            group.country in (None, countries[0]):
        # one state alone at home, nobody brokering: coalition talks, a factory visit, a
        # company's signing; talks with an armed group abroad or under mediators stay, and so
        # do a summit (its other members unnamed) and a call (its other end unnamed)
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
    if group.tour_stop is not None:  # so do the countries of one tour
        key += f"|{group.tour_stop}"
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


def _weekday_of_status(mention, status, published):
    """A bare weekday read in the wrong direction for the encounter's status ("agreed to host the
    round during a call on Sunday", read forward by "to host") is the week's other occurrence:
    the one before the publication day for a held encounter, after it for a planned one."""
    if mention is None or mention.rule != "weekday" or mention.end_date is not None or \
            _date_fits(mention, status, published) or \
            re.search(r"\b(?:next|this|last|coming|past)\b", mention.text, re.I):
        return mention
    shift = timedelta(days=-7 if status == "held" else 7)
    moved = dataclasses.replace(mention, date=mention.date + shift)
    return moved if _date_fits(moved, status, published) else mention


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
