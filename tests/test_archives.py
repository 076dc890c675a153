"""loaders/archives.py: WARC, WARC.gz and Parquet archives, told by content and read in parts;
and JSON Lines read in parts (articles.split_json). Archives are built here with warcio and
pyarrow from pages written for these tests."""
import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from loaders import archives, articles, registry
from loaders.errors import InputError
from tests.archivefiles import PAGES, write_parquet, write_warc


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_gives_one_article_per_html_page_with_the_records_url(tmp_path, compress):
    path = write_warc(tmp_path / ("crawl.warc.gz" if compress else "crawl.warc"), compress=compress,
                      extra=[("200 OK", "https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
                             ("404 Not Found", "https://news.example/gone", "text/html", b"<html><body><p>Gone</p></body></html>")])
    fmt, frame, problems = registry.read_file(path)
    assert fmt.name == "warc"
    assert list(frame["url"]) == [url for url, *_ in PAGES]
    assert list(frame["title"]) == [headline for _, headline, *_ in PAGES]
    assert list(frame["path"]) == [f"{path}#{n}" for n in (1, 2, 3)]
    assert frame["text"][0] == "\n\n".join(PAGES[0][2])  # the navigation and footer are left out
    assert problems == ["2 response records other than HTML pages skipped"]


def test_a_pages_own_date_wins_over_the_crawl_day_which_is_reported_when_taken(tmp_path):
    _, frame, _ = registry.read_file(write_warc(tmp_path / "crawl.warc.gz"))
    assert [str(d.date()) for d in frame["published"]] == ["2024-03-06", "2024-03-05", "2024-03-06"]
    assert any("WARC-Date" in p for p in frame["problems"][0])
    assert not any("WARC-Date" in p for p in frame["problems"][1])


def test_a_warc_read_in_parts_gives_the_rows_read_whole(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz")
    parts = archives.split_warc(path, 2)
    assert [(count, first, last) for _, count, first, last in parts] == [(2, 1, False), (1, 3, True)]
    _, whole, _ = registry.read_file(path)
    pieces = [archives.read_warc_part(path, part)[0] for part in parts]
    assert [row for piece in pieces for row in piece["path"]] == list(whole["path"])
    assert [row for piece in pieces for row in piece["article_id"]] == list(whole["article_id"])


def test_a_parquet_file_with_a_text_column_gives_one_article_per_row(tmp_path):
    path = write_parquet(tmp_path / "dump.bin",
                         ["Envoys of Chile and Peru met in Lima on Thursday.", "", "Kenya's president visited Addis Ababa."],
                         Headline=["Envoys meet", "Empty", "A visit"], published=["2024-03-07", "2024-03-07", None])
    fmt, frame, problems = registry.read_file(path)
    assert fmt.name == "parquet"  # by content: the suffix says nothing
    assert list(frame["title"]) == ["Envoys meet", "A visit"]
    assert list(frame["path"]) == [f"{path}#1", f"{path}#3"]
    assert str(frame["published"][0].date()) == "2024-03-07"
    assert problems == ["row 2 skipped: its text is empty"]


def test_a_parquet_file_splits_by_row_groups_and_its_parts_keep_the_row_numbers(tmp_path):
    texts = [f"Delegates from Spain and Portugal met in Madrid for round {n} of talks." for n in range(1, 8)]
    path = write_parquet(tmp_path / "dump.parquet", texts, row_group_size=2)
    parts = archives.split_parquet(path, 4)
    assert parts == [(0, 2, 1), (2, 4, 5)]
    rows = [p for part in parts for p in archives.read_parquet_part(path, part)[0]["path"]]
    assert rows == [f"{path}#{n}" for n in range(1, 8)]


def test_jsonl_read_in_parts_gives_the_rows_read_whole(tmp_path):
    lines = [json.dumps({"text": f"The ministers of Ghana and Togo met in Accra, meeting number {n}."}) for n in range(5)]
    path = tmp_path / "shard.jsonl"
    path.write_text("\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:]) + "\n{broken\n", encoding="utf-8")
    _, whole, whole_problems = registry.read_file(path)
    parts = articles.split_json(path, 2)
    assert [first for _, _, first in parts] == [1, 3, 5]
    read = [articles.read_json_part(path, part) for part in parts]
    assert [p for frame, _ in read for p in frame["path"]] == list(whole["path"])
    assert [p for _, problems in read for p in problems] == whole_problems == ["line 6 skipped: malformed JSON (Expecting property name enclosed in double quotes)"]


def test_a_json_list_is_one_part(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"text": "Talks in Oslo."}]), encoding="utf-8")
    assert articles.split_json(path, 10) == [None]


def test_text_formats_still_refuse_a_gzip_that_is_not_a_warc(tmp_path):
    path = tmp_path / "notes.gz"
    path.write_bytes(gzip.compress(b"WARM/1.0 these are notes, not a crawl"))
    with pytest.raises(InputError, match=r"an archive \(gzip\), not unpacked"):
        registry.identify(path)


def test_a_warc_is_told_by_content_and_a_text_starting_with_warc_words_is_not(tmp_path):
    assert registry.identify(write_warc(tmp_path / "a.data"))[0].name == "warc"
    note = tmp_path / "note.txt"
    note.write_text("WARC files are what crawlers write; this is a note about them.\n", encoding="utf-8")
    assert registry.identify(note)[0].name == "plain-text"


def _headlines_only(tmp_path):
    pq.write_table(pa.table({"headline": ["Talks"], "words": [1]}), tmp_path / "headlines.parquet")
    return tmp_path / "headlines.parquet"


def _cut_warc(tmp_path):
    whole = write_warc(tmp_path / "whole.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(whole[:len(whole) * 2 // 3])
    return tmp_path / "cut.warc.gz"


@pytest.mark.parametrize("make, reason", [
    (lambda d: (d / "cut.parquet").write_bytes(b"PAR1 a Parquet file cut after its first bytes") and d / "cut.parquet",
     "not a readable Parquet file"),
    (_headlines_only,
     "no text column: expected one of 'text', 'body', 'content' (any case); found 'headline', 'words'"),
    (lambda d: (d / "stub.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 900\r\n\r\nshort")
     and d / "stub.warc", "not a readable WARC file"),
    (_cut_warc, "not a readable WARC file, cut or malformed"),
    (lambda d: write_warc(d / "images.warc.gz", pages=(), extra=[("200 OK", "https://news.example/a.png", "image/png", b"\x89PNG")]),
     "no HTML pages"),
], ids=["cut parquet", "no text column", "stub warc", "cut warc.gz", "warc without pages"])
def test_a_bad_archive_is_one_input_error_naming_the_file_and_the_reason(tmp_path, make, reason):
    path = make(tmp_path)
    result = registry.read_paths([path])
    (outcome,) = result.outcomes
    assert outcome.outcome == "rejected" and outcome.path == str(path)
    assert reason in outcome.reason and "\n" not in outcome.reason
