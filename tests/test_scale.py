"""loaders/scale.py and `python -m loaders extract --out` / `ingest DIR`: archives extracted in
parts by one process, by N local processes and by a Dask LocalCluster give the same mentions;
a run restarted skips what was written; the store takes the folder in through DuckDB."""
import json
import subprocess
import sys

import duckdb
import pytest

from loaders import scale
from loaders.errors import ParleyError
from loaders.store import Store
from tests.archivefiles import write_parquet, write_warc
from tests.conftest import ROOT

#: JSON Lines records of our own, published on Wednesday 6 March 2024.
SHARD = (
    "The foreign ministers of Egypt and Jordan met in Cairo on Monday to discuss the border crossings.",
    "Brazil's president spoke by phone with the Argentine president on Tuesday.",
    "The summit of Nordic leaders planned for Friday in Oslo was postponed.",
    "Negotiators from Armenia and Azerbaijan held talks in Washington on Wednesday.",
    "Weather: rain is expected across the north of the country.",
)
PARQUET = (
    "Australia's prime minister visited Jakarta on Tuesday and met the Indonesian president.",
    "The defence ministers of Poland and Lithuania signed an agreement in Vilnius on Monday.",
    "The trade ministers of Canada and Mexico will meet in Ottawa next week.",
)


def run(*args):
    return subprocess.run([sys.executable, "-m", "loaders", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def archive(tmp_path):
    """A folder holding a WARC.gz of three pages, a Parquet file of three rows in two row
    groups and a JSON Lines shard of five records."""
    folder = tmp_path / "archive"
    folder.mkdir()
    write_warc(folder / "crawl.warc.gz")
    write_parquet(folder / "dump.parquet", PARQUET, row_group_size=2, published=["2024-03-06"] * len(PARQUET))
    (folder / "shard.jsonl").write_text(
        "".join(json.dumps({"text": text, "published": "2024-03-06"}) + "\n" for text in SHARD), encoding="utf-8")
    return folder


def mentions(out):
    """The mentions of an extraction folder, every column, in one order."""
    return duckdb.sql(f"SELECT * FROM read_parquet('{out}/mentions/*.parquet') ORDER BY mention_id").fetchall()


def test_two_workers_give_the_mentions_of_one_from_a_warc_a_parquet_file_and_a_jsonl_shard(archive, tmp_path):
    one = run("extract", archive, "--out", tmp_path / "one", "--workers", 1, "--part-size", 2)
    two = run("extract", archive, "--out", tmp_path / "two", "--workers", 2, "--part-size", 2)
    assert one.returncode == 0 and two.returncode == 0, two.stderr
    # parts: WARC 3 pages -> 2, Parquet row groups of 2 -> 2, shard 5 lines -> 3
    assert one.stdout.startswith(f"{tmp_path / 'one'}: 7 parts extracted (11 articles, ")
    assert "articles/s" in two.stderr and "Traceback" not in two.stderr
    found = mentions(tmp_path / "one")
    assert found == mentions(tmp_path / "two")
    sources = {row[0].split("#")[0].rsplit("/", 1)[-1] for row in
               duckdb.sql(f"SELECT DISTINCT article FROM read_parquet('{tmp_path}/one/mentions/*.parquet')").fetchall()}
    assert len(found) >= 8 and len(sources) == 3


def test_a_glob_pattern_names_the_files_it_matches(archive):
    parts, rejected = scale.plan([archive / "*.parquet", archive / "*.warc.gz", archive / "*.nothing"], part_size=2)
    assert [(part.format, part.path.rsplit("/", 1)[-1]) for part in parts] == [
        ("parquet", "dump.parquet"), ("parquet", "dump.parquet"), ("warc", "crawl.warc.gz"), ("warc", "crawl.warc.gz")]
    assert rejected == [(str(archive / "*.nothing"), "no such file or folder")]


def test_a_restarted_run_skips_the_parts_already_written(archive, tmp_path):
    out = tmp_path / "out"
    first = scale.extract_archives([archive], out, workers=1, part_size=2)
    assert [r.outcome for r in first.results] == ["extracted"] * 7
    lost = sorted((out / "mentions").glob("*.parquet"))[0]
    lost.unlink()  # as if the run had died before this part was done
    again = scale.extract_archives([archive], out, workers=1, part_size=2)
    assert sorted(r.outcome for r in again.results) == ["extracted"] + ["skipped"] * 6
    assert lost.exists()
    with pytest.raises(ParleyError, match="another extraction"):
        scale.extract_archives([archive], out, workers=1, part_size=3)


def test_a_local_cluster_of_two_worker_processes_gives_the_mentions_of_one_process(archive, tmp_path):
    from dask.distributed import LocalCluster

    scale.extract_archives([archive], tmp_path / "local", workers=1, part_size=2)
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        summary = scale.extract_archives([archive], tmp_path / "cluster", scheduler=cluster.scheduler_address, part_size=2)
    assert [r.outcome for r in summary.results] == ["extracted"] * 7
    assert mentions(tmp_path / "cluster") == mentions(tmp_path / "local")


def test_ingest_of_the_folder_stores_what_ingesting_the_files_stores(archive, tmp_path):
    run("extract", archive, "--out", tmp_path / "out", "--workers", 1)
    done = run("ingest", tmp_path / "out", "--db", tmp_path / "parts.duckdb")
    assert done.returncode == 0 and "ingested 1, duplicate 0, rejected 0 (new articles 11," in done.stdout, done.stderr
    again = run("ingest", tmp_path / "out", "--db", tmp_path / "parts.duckdb")
    assert "ingested 0, duplicate 1" in again.stdout
    Store(tmp_path / "files.duckdb").ingest([archive])
    parts, files = Store(tmp_path / "parts.duckdb"), Store(tmp_path / "files.duckdb")
    assert sorted(parts.mentions()["mention_id"]) == sorted(files.mentions()["mention_id"])
    assert sorted(parts.events()["mention_ids"].map(tuple)) == sorted(files.events()["mention_ids"].map(tuple))
    assert parts.counts()["articles"] == 11


def test_bad_archives_are_one_line_each_naming_the_file_and_the_reason(tmp_path):
    (tmp_path / "cut.parquet").write_bytes(b"PAR1 and nothing after")
    (tmp_path / "stub.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 900\r\n\r\nshort")
    done = run("extract", tmp_path / "cut.parquet", tmp_path / "stub.warc", "--out", tmp_path / "out", "--workers", 2)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    rejected = [line for line in done.stderr.splitlines() if line.startswith("rejected: ")]
    assert len(rejected) == 2
    assert rejected[0].startswith(f"rejected: {tmp_path / 'cut.parquet'}: not a readable Parquet file (")
    assert rejected[1].startswith(f"rejected: {tmp_path / 'stub.warc'}: not a readable WARC file, cut or malformed")


@pytest.mark.parametrize("args, message", [
    (("--workers", 2), "--workers, --scheduler and --part-size: expected with --out DIR"),
    (("--out", "{tmp}/o", "--workers", 0), "--workers 0: expected a number of worker processes of 1 or more"),
    (("--out", "{tmp}/o", "--scheduler", "tcp://127.0.0.1:9"), "--scheduler tcp://127.0.0.1:9: no Dask scheduler answers there"),
])
def test_usage_errors_are_one_line(archive, tmp_path, args, message):
    done = run("extract", archive, *(str(a).format(tmp=tmp_path) for a in args))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"error: {message}") and len(done.stderr.splitlines()) == 1
