"""Extraction at scale: archives -> a folder of Parquet parts, on every core or a Dask cluster.

    python -m loaders extract ARCHIVE... --out DIR [--workers N | --scheduler ADDRESS]
    python -m loaders ingest DIR

`extract_archives` finds the files (`registry.expand`), tells each one's format by content
(`registry.identify`) and cuts it into parts of about `part_size` articles
(`Format.split`: a WARC by record offsets, a Parquet file by row groups, JSON Lines by byte
ranges; any other file is one part). Each part is then read and extracted on its own, by this
process (`workers=1`), a `dask.distributed.LocalCluster` of N worker processes, or the workers
of an existing Dask scheduler (`scheduler="tcp://host:8786"`; DIR must then be a folder every
worker can write to). Memory holds a part per worker, never the archive.

The output folder:

    DIR/parley-extract.json          the extractor version (loaders/extractor.py) and part size
    DIR/articles/PART.parquet        ARTICLES rows of one part, in the store's column types
    DIR/mentions/PART.parquet        MENTIONS rows of one part

PART is a hash of the file's absolute path and the part, so the same archives always give the
same part names, however many workers read them. A part's mentions file is written last (each
file under a temporary name, then renamed), so a part is done when it exists: the same command
run again after a crash skips those parts. A folder written by another extractor version is
refused rather than mixed. `Store.ingest_extracted(DIR)` reads it through DuckDB's Parquet
reader and merges the new mentions into the store's events.
"""
import hashlib
import json
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from loaders.errors import InputError, ParleyError

MANIFEST = "parley-extract.json"
#: Articles per part: large enough that a part's overhead (a task, two files) is small beside
#: its extraction, small enough that a part's frames stay a few megabytes.
PART_ARTICLES = 200
#: Parts handed to each worker at once: enough to keep it busy between two answers.
PARTS_IN_FLIGHT = 3


@dataclass(frozen=True)
class Part:
    """One part of one input file: what a worker reads and extracts on its own."""
    path: str
    format: str
    part: object          # the format's value (offsets, row groups), or None for the whole file
    key: str              # the part's file name in DIR/articles and DIR/mentions


@dataclass
class PartResult:
    """What became of one part: `outcome` is "extracted", "skipped" (written by an earlier run)
    or "rejected" (with `reason`); `problems` the rows skipped and other file-level notes."""
    path: str
    outcome: str
    articles: int = 0
    mentions: int = 0
    reason: str | None = None
    problems: list = field(default_factory=list)


@dataclass
class ExtractSummary:
    """The parts of one run, and the files rejected before any part was read ((path, reason))."""
    results: list = field(default_factory=list)
    rejected: list = field(default_factory=list)
    seconds: float = 0.0

    def total(self, what):
        return sum(getattr(r, what) for r in self.results)

    def line(self):
        extracted = [r for r in self.results if r.outcome == "extracted"]
        skipped = sum(r.outcome == "skipped" for r in self.results)
        articles = sum(r.articles for r in extracted)
        rate = articles / self.seconds if self.seconds else 0.0
        return (f"{len(extracted)} parts extracted ({articles:,} articles, {sum(r.mentions for r in extracted):,} mentions, "
                f"{rate:,.0f} articles/s), {skipped} already written, "
                f"{len(self.rejected) + sum(r.outcome == 'rejected' for r in self.results)} rejected")


def plan(paths, part_size=PART_ARTICLES):
    """The parts of `paths` (files, folders walked as `registry.read_paths` does, and glob
    patterns such as 'crawl/*.warc.gz' that no file is named), and the files that cannot be
    read: ([Part], [(path, reason)]). Reads each splittable file through once for its offsets;
    nothing is parsed."""
    from loaders import registry

    if part_size < 1:
        raise ParleyError(f"part_size={part_size}: expected a number of articles of 1 or more")
    parts, rejected = [], []
    for path in registry.expand(_globbed(paths)):
        try:
            fmt, _ = registry.identify(path, split=True)
            pieces = fmt.split(path, part_size) if fmt.split is not None else [None]
        except ParleyError as error:
            rejected.append((str(path), error.reason if isinstance(error, InputError) else str(error)))
            continue
        except Exception as error:  # a reader's bug must not stop the batch; it is reported
            rejected.append((str(path), f"could not be read ({type(error).__name__}: {_one_line(error)})"))
            continue
        for piece in pieces:
            parts.append(Part(str(path), fmt.name, piece, _key(path, piece)))
    return parts, rejected


def _globbed(paths):
    """`paths` with each pattern that names no file replaced by the files it matches, sorted (a
    pattern matching nothing is kept, to be reported as missing)."""
    import glob

    found = []
    for path in map(str, paths):
        matches = sorted(glob.glob(path, recursive=True)) if any(c in path for c in "*?[") and not os.path.exists(path) else []
        found += [Path(match) for match in matches] or [Path(path)]
    return found


def _key(path, piece):
    return hashlib.sha1(f"{Path(path).resolve()}\0{piece!r}".encode()).hexdigest()[:20]


def extract_part(part, out):
    """Read and extract one `part` into the folder `out`; a part already written is skipped.
    Never raises for bad input: returns a PartResult. Runs in a worker process."""
    from loaders import registry, schema
    from loaders.extraction import extract_mentions
    from loaders.store import arrow_table

    out = Path(out)
    done = out / "mentions" / f"{part.key}.parquet"
    if done.exists():
        return PartResult(part.path, "skipped")
    try:
        fmt = next(f for f in registry.formats() if f.name == part.format)
        if part.part is None or fmt.read_part is None:
            frame, problems = fmt.read(Path(part.path))
        else:
            frame, problems = fmt.read_part(Path(part.path), part.part)
        if fmt.produces == "articles":
            articles, mentions = frame, extract_mentions(frame) if len(frame) else schema.empty(schema.MENTIONS)
        else:
            articles, mentions = schema.empty(schema.ARTICLES), frame
    except ParleyError as error:
        return PartResult(part.path, "rejected", reason=error.reason if isinstance(error, InputError) else str(error))
    except Exception as error:  # reported like read_paths does, the run goes on
        return PartResult(part.path, "rejected", reason=f"could not be read ({type(error).__name__}: {_one_line(error)})")
    _write(arrow_table(articles, schema.ARTICLES), out / "articles" / f"{part.key}.parquet")
    _write(arrow_table(mentions, schema.MENTIONS), done)
    return PartResult(part.path, "extracted", len(articles), len(mentions), problems=list(problems))


def _write(table, path):
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, path)


def extract_archives(paths, out, workers=None, scheduler=None, part_size=PART_ARTICLES, progress=None):
    """Extract `paths` into the folder `out` (see the module docstring) and return an
    ExtractSummary.

    `workers`: local worker processes (default: every core; 1 runs in this process, without
    Dask); `scheduler`: the address of a running Dask scheduler, used instead. `progress(parts
    done, parts, articles, seconds)` is called as parts finish. Raises ParleyError when `out`
    holds the output of another extractor version or part size, or the scheduler cannot be
    reached.
    """
    from loaders.extractor import extractor_version

    started = time.perf_counter()
    out = Path(out)
    _check_manifest(out, {"extractor": extractor_version(), "part_size": part_size})
    parts, rejected = plan(paths, part_size)
    summary = ExtractSummary(rejected=rejected)
    articles = 0

    def finished(result):
        nonlocal articles
        summary.results.append(result)
        articles += result.articles
        if progress:
            progress(len(summary.results), len(parts), articles, time.perf_counter() - started)

    if workers is None and scheduler is None:
        workers = os.cpu_count() or 1
    # parts written by an earlier run are skipped here, before any worker starts
    written = {path.stem for path in (out / "mentions").glob("*.parquet")}
    parts_left = [part for part in parts if part.key not in written]
    for part in parts:
        if part.key in written:
            finished(PartResult(part.path, "skipped"))
    if parts_left and scheduler is None and workers == 1:
        for part in parts_left:
            finished(extract_part(part, out))
    elif parts_left:
        with _client(workers, scheduler) as client:
            for result in _on_cluster(client, parts_left, out):
                finished(result)
    summary.results.sort(key=lambda r: r.path)
    summary.seconds = time.perf_counter() - started
    return summary


def _on_cluster(client, parts, out):
    """PartResults of `parts` extracted by the client's workers, as they finish. A few parts per
    worker are in flight at once and each finished one is let go, so neither the scheduler nor
    the workers hold a task per part of a large archive."""
    from itertools import islice

    from dask.distributed import as_completed

    waiting = iter(parts)
    in_flight = {}
    queue = as_completed()

    def submit(part):
        future = client.submit(extract_part, part, out=str(out), pure=False)
        in_flight[future.key] = part
        queue.add(future)

    workers = max(len(client.scheduler_info().get("workers", {})), 1)
    for part in islice(waiting, PARTS_IN_FLIGHT * workers):
        submit(part)
    for future in queue:
        part = in_flight.pop(future.key)
        try:
            yield future.result()
        except Exception as error:  # a worker lost (killed, out of memory): the part is reported, the run goes on
            yield PartResult(part.path, "rejected", reason=f"its worker failed ({type(error).__name__}: {_one_line(error)}); "
                                                           f"run the same command again to retry the parts not written")
        future.release()
        following = next(waiting, None)
        if following is not None:
            submit(following)


class _client:
    """A dask.distributed Client on a LocalCluster of `workers` processes (one thread each), or
    on the scheduler at `address`; closes what it started."""

    def __init__(self, workers, address):
        self.workers, self.address, self.cluster, self.client = workers, address, None, None

    def __enter__(self):
        import dask
        from dask.distributed import Client, LocalCluster

        if self.address:
            try:
                self.client = Client(self.address, timeout="10s")
            except (OSError, TimeoutError) as error:
                raise ParleyError(f"--scheduler {self.address}: no Dask scheduler answers there ({_one_line(error)}); "
                                  f"expected the address a running `dask scheduler` prints, e.g. tcp://host:8786") from None
            return self.client
        if self.workers < 1:
            raise ParleyError(f"--workers {self.workers}: expected a number of worker processes of 1 or more")
        # On Linux the workers are forked from this process with the extraction already imported
        # (its tables compiled, the gazetteer read), so each starts in a tenth of a second
        # instead of importing pandas and the gazetteer again (about a second each on a 2-core
        # machine); elsewhere fork is unsafe and they are spawned.
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        if method == "fork":
            import loaders.extraction  # noqa: F401  (the gazetteer's index is built on import)
        # (the workers' own logs are silenced but for critical ones: a worker whose heartbeat
        # meets the scheduler already closed at the end logs a traceback at ERROR; a task that
        # fails reaches this process as an exception and is reported in one line)
        with dask.config.set({"distributed.worker.multiprocessing-method": method}):
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.CRITICAL)
        self.client = Client(self.cluster)
        return self.client

    def __exit__(self, *exc):
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _check_manifest(out, manifest):
    """Write `manifest` into `out`, or check that the one there matches it."""
    path = out / MANIFEST
    if out.exists() and not out.is_dir():
        raise ParleyError(f"--out {out}: a file, not a folder; expected a folder for the Parquet parts")
    if path.exists():
        found = read_manifest(out)
        if found != manifest:
            raise ParleyError(f"--out {out}: holds parts of another extraction ({found}), not {manifest}; "
                              f"expected an empty folder or one written by this same command")
        return
    if out.exists() and any(out.iterdir()):
        raise ParleyError(f"--out {out}: a folder holding other files; expected an empty or new folder")
    out.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest) + "\n", encoding="utf-8")


def read_manifest(folder):
    """The manifest of an extraction folder: {"extractor": version, "part_size": n}. Raises
    ParleyError when `folder` is not one."""
    path = Path(folder) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ParleyError(f"{folder}: not the output of python -m loaders extract --out (no readable {MANIFEST})") from None
    if not isinstance(manifest, dict) or "extractor" not in manifest:
        raise ParleyError(f"{path}: expected a JSON object with the extractor version")
    return manifest


def is_extract_folder(path):
    """True for a folder written by `extract_archives`."""
    return (Path(path) / MANIFEST).is_file()


def _one_line(text, limit=200):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
