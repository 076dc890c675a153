"""Count a set's extraction failures by category, printing no text: safe on a blind set.

    .venv/bin/python tools/score_devset.py --set devset2 --part blind --categories

Each required gold event the per-article score misses, each matched event with a wrong date,
and each extra mention is put in one category (the first that applies, in the order below),
and only the counts are printed. A rule is fixed by category, never by article: these counts
say which category to work on without showing a blind article.

Missed events:
- status: a mention of the article left unmatched has the event's parties but another status;
- parties: one with its status shares a party but not half of them (too many, too few);
- folded: the sentence that tells it gave a mention, which went to another encounter;
- no trigger: no word of the trigger table in the sentences that tell it;
- blocked: its trigger words all sit inside a phrase that is no encounter;
- dropped: a trigger word, but no mention from its sentences.
Wrong dates: undated, coarser than the day, a day within a week, the month right, the year
right, another year, a day given where the article gives none.
Extras: in an article with no gold event; a second mention of a matched event (its date, or
none); the parties and status of a matched event on another date; the status or the parties of
a missed event; else a false alarm, by kind.
"""
from collections import Counter
from datetime import date
from pathlib import Path

from loaders import merge
from loaders.extraction import mentions_to_records
from loaders.extraction.patterns import _NOT_ENCOUNTER_RE, _TRIGGER_RE


def categories(scorer, gold, records, texts, listing=None):
    """Counter of (section, category) over the set; `texts` maps file name -> article text.
    A list as `listing` gets one line per failure (its file, category and gold or mention)."""
    counts = _Counts(listing)
    by_file = {}
    for record in records:
        by_file.setdefault(Path(str(record.get("article") or "")).name, []).append(record)
    files = {g["file"] for g in gold}
    for name in sorted(set(by_file) - files):
        for record in by_file[name]:
            counts.add("extra", "in an article with no gold event", record)
    for name in sorted(files):
        golds = [g for g in gold if g["file"] == name]
        _count_article(scorer, golds, by_file.get(name, []), texts.get(name, ""), counts)
    return counts


def _count_article(scorer, golds, preds, text, counts):
    pairs = sorted(((s, gi, pi, tl) for gi, g in enumerate(golds) for pi, p in enumerate(preds)
                    for det, tl, s in [scorer._pair(g, p)] if det), reverse=True)
    used_g, used_p = {}, set()
    for _, gi, pi, tl in pairs:
        if gi not in used_g and pi not in used_p:
            used_g[gi] = (pi, tl)
            used_p.add(pi)
    missed = [gi for gi, g in enumerate(golds) if not g.get("borderline") and gi not in used_g]
    for gi, (pi, tl) in used_g.items():
        if not tl and not golds[gi].get("borderline"):
            counts.add("wrong date", _date_category(golds[gi], preds[pi]), golds[gi])
    for gi in missed:
        counts.add("missed", _missed_category(scorer, golds[gi], preds, used_p, text), golds[gi])
    for pi in sorted(set(range(len(preds))) - used_p):
        counts.add("extra", _extra_category(scorer, golds, missed, used_g, preds[pi]), preds[pi])


class _Counts(Counter):
    """Counts of (section, category), and a line per failure in `listing` when it is a list."""

    def __init__(self, listing=None):
        super().__init__()
        self.listing = listing

    def add(self, section, category, record):
        self[section, category] += 1
        if self.listing is not None:
            name = Path(str(record.get("file") or record.get("article") or "")).name
            self.listing.append(f"{name}: {section}: {category}: {record.get('status')} {record.get('kind')} "
                                f"{record.get('date')} {sorted(record.get('countries') or [])}")


def _near(scorer, gold, pred):
    """'status' or 'parties' when `pred` is `gold` but for that field, else None."""
    g, p = scorer._codes(gold.get("countries")), scorer._codes(pred.get("countries"))
    overlap = len(g & p) / len(g | p) if g | p else 1.0
    if (gold.get("status") or "held") != (pred.get("status") or "held"):
        return "status" if overlap >= 0.5 else None
    return "parties" if g & p or not (g and p) else None


def _missed_category(scorer, gold, preds, used_p, text):
    near = [None if i in used_p else _near(scorer, gold, p) for i, p in enumerate(preds)]
    if "status" in near:
        return f"status: {gold.get('status') or 'held'} told as {preds[near.index('status')].get('status') or 'held'}"
    if "parties" in near:
        pred = preds[near.index("parties")]
        g, p = scorer._codes(gold.get("countries")), scorer._codes(pred.get("countries"))
        return "parties: too many" if g < p else "parties: too few" if p < g else "parties: other"
    fragments = [f.strip() for f in str(gold.get("evidence") or "").split(" | ") if f.strip()]
    if any(_told_in(f, str(p.get("evidence") or "")) for f in fragments for p in preds):
        return "folded into another mention"
    told = " ".join(f for f in fragments if f in text) or " ".join(fragments)
    words = [(m.start(), m.end()) for m in _TRIGGER_RE.finditer(told)]
    if not words:
        return "no trigger word"
    blocked = [(m.start(), m.end()) for m in _NOT_ENCOUNTER_RE.finditer(told)]
    if all(any(s <= a and b <= e for s, e in blocked) for a, b in words):
        return "trigger blocked"
    return "trigger word, no mention"


def _told_in(fragment, evidence):
    return bool(evidence) and (fragment in evidence or evidence in fragment)


def _date_category(gold, pred):
    want, got = gold.get("date"), pred.get("date")
    got = str(got)[:10] if got else None
    if want is None:
        return "a day where the article gives none"
    if got is None:
        return "undated"
    if len(want) > 7 and gold.get("date_precision") != "month" and (pred.get("date_precision") or "day") != "day":
        return "coarser than the day"
    gap = abs((_day(got) - _day(want[:10])).days)
    if gap <= 7:
        return "within a week"
    if got[:7] == want[:7]:
        return "right month"
    return "right year" if got[:4] == want[:4] else "another year"


def _day(text):
    return date.fromisoformat(text[:10] if len(text) >= 10 else text[:7] + "-01")


def _extra_category(scorer, golds, missed, used_g, pred):
    twins = [golds[gi] for gi in used_g if scorer._pair(golds[gi], pred)[0] and not golds[gi].get("borderline")]
    if any(scorer._pair(g, pred)[1] or not pred.get("date") for g in twins):
        return "second mention of a matched event"
    if twins:
        return "the parties of a matched event, another date"
    near = {_near(scorer, golds[gi], pred) for gi in missed}
    if "status" in near:
        return "status of a missed event"
    if "parties" in near:
        return "parties of a missed event"
    return f"false alarm: {pred.get('status')} {pred.get('kind')}"


def print_counts(counts):
    for section in ("missed", "wrong date", "extra", "merge"):
        rows = sorted(((n, c) for (s, c), n in counts.items() if s == section), reverse=True)
        if not rows:
            continue
        print(f"{section} {sum(n for n, _ in rows)}: " + ", ".join(f"{c} {n}" for n, c in rows))


def merge_categories(scorer, gold, mentions, events):
    """Counter of how the merge treats the encounters told by several articles, printing no text.

    `mentions` is the MENTIONS frame extracted from the set, `events` its merge (EVENTS). Each
    gold record is paired with a mention by the per-article rules; an encounter whose tellings
    are found then lands in one event ("merged whole"), or in several ("split", by the first
    rule of the merge the two tellings break: kind, dates, venue, status, parties); an event
    holding the tellings of two encounters "carries another encounter"."""
    counts = Counter()
    rows = mentions.to_dict("records")
    records = mentions_to_records(mentions)
    event_of = {m: n for n, ids in enumerate(events["mention_ids"]) for m in ids}
    paired = {}  # gold index -> mention position
    for name in sorted({g["file"] for g in gold}):
        golds = [(i, g) for i, g in enumerate(gold) if g["file"] == name]
        preds = [(j, r) for j, r in enumerate(records) if Path(str(r.get("article") or "")).name == name]
        pairs = sorted(((s, i, j) for i, g in golds for j, p in preds for det, _, s in [scorer._pair(g, p)] if det),
                       reverse=True)
        used = set()
        for _, i, j in pairs:
            if i not in paired and j not in used:
                paired[i] = j
                used.add(j)
    clusters = {}
    for i, g in enumerate(gold):
        if not g.get("borderline"):
            clusters.setdefault(g.get("event") or f"#{i}", []).append(i)
    owner = {}
    for slug, members in clusters.items():
        for i in members:
            if i in paired:
                owner.setdefault(event_of[rows[paired[i]]["mention_id"]], set()).add(slug)
        if len({gold[i]["file"] for i in members}) < 2:
            continue
        found = [paired[i] for i in members if i in paired]
        homes = {event_of[rows[j]["mention_id"]] for j in found}
        if not found:
            counts["merge", "no telling found"] += 1
        elif len(homes) == 1:
            counts["merge", "merged whole" if len(found) == len(members) else "merged, some tellings not found"] += 1
        else:
            a, b = next((rows[x], rows[y]) for x in found for y in found
                        if event_of[rows[x]["mention_id"]] != event_of[rows[y]["mention_id"]])
            counts["merge", f"split: {_broken_rule(merge, a, b)}"] += 1
    slug_of = {rows[j]["mention_id"]: next(s for s, members in clusters.items() if i in members)
               for i, j in paired.items() if not gold[i].get("borderline")}
    for n, slugs in owner.items():
        if len(slugs) < 2:
            continue
        # how a telling of another encounter joined: the date clause of its merge reason
        first = slug_of.get(events["mention_ids"].iloc[n][0])
        reasons = [r for r in events["merge_reasons"].iloc[n] if slug_of.get(r.split(" ", 1)[0]) not in (None, first)]
        how = reasons[0].split("; ")[3].split(" ")[0:2] if reasons and len(reasons[0].split("; ")) > 3 else ["?"]
        counts["merge", f"carries another encounter, joined by: {' '.join(how)}"] += 1
    return counts


def _broken_rule(merge, a, b):
    """The first rule of `loaders.merge` two mentions of one encounter break."""
    one = merge._Event(a)
    families = {merge.KIND_FAMILY[a["kind"]], merge.KIND_FAMILY[b["kind"]]}
    if len(families) > 1 and families != merge.SIGNED_AT:
        return "kind"
    dates = merge._dates_agree(one, b)
    if dates is None:
        return "dates"
    if merge._venue_agrees(one, b) is None:
        return "venue"
    if a["status"] != b["status"] and merge._plan_names(one, b, dates) is None:
        return "status"
    if merge._parties_agree(one, b, dates) is None:
        return "parties"
    return "no chains (another member disagrees)"
