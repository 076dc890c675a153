"""Extract mentions from the devset (or the seed) and score them with the shared scorer.

    .venv/bin/python tools/score_devset.py [--set devset|seed] [--out PRED.jsonl] [--details]

Writes the `--mentions` JSONL (one object per mention, `loaders.events.mentions_to_records`)
to --out (default: test-artifacts/devset_mentions.jsonl) and runs
../shared/tools/score_events.py on it against the set's gold.jsonl.
"""
import argparse
import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders import schema  # noqa: E402
from loaders.events import extract_mentions, mentions_to_records  # noqa: E402

SHARED = ROOT.parent / "shared"
SETS = {"devset": SHARED / "data" / "devset", "seed": SHARED / "data" / "seed"}


def read_articles(folder):
    """The set's articles as an ARTICLES frame: through the registry when it can read them,
    else with a small reader of the set's own file shape (date line, title, blank, byline, body)."""
    paths = sorted(folder.glob("*.txt"))
    try:
        from loaders.registry import read_paths
        frame = read_paths(paths).articles
        if len(frame) == len(paths):
            return frame
    except Exception as error:  # the registry may not read these yet; say so and go on
        print(f"(registry not usable: {error}; reading the files directly)", file=sys.stderr)
    return schema.conform(pd.DataFrame([_read_file(p) for p in paths]), schema.ARTICLES)


_BYLINE = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? ")


def _read_file(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    published = pd.Timestamp(lines[0].split()[1])
    title = lines[1].strip()
    body_lines = lines[3:]
    byline = None
    if body_lines and _BYLINE.search(body_lines[0]) and len(body_lines[0]) < 140:
        byline, body_lines = body_lines[0], body_lines[1:]
    text = "\n".join(body_lines).strip("\n")
    return {
        "article_id": hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16], "path": str(path),
        "title": title, "published": published, "published_precision": "day", "published_tz": None,
        "byline": byline, "language": "en", "url": None, "text": text, "problems": [],
    }


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_events", SHARED / "tools" / "score_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=tuple(SETS), default="devset")
    parser.add_argument("--out", default=None)
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args(argv)
    folder = SETS[args.set]
    articles = read_articles(folder / "articles" if (folder / "articles").is_dir() else folder)
    records = mentions_to_records(extract_mentions(articles))
    out = Path(args.out or ROOT / "test-artifacts" / f"{args.set}_mentions.jsonl")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    scorer = load_scorer()
    gold = scorer._read_jsonl(folder / "gold.jsonl")
    _, lines = scorer.score(gold, records, details=args.details)
    print(f"{len(records)} mentions written to {out}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
