"""Extract events from a gold set's articles and score them with the shared scorer.

    .venv/bin/python tools/score_devset.py [--set devset|devset2|seed | --folder DIR]
                                           [--part all|tuned|blind] [--merged] [--out PRED.jsonl]
                                           [--details | --categories]

--folder scores any set laid out as the shared ones (DIR/articles/*.txt and DIR/gold.jsonl).

Writes the predictions as JSON Lines to --out (default: test-artifacts/<set>[-<part>].jsonl):
one object per mention (`loaders.extraction.mentions_to_records`), or with --merged one per
merged event (`loaders.merge.merge_mentions`), and runs ../shared/tools/score_events.py on
them against the set's gold.jsonl (restricted to the part's files).

devset2 is split once, by a hash of each file name (`part_of`), into a tuned two thirds and a
blind third. Rules are tuned on `--part tuned` only; the blind third's articles and its
`--details` are never read, and its score is the estimate for news nobody has seen.
`--part blind` refuses `--details`; `--categories` prints only counts of the failures by
category (`tools/failure_categories.py`), so it is allowed on every part.
"""
import argparse
import hashlib
import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders import schema  # noqa: E402
from loaders.errors import ParleyError  # noqa: E402
from loaders.extraction import extract_mentions, mentions_to_records  # noqa: E402
from loaders.registry import read_paths  # noqa: E402

SHARED = ROOT.parent / "shared"
SETS = {"devset": SHARED / "data" / "devset", "devset2": SHARED / "data" / "devset2",
        "seed": SHARED / "data" / "seed"}
#: The set whose files are split into a tuned part and a blind part.
SPLIT_SET = "devset2"


def part_of(file_name):
    """'blind' for one file in three, chosen by the SHA-1 of its name alone; else 'tuned'."""
    return "blind" if int(hashlib.sha1(file_name.encode()).hexdigest(), 16) % 3 == 0 else "tuned"


def read_articles(folder):
    """The set's articles (its *.txt files) as an ARTICLES frame, read by the registry.

    Raises ParleyError naming the first file the registry rejects: a score over part of a set
    would be no score of the set.
    """
    result = read_paths(sorted(folder.glob("*.txt")))
    if result.rejected:
        first = result.rejected[0]
        raise ParleyError(f"{first.path}: {first.reason} ({len(result.rejected)} file(s) of {folder} rejected)")
    return result.articles


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_events", SHARED / "tools" / "score_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=tuple(SETS), default="devset")
    parser.add_argument("--folder", type=Path, default=None, help="another gold set: articles/ and gold.jsonl")
    parser.add_argument("--part", choices=("all", "tuned", "blind"), default="all",
                        help=f"for {SPLIT_SET}: its tuned two thirds or its blind third")
    parser.add_argument("--merged", action="store_true", help="score merged events, not mentions")
    parser.add_argument("--out", default=None)
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--categories", action="store_true",
                        help="count the per-article failures by category (no text: allowed on the blind part)")
    args = parser.parse_args(argv)
    if args.folder is not None and not (args.folder / "gold.jsonl").is_file():
        parser.error(f"{args.folder}: no gold.jsonl there")
    if args.part != "all" and (args.set != SPLIT_SET or args.folder is not None):
        parser.error(f"--part applies to {SPLIT_SET} only")
    if args.part == "blind" and args.details:
        parser.error("the blind part is scored, never read: no --details")
    folder = args.folder or SETS[args.set]
    found = predict(folder, args.part, args.merged)
    records, gold = found.records, found.gold
    suffix = "" if args.part == "all" else f"-{args.part}"
    name = args.folder.name if args.folder is not None else args.set
    out = Path(args.out or ROOT / "test-artifacts" / f"{name}{suffix}{'-merged' if args.merged else ''}.jsonl")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in records), encoding="utf-8")
    scorer = load_scorer()
    _, lines = (scorer.score_merged if args.merged else scorer.score)(gold, records, details=args.details)
    print(f"{len(records)} {'events' if args.merged else 'mentions'} written to {out}")
    print("\n".join(lines))
    if args.categories:
        from failure_categories import categories, merge_categories, print_counts
        if args.merged:
            print_counts(merge_categories(scorer, gold, found.mentions, found.events))
        else:
            texts = {Path(p).name: t for p, t in zip(found.articles["path"], found.articles["text"])}
            listing = [] if args.details else None
            counts = categories(scorer, gold, records, texts, listing)
            if listing:
                print("\n".join(sorted(listing)))
            print_counts(counts)
    return 0


@dataclass
class Prediction:
    """What `predict` read and made: the records scored (mentions, or merged events), the gold
    records, and the frames behind them (events only when merged)."""
    records: list
    gold: list
    articles: object
    mentions: object
    events: object = None


def predict(folder, part="all", merged=False):
    """The `Prediction` for the set in `folder`, restricted to `part`."""
    articles = read_articles(folder / "articles" if (folder / "articles").is_dir() else folder)
    if part != "all":
        keep = articles["path"].map(lambda p: part_of(Path(p).name) == part)
        articles = articles[keep.to_numpy()].reset_index(drop=True)
    mentions = extract_mentions(articles)
    events = None
    if merged:
        from loaders.merge import merge_mentions
        events = merge_mentions(mentions)
        records = schema.to_records(events, schema.EVENTS)
    else:
        records = mentions_to_records(mentions)
    gold = load_scorer()._read_jsonl(folder / "gold.jsonl")
    if part != "all":
        gold = [g for g in gold if part_of(g["file"]) == part]
    return Prediction(records, gold, articles, mentions, events)


if __name__ == "__main__":
    sys.exit(main())
