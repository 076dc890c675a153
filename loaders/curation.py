"""Human corrections to the events: edit, delete, merge, split; re-applied after every rebuild.

People fix what the extraction got wrong, and that work must survive a re-ingest or a
re-extraction with better rules. Event ids do not survive those (they hash the mentions merged),
so a correction names its event by **anchors**: the event's sources as
'article_id@evidence_start'. After events are rebuilt from the mentions, each correction is
applied, in the order made, to the event(s) holding any of its anchors. A correction whose
anchors no longer match an event (its article was removed, or the extraction no longer finds
the sentence) is kept and reported as unmatched, with the reason, not applied; it applies again
if its event comes back.

Corrections are rows of `schema.CORRECTIONS`; `apply_corrections` is pure.
"""
import json

import numpy as np
import pandas as pd

from loaders import schema
from loaders.errors import ParleyError

ACTIONS = ("edit", "delete", "merge", "split")
KINDS = schema.KIND_NAMES
STATUSES = ("held", "planned", "cancelled")
PRECISIONS = schema.PRECISIONS


def anchor(source):
    """The anchor of one source dict: 'article_id@evidence_start'."""
    return f"{source.get('article_id')}@{source.get('evidence_start')}"


def anchors_of(event):
    """The anchors of an event row (a dict or a Series with `sources`)."""
    return [anchor(s) for s in event["sources"]]


def validate_changes(changes):
    """Return `changes` (field -> new value) cleaned, or raise ParleyError naming the bad field.

    >>> validate_changes({"status": "held", "countries": "usa; rus"})
    {'status': 'held', 'countries': ['USA', 'RUS']}
    """
    from loaders.gazetteer import is_country_code

    clean = {}
    for name, value in changes.items():
        if name not in schema.EDITABLE:
            raise ParleyError(f"field '{name}' cannot be edited; expected one of {list(schema.EDITABLE)}")
        if name in ("countries", "absent", "mediators", "topics", "heads"):
            items = value.split(";") if isinstance(value, str) else list(value or [])
            items = [str(v).strip() for v in items if str(v).strip()]
            if name != "heads" and name != "topics":
                items = [v.upper() for v in items]
                bad = [v for v in items if not is_country_code(v)]
                if bad:
                    raise ParleyError(f"{name}: {bad} are not ISO 3166-1 alpha-3 codes (expected e.g. 'USA; RUS')")
            value = items
        elif name in ("date", "end_date"):
            if value in (None, ""):
                value = None
            else:
                try:
                    value = pd.Timestamp(value).strftime("%Y-%m-%d")
                except (ValueError, TypeError):
                    raise ParleyError(f"{name}: {value!r} is not a date; expected YYYY-MM-DD") from None
        elif name == "country":
            value = (value or "").strip().upper() or None
            if value and not is_country_code(value):
                raise ParleyError(f"country: {value!r} is not an ISO 3166-1 alpha-3 code")
        elif name in ("kind", "status", "date_precision"):
            allowed = {"kind": KINDS, "status": STATUSES, "date_precision": PRECISIONS}[name]
            if value not in allowed:
                raise ParleyError(f"{name}: {value!r} is not allowed; expected one of {list(allowed)}")
        else:
            value = (str(value).strip() or None) if value is not None else None
        clean[name] = value
    overlap = set(clean.get("countries", [])) & set(clean.get("absent", []))
    if overlap:
        raise ParleyError(f"countries and absent share {sorted(overlap)}; a country is either a participant or absent")
    return clean


def apply_corrections(events, mentions, corrections):
    """Apply `corrections` (CORRECTIONS rows, in order) to `events` (EVENTS frame).

    `mentions` (MENTIONS frame) supplies the rows of a split-off event. Undone corrections are
    skipped. Returns (events, unmatched): the corrected EVENTS frame and, for each correction
    that no longer matches an event, {correction_id: why}.
    """
    from loaders.merge import merge_mentions

    rows = events.to_dict("records")
    unmatched = {}
    for correction in corrections.sort_values("correction_id").to_dict("records"):
        if correction["undone"]:
            continue
        number = correction["correction_id"]
        targets = set(correction["anchors"])
        index = next((i for i, row in enumerate(rows) if targets & set(anchors_of(row))), None)
        if index is None:
            unmatched[number] = (f"its sources {sorted(targets)} were not found (the article is gone, or the "
                                 "extraction no longer finds an encounter in that sentence)")
            continue
        action = correction["action"]
        if action == "edit":
            rows[index] = _edited(rows[index], json.loads(correction["changes"] or "{}"))
        elif action == "delete":
            rows.pop(index)
        elif action == "merge":
            others = set(correction["other_anchors"])
            other = next((i for i, row in enumerate(rows) if i != index and others & set(anchors_of(row))), None)
            if other is None:
                unmatched[number] = f"the event to merge in, with sources {sorted(others)}, was not found"
                continue
            rows[index] = _merged(rows[index], rows[other], correction["reason"])
            rows.pop(other)
        elif action == "split":
            split_off = set(correction["other_anchors"])
            kept_sources = [s for s in rows[index]["sources"] if anchor(s) not in split_off]
            gone_ids = {mention_id for source, mention_id in _sources_with_ids(rows[index])
                        if anchor(source) in split_off}
            part = mentions[mentions["mention_id"].isin(gone_ids)]
            if not kept_sources or part.empty:
                unmatched[number] = (f"nothing left to split: the event no longer holds both the sources "
                                     f"split off {sorted(split_off)} and others")
                continue
            row = dict(rows[index])
            row["sources"] = kept_sources
            row["mention_ids"] = [m for m in row["mention_ids"] if m not in gone_ids]
            row["n_sources"] = len(kept_sources)
            row["merge_reasons"] = list(row["merge_reasons"]) + [f"split by hand: {correction['reason'] or 'no reason given'}"]
            rows[index] = row
            rows.extend(merge_mentions(part).to_dict("records"))
    frame = pd.DataFrame(rows, columns=schema.names(schema.EVENTS)) if rows else schema.empty(schema.EVENTS)
    return schema.conform(frame, schema.EVENTS), unmatched


def _sources_with_ids(row):
    """(source, mention_id) pairs; sources and mention_ids are parallel lists in EVENTS."""
    return [(source, source.get("mention_id") or mention_id)
            for source, mention_id in zip(row["sources"], row["mention_ids"])]


def _edited(row, changes):
    row = dict(row)
    for name, value in changes.items():
        row[name] = pd.Timestamp(value) if name in ("date", "end_date") and value else value
    if "absent" in changes:
        row["countries"] = [c for c in row["countries"] if c not in set(changes["absent"])]
    return row


def _merged(row, other, reason):
    row = dict(row)
    absent = set(row["absent"]) | set(other["absent"])
    for name in ("countries", "mediators", "organizations", "heads", "topics", "absent"):
        row[name] = list(dict.fromkeys(list(row[name]) + list(other[name])))
    row["countries"] = [c for c in row["countries"] if c not in absent]
    for name in ("date", "end_date", "city", "country", "date_text"):
        if _missing(row[name]) and not _missing(other[name]):
            row[name] = other[name]
    if row["date_precision"] == "unknown":
        row["date_precision"] = other["date_precision"]
    row["sources"] = list(row["sources"]) + list(other["sources"])
    row["mention_ids"] = list(row["mention_ids"]) + list(other["mention_ids"])
    row["n_sources"] = len(row["sources"])
    row["merge_reasons"] = list(row["merge_reasons"]) + list(other["merge_reasons"]) + [
        f"merged by hand with '{other['title']}': {reason or 'no reason given'}"]
    return row


def _missing(value):
    return value is None or (not isinstance(value, (list, tuple)) and pd.isna(value))


# -- for the dashboard's curation forms ------------------------------------------------------

def current_value(event, name):
    """An event's field in the form `validate_changes` returns, so the two can be compared.

    >>> current_value({"date": pd.Timestamp("2025-02-18"), "countries": ["USA"]}, "date")
    '2025-02-18'
    """
    value = event.get(name)
    if isinstance(value, (list, tuple, np.ndarray)):
        return [str(v) for v in list(value)]
    if _missing(value):
        return None
    if name in ("date", "end_date"):
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    return str(value).strip() or None


def changes_from(event, values):
    """The fields of a filled-in form that differ from `event`: {field: value as entered}.

    `values` maps EDITABLE fields to what the form holds (lists may be 'USA; RUS' text). A
    changed value that does not validate is kept as entered, so that Store.edit_event refuses
    it with its message naming the field.

    >>> changes_from({"status": "held", "countries": ["USA", "RUS"]}, {"status": "held", "countries": "usa; rus"})
    {}
    """
    changes = {}
    for name, value in values.items():
        try:
            clean = validate_changes({name: value})[name]
        except ParleyError:
            if value != event.get(name):  # an odd value left as it was is no change
                changes[name] = value
            continue
        if clean != current_value(event, name):
            changes[name] = value
    return changes


def describe(corrections, events):
    """One readable line per correction, for a table people scan.

    Takes a CORRECTIONS frame and the current EVENTS frame (to name an edited event by its title
    now). Returns a frame with columns correction_id, at, action, event (the title of the event
    corrected), change ('status: held → planned'; 'deleted'; 'merged in: <title>'; 'split off
    2 sources: <articles>'), reason, undone.
    """
    titles = {a: row["title"] for row in events.to_dict("records") for a in anchors_of(row)}
    rows = []
    for correction in corrections.to_dict("records"):
        before = json.loads(correction["before"] or "{}")
        changes = json.loads(correction["changes"] or "{}")
        action = correction["action"]
        if action == "edit":
            title = next((titles[a] for a in correction["anchors"] if a in titles), None) or before.get("title")
            change = "; ".join(f"{name}: {_shown(before.get(name))} → {_shown(value)}" for name, value in changes.items())
        elif action == "merge":
            first, second = (before.get("events") or [{}, {}])[:2]
            title, change = first.get("title"), f"merged in: {second.get('title')}"
        elif action == "split":
            gone = set(correction["other_anchors"])
            articles = sorted({s.get("article") for s in before.get("sources", []) if anchor(s) in gone} - {None})
            title = before.get("title")
            change = f"split off {len(gone)} source{'s' if len(gone) != 1 else ''}: {', '.join(articles)}"
        else:
            title, change = before.get("title"), "deleted"
        rows.append(dict(correction_id=correction["correction_id"], at=correction["at"], action=action,
                         event=title or ", ".join(correction["anchors"]), change=change,
                         reason=correction["reason"], undone=bool(correction["undone"])))
    return pd.DataFrame(rows, columns=["correction_id", "at", "action", "event", "change", "reason", "undone"])


def _shown(value):
    """A before/after value as short text: lists joined, no value as '—', midnight times cut."""
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value)) or "—"
    if value is None or value == "" or value == "NaT":
        return "—"
    text = str(value)
    return text[:10] if text.endswith(" 00:00:00") else text
