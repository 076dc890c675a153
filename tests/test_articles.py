"""Tests for loaders/articles.py and loaders/registry.py: every format, the seed and devset,
and bad input (each kind gives a one-line reason while the good files of the batch are read)."""
import codecs
import json
import random
import re
from pathlib import Path

import pandas as pd
import pytest

from loaders import articles, registry, schema
from loaders.errors import InputError, ParleyError
from loaders.settings import SETTINGS
from tests.conftest import SHARED, binary_samples, require_shared

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
SEED = SHARED / "seed"
DEVSET = SHARED / "devset" / "articles"


def _read(*paths):
    result = registry.read_paths([Path(p) for p in paths])
    schema.check(result.articles, schema.ARTICLES, "articles")
    schema.check(result.mentions, schema.MENTIONS, "mentions")
    return result


def _outcome(result, path):
    matches = [o for o in result.outcomes if o.path == str(path)]
    assert len(matches) == 1, f"{path} reported {len(matches)} times"
    return matches[0]


def _rows(result, path):
    return result.articles[result.articles["path"].map(lambda p: p.split("#")[0]) == str(path)]


# -- the seed and the devset ----------------------------------------------------------------

_BYLINE_TIME = re.compile(r"(\d{1,2}):(\d{2})(?:\s*([AaPp])\.?[Mm]\.?)?")


def _expected_published(path):
    """From the file itself: the header date, and the byline's clock time (line 4) if any."""
    lines = path.read_text(encoding="utf-8").split("\n")
    day = pd.Timestamp(re.match(r"\s*date (\d{4}-\d{2}-\d{2})", lines[0]).group(1))
    time = _BYLINE_TIME.search(lines[3]) if len(lines) > 3 and re.search(r"\b\d{4}\b", lines[3]) \
        and len(lines[3]) <= articles.BYLINE_MAX_CHARS else None
    if not time:
        return day, "day"
    hour = int(time.group(1)) % 12 + (12 if (time.group(3) or "").lower() == "p" else 0) \
        if time.group(3) else int(time.group(1))
    return day + pd.Timedelta(hours=hour, minutes=int(time.group(2))), "minute"


def _shared_articles():
    return sorted(SEED.glob("*.txt")) + sorted(DEVSET.glob("*.txt"))


def test_seed_and_devset_every_article_read_once_with_header_date_and_byline_time():
    require_shared(DEVSET)
    result = _read(SEED, DEVSET)
    files = _shared_articles()
    assert len(files) >= 34
    for path in files:
        outcome = _outcome(result, path)
        assert (outcome.outcome, outcome.n_rows, outcome.format) == ("read", 1, "header-text"), outcome
        row = _rows(result, path).iloc[0]
        published, precision = _expected_published(path)
        assert (row["published"], row["published_precision"]) == (published, precision), path.name
        assert row["title"] == path.read_text(encoding="utf-8").split("\n")[1].strip()
        assert not row["text"].startswith(row["title"])
        assert "no publication date" not in row["problems"]
    ids = result.articles.loc[result.articles["path"].str.endswith(".txt"), "article_id"]
    assert ids.is_unique


def test_seed_byline_glued_to_names_gives_minute_time_and_body_after_it():
    require_shared(SEED)
    path = SEED / "000_76c8171fdb820c38.txt"
    row = _rows(_read(path), path).iloc[0]
    assert row["published"] == pd.Timestamp("2025-02-28 08:53")
    assert row["published_precision"] == "minute"
    assert row["byline"] == "Ivanna Kostina, Iryna BalachukFriday, 28 February 2025, 08:53"
    assert row["text"].startswith("Stock photo: amacad.org")
    assert "Balachuk" not in row["text"]
    assert row["problems"] == []


# -- bylines ------------------------------------------------------------------------------

@pytest.mark.parametrize("line, is_byline, date_text", [
    ("Staff reporter, Friday, 7 July 2023, 15:27", True, "Friday, 7 July 2023, 15:27"),
    ("Ivanna Kostina, Iryna BalachukFriday, 28 February 2025, 08:53", True, "Friday, 28 February 2025, 08:53"),
    ("Staff reporter, Tuesday, October 17, 2023, 5:08 PM", True, "Tuesday, October 17, 2023, 5:08 PM"),
    ("Staff reporter, Wednesday, May 17, 2023, 08:18 am IST", True, "Wednesday, May 17, 2023, 08:18 am IST"),
    ("Staff reporter, Saturday, 11 November 2023", True, "Saturday, 11 November 2023"),
    ("By Jane Doe and John Roe", True, None),
    # body lines that are not bylines: a date without a year, a long sentence, a photo caption
    ("Photo: Vladimir Putin meets with Kim Jong Un on Wednesday, Sept 13.", False, None),
    ("On Monday, March 20, Chinese President Xi Jinping arrived in Moscow on an official visit "
     "for talks with Russian President Vladimir Putin, on 20 March 2023 at 10:00", False, None),
    ("DOHA, August 15. Consultations aimed at a ceasefire have begun.", False, None),
    ("Stock photo: amacad.org", False, None),
    ("Leaders will meet in Geneva on 1 March 2024", False, None),
    ("The talks were postponed until Friday, March 1, 2024, 10:00", False, None),
    ("by the way, nothing here", False, None),
    ("", False, None),
])
def test_byline_rules(line, is_byline, date_text):
    match = articles.byline_match(line)
    assert bool(match) is is_byline
    if date_text:
        assert match.group("date") == date_text


# -- one file of each format --------------------------------------------------------------

# file, title, published, precision, tz, byline, text starts, text must not hold, problems
FORMAT_CASES = [
    ("header_by.txt", "Leaders meet in Lucerne", "2024-06-15", "day", None, "By Anna Ricci",
     "Leaders met on Saturday", ("By Anna",), []),
    ("header_weekday.txt", "Weekday mismatch", "2024-06-14 09:05", "minute", None,
     "Staff reporter, Saturday, 14 June 2024, 09:05", "The body starts here.", ("Staff reporter",),
     ["byline weekday Saturday disagrees with the date 2024-06-14 (a Friday)"]),
    ("header_nobyline.txt", "No byline here", "2023-05-11", "day", None, None,
     "Photo: ministers meet", ("No byline here",), []),
    ("plain_dateline.md", "Ministers meet in Vienna", "2023-05-11", "day", None, None,
     "VIENNA, 11 May 2023", ("#",), []),
    ("plain_undated.txt", "Ministers agree to keep talking", None, "unknown", None, None,
     "The two sides agreed", ("Ministers agree",), ["no publication date"]),
    ("page.html", "Ministers meet in Doha", "2024-08-15 10:30", "minute", "+03:00", "Jane Roe",
     "Ceasefire talks began in Doha on Thursday.\n\nQatar and Egypt are mediating.",
     ("tracking", "color", "Home", "Subscribe", "Related", "Copyright"), []),
    ("page_jsonld.htm", "Summit ends", "2023-09-10", "day", None, None,
     "The summit ended on Sunday in New Delhi.", ("Home", "Ad", "@context"), []),
]


@pytest.mark.parametrize("name, title, published, precision, tz, byline, starts, absent, problems", FORMAT_CASES)
def test_each_format_reads_title_date_byline_and_body(name, title, published, precision, tz, byline,
                                                      starts, absent, problems):
    path = FIXTURES / name
    result = _read(path)
    assert _outcome(result, path).outcome == "read"
    row = _rows(result, path).iloc[0]
    assert row["title"] == title
    if published is None:
        assert pd.isna(row["published"])
    else:
        assert row["published"] == pd.Timestamp(published)
    assert row["published_precision"] == precision
    assert row["published_tz"] == tz
    assert row["byline"] == byline
    assert row["text"].startswith(starts)
    for word in absent:
        assert word not in row["text"]
    assert row["problems"] == problems
    assert row["article_id"] == articles.article_id(row["text"])


def test_html_keeps_language_url_and_drops_page_furniture():
    row = _read(FIXTURES / "page.html").articles.iloc[0]
    assert (row["language"], row["url"]) == ("en", "https://example.org/doha")


# -- collections --------------------------------------------------------------------------

# file, records read (path suffix -> title, published, url), file problems
COLLECTION_CASES = [
    ("collection/list.json", {"#1": ("Talks in Beijing", "2023-03-10", "https://example.org/1"),
                              "#2": ("Call between leaders", "2024-04-02 14:00", None)},
     ["record 3 skipped: no text field"]),
    ("collection/wrapped.json", {"#1": ("Visit to Pyongyang", "2024-06-19", None)}, []),
    ("collection/nested/lines.jsonl", {"#1": ("Summit opens", "2024-06-15", None),
                                       "#2": ("Summit closes", "2024-06-16", None)}, []),
    ("collection/table.csv", {"#1": ("Leaders meet", "2023-07-11", "https://example.org/v"),
                              "#2": ("Talks, part two", "2023-07-12", None)}, []),
]


@pytest.mark.parametrize("name, records, problems", COLLECTION_CASES)
def test_collections_one_article_per_record_fields_any_case(name, records, problems):
    path = FIXTURES / name
    result = _read(path)
    outcome = _outcome(result, path)
    assert (outcome.outcome, outcome.n_rows, list(outcome.problems)) == ("read", len(records), problems)
    rows = _rows(result, path).set_index("path")
    assert sorted(rows.index) == sorted(f"{path}{n}" for n in records)
    for number, (title, published, url) in records.items():
        row = rows.loc[f"{path}{number}"]
        assert (row["title"], row["published"], row["url"]) == (title, pd.Timestamp(published), url)


def test_csv_keeps_a_quoted_multi_line_text():
    path = FIXTURES / "collection" / "table.csv"
    assert "Talks resumed\non a second line." in list(_read(path).articles["text"])


def test_folder_is_read_recursively_and_hidden_files_are_skipped():
    result = _read(FIXTURES)
    paths = [o.path for o in result.outcomes]
    assert str(FIXTURES / "collection" / "nested" / "lines.jsonl") in paths
    assert not [p for p in paths if "/." in p]
    assert all(o.outcome == "read" for o in result.outcomes), result.rejected


# -- bad input ----------------------------------------------------------------------------

RUSSIAN = " date 2024-03-01 World\nПереговоры в Стамбуле\n\nДелегации России и США встретились в Стамбуле " \
          "в четверг и обсудили работу посольств.\n"
FRENCH = " date 2024-03-01 World\nRéunion à Genève\n\nLes ministres se sont réunis à Genève jeudi; ils ont " \
         "évoqué la sécurité énergétique et les échanges économiques.\n"
GOOD_HEADER = " date 2024-03-01 World\nTalks in Geneva\n\nStaff reporter, Friday, 1 March 2024, 10:15\n" \
              "Ministers met in Geneva.\n"


def _huge(path):
    with open(path, "wb") as handle:  # sparse: no disk is written for the hole
        handle.truncate(200 * 1024 * 1024)


# name, content (bytes, or a function writing the file), outcome, reason part, check on the row
BAD_INPUT = [
    ("empty.txt", b"", "rejected", "empty file (0 bytes)", None),
    ("blank.txt", b" \n\n\t\n", "rejected", "empty file (only whitespace)", None),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "rejected", "binary file", None),
    ("blob.bin", bytes(range(256)) * 4, "rejected", "binary file", None),
    ("notes.xyz", b"Some notes in a format nobody registered.\n", "rejected", "unknown format: notes.xyz", None),
    ("huge.txt", _huge, "rejected", "over the limit of", None),
    ("header_only.txt", b" date 2024-03-01 World\nA title and nothing else\n", "rejected", "no body text", None),
    ("truncated.html", b"<html><head><title>Cut</title></head><body><article><p>Talks began in Doha",
     "read", None, lambda row: row["text"] == "Talks began in Doha"),
    ("scripts_only.html", b"<html><head><script>alert(1)</script></head><body><nav>Home</nav></body></html>",
     "rejected", "no readable text in the HTML page", None),
    ("truncated.json", b'[{"title": "a", "text": "First article."}, {"title": "b", "te',
     "read", "malformed JSON after record 1", lambda row: row["text"] == "First article."),
    ("malformed.json", b'{"title": "a", "text": ', "rejected", "malformed JSON: Expecting value", None),
    ("not_articles.json", b'[{"name": "x", "age": 3}]', "rejected",
     "no text field: expected one of 'text', 'body', 'content'", None),
    ("strings.json", b'["one", "two"]', "rejected", "expected article objects with a text field; the records are str",
     None),
    ("wrong_columns.csv", b"name,age\nx,3\n", "rejected", "no text column: expected one of 'text', 'body', 'content'",
     None),
    ("header_row_only.csv", b"title,text\n", "rejected", "no rows after the header", None),
    ("cp1251.txt", RUSSIAN.encode("cp1251"), "read", None,
     lambda row: row["title"] == "Переговоры в Стамбуле" and "посольств" in row["text"]
     and row["problems"] == ["not UTF-8: read as cp1251 (detected)"]),
    ("latin1.txt", FRENCH.encode("latin-1"), "read", None,
     lambda row: row["title"] == "Réunion à Genève" and "sécurité énergétique" in row["text"]
     and row["problems"][0].startswith("not UTF-8: read as cp125")),
    ("utf16.txt", codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), "read", None,
     lambda row: row["title"] == "Переговоры в Стамбуле" and row["published"] == pd.Timestamp("2024-03-01")),
    ("utf8bom.txt", codecs.BOM_UTF8 + GOOD_HEADER.encode(), "read", None,
     lambda row: row["published"] == pd.Timestamp("2024-03-01 10:15")),
    ("mixed_endings.txt", GOOD_HEADER.replace("\n", "\r\n", 2).replace("Geneva.\n", "Geneva.\r").encode()
     + b"They agreed.\n", "read", None,
     lambda row: row["published"] == pd.Timestamp("2024-03-01 10:15") and "\r" not in row["text"]
     and row["text"] == "Ministers met in Geneva.\nThey agreed."),
    ("long_title.txt", (" date 2024-03-01 World\n" + "Talks " * 16_667 + "\n\nBody text.\n").encode(), "read", None,
     lambda row: len(row["title"]) == articles.MAX_TITLE_CHARS
     and row["problems"][0].startswith("title cut from 100,001 to")),
    ("numbers.txt", ("\n".join(str(n) for n in range(1, 500)) + "\n").encode(), "read", None,
     lambda row: row["title"] == "1" and "no publication date" in row["problems"]),
    ("far_future.txt", b" date 3024-01-01 World\nFuture talks\n\nBody.\n", "read", None,
     lambda row: pd.isna(row["published"]) and any("outside 1800-2100" in p for p in row["problems"])),
    ("far_past.txt", b" date 1066-10-14 World\nOld talks\n\nBody.\n", "read", None,
     lambda row: pd.isna(row["published"]) and any("outside 1800-2100" in p for p in row["problems"])),
    ("dates_only.txt", "\n".join(f"2024-03-{day:02d}" for day in range(1, 29)).encode(), "read", None,
     # the line after the title is a date alone: a byline by BYLINE_RULES, so it dates the text
     lambda row: (row["title"], row["byline"], row["published"]) == ("2024-03-01", "2024-03-02",
                                                                      pd.Timestamp("2024-03-02"))),
    ("undated.md", b"# Talks go on\n\nNo date anywhere in this text.\n", "read", None,
     lambda row: pd.isna(row["published"]) and row["published_precision"] == "unknown"
     and row["problems"] == ["no publication date"]),
]


def _write_bad(folder, name, content):
    path = folder / name
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize("name, content, outcome, reason, check", BAD_INPUT, ids=[c[0] for c in BAD_INPUT])
def test_bad_input_gives_a_one_line_reason(tmp_path, name, content, outcome, reason, check):
    path = _write_bad(tmp_path, name, content)
    result = _read(path)
    found = _outcome(result, path)
    assert found.outcome == outcome, found
    if reason:
        assert reason in (found.reason or ""), found
    if found.reason:
        assert "\n" not in found.reason and "Traceback" not in found.reason
    if check:
        rows = _rows(result, path)
        assert len(rows) == 1 and check(rows.iloc[0]), rows.to_dict("records")


# -- binary data, told by the statistics of its characters (issue 14) --------------------

_RNG = random.Random(6)
# name, bytes, the start of the reason
BINARY = [(name, data, "binary file" if name != "archive.txt" else "an archive (zip)")
          for name, data in binary_samples().items()] + [
    # no NUL byte: not UTF-8, and no encoding makes text of it
    ("no_nul.txt", bytes(_RNG.randrange(1, 256) for _ in range(50_000)), "binary or undecodable file"),
    # valid UTF-8 (ASCII), a fifth of it control characters
    ("controls.txt", bytes(_RNG.randrange(1, 128) for _ in range(50_000)),
     "binary file, not text: 2"),
    # valid UTF-16 with its BOM, but no text: private-use code points
    ("private.txt", codecs.BOM_UTF16_LE + "".join(chr(_RNG.randrange(0xE000, 0xF900)) for _ in range(5_000))
     .encode("utf-16-le"), "binary file, not text: 100% of its characters are control or replacement"),
    # valid UTF-8, but symbols (box drawing, shapes), no letters
    ("symbols.txt", "".join(chr(_RNG.randrange(0x2500, 0x2600)) for _ in range(5_000)).encode(),
     "binary file, not text: 0% of its characters beyond spaces, digits, punctuation and ASCII symbols are letters"),
    # text cut by replacement characters: a file decoded with errors='replace' before it came here
    ("replaced.txt", ("Ministers met in Geneva. " + "\ufffd" * 40).encode() * 20, "binary file, not text:"),
]


@pytest.mark.parametrize("name, content, reason", BINARY, ids=[case[0] for case in BINARY])
def test_binary_data_named_as_text_is_rejected_with_one_line(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    result = _read(path)
    found = _outcome(result, path)
    assert (found.outcome, len(result.articles)) == ("rejected", 0), found
    assert found.reason.startswith(reason) and "\n" not in found.reason, found


# text in many scripts and encodings: letters (with combining marks), digits and punctuation
TEXT_SAMPLES = [
    ("English", "Ministers met in Geneva on 18 February 2025; they agreed to meet again."),
    ("Russian", "Делегации России и США встретились в Стамбуле в четверг и обсудили работу посольств."),
    ("Hindi", "भारत और रूस के विदेश मंत्रियों ने गुरुवार को मॉस्को में बातचीत की।"),
    ("Persian with zero-width non-joiners", "وزیران خارجه\u200cی دو کشور روز پنجشنبه در تهران دیدار کردند."),
    ("Chinese with its punctuation", "中美两国元首在伍德赛德举行会晤，双方同意恢复军事沟通。"),
    ("Greek", "Οι υπουργοί Εξωτερικών συναντήθηκαν στην Αθήνα την Πέμπτη."),
    ("numbers alone", "\n".join(str(n) for n in range(1, 500))),
    ("a markdown table", "| year | talks |\n|---|---|\n| 2023 | 4 |\n| 2024 | 7 |\n"),
    ("a short line of emoji", "🤝🇺🇸🇨🇳"),
]


@pytest.mark.parametrize("script, text", TEXT_SAMPLES, ids=[case[0] for case in TEXT_SAMPLES])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_text_in_any_script_is_not_taken_for_binary_data(script, text, encoding):
    assert registry.binary_reason(text) is None
    decoded, _ = registry.decode(text.encode(encoding), script)  # 'utf-16' writes a byte-order mark
    assert decoded == text


@pytest.mark.parametrize("text, encoding", [(RUSSIAN, "cp1251"), (FRENCH, "latin-1"), (FRENCH, "cp1252")])
def test_single_byte_encodings_are_still_detected_as_text(text, encoding):
    decoded, problems = registry.decode(text.encode(encoding), "article.txt")
    assert decoded == text and problems[0].startswith("not UTF-8: read as")


def test_bad_files_do_not_stop_the_good_ones_in_the_same_batch(tmp_path):
    for name, content, *_ in BAD_INPUT:
        _write_bad(tmp_path, name, content)
    missing = tmp_path / "missing.txt"
    result = _read(tmp_path, FIXTURES, missing)
    for name, _, outcome, reason, _ in BAD_INPUT:
        found = _outcome(result, tmp_path / name)
        assert found.outcome == outcome and (reason or "") in (found.reason or ""), found
    assert _outcome(result, missing).reason == "no such file or folder"
    good = [o for o in result.outcomes if o.path.startswith(str(FIXTURES))]
    assert good and all(o.outcome == "read" and o.n_rows >= 1 for o in good), good
    assert len(result.articles) == sum(o.n_rows for o in result.outcomes if o.outcome == "read")


def test_a_reader_that_crashes_is_reported_not_raised(tmp_path, monkeypatch):
    registry.formats()
    monkeypatch.setattr(registry, "_FORMATS", list(registry._FORMATS))

    def broken(path):
        return {}["no such key"]

    registry.register_format("broken", sniff=lambda sample: sample.suffix == ".broken", priority=99)(broken)
    path = tmp_path / "x.broken"
    path.write_text("anything")
    found = _outcome(registry.read_paths([path]), path)
    assert found.outcome == "rejected" and found.reason.startswith("could not be read (KeyError")


def test_a_sniffer_that_crashes_is_a_bug_raised_not_an_unknown_format(tmp_path, monkeypatch):
    registry.formats()
    monkeypatch.setattr(registry, "_FORMATS", list(registry._FORMATS))

    def sniff(sample):
        return sample.json_keys()["no such key"]

    registry.register_format("broken-sniffer", sniff=sniff, suffixes=(".txt",), priority=99)(articles.read_plain_text)
    path = tmp_path / "article.txt"
    path.write_text("Ministers met in Geneva.\n")
    with pytest.raises(TypeError):
        registry.format_for(registry.sample(path))
    found = _outcome(registry.read_paths([path]), path)
    assert found.outcome == "rejected" and found.reason.startswith("could not be read (TypeError"), found


@pytest.mark.parametrize("error, reported", [(ValueError("day is out of range"), True),
                                             (OverflowError("date value out of range"), True),
                                             (KeyError("a bug"), False)])
def test_a_date_that_cannot_be_parsed_is_a_problem_but_a_bug_is_raised(monkeypatch, error, reported):
    from loaders import dates

    def parse_published(text):
        raise error

    monkeypatch.setattr(dates, "parse_published", parse_published)
    text = " date 2024-03-01 World\nTalks\n\nMinisters met.\n"
    if not reported:
        with pytest.raises(KeyError):
            articles.read_text_input(text, "paste")
        return
    row = articles.read_text_input(text, "paste").iloc[0]
    assert pd.isna(row["published"])
    assert row["problems"][0] == f"header date '2024-03-01' could not be read as a date ({type(error).__name__})"


# -- the registry -------------------------------------------------------------------------

def test_a_more_specific_format_registered_elsewhere_wins_over_article_json(tmp_path, monkeypatch):
    registry.formats()
    monkeypatch.setattr(registry, "_FORMATS", list(registry._FORMATS))

    @registry.register_format("test-events", produces="mentions", priority=50,
                              sniff=lambda sample: "globaleventid" in sample.json_keys())
    def read_events(path):
        return schema.empty(schema.MENTIONS), ["read by the test format"]

    events = tmp_path / "events.json"
    events.write_text(json.dumps([{"GLOBALEVENTID": 1, "text": "not an article"}]))
    plain = tmp_path / "articles.json"
    plain.write_text(json.dumps([{"text": "An article."}]))
    result = registry.read_paths([events, plain])
    assert _outcome(result, events).format == "test-events"
    assert _outcome(result, events).problems == ("read by the test format",)
    assert _outcome(result, plain).format == "json"


@pytest.mark.parametrize("kwargs, message", [
    ({"produces": "events", "suffixes": (".x",)}, "produces='events'"),
    ({"produces": "articles"}, "give a sniff function or suffixes"),
])
def test_register_format_refuses_bad_arguments(kwargs, message):
    with pytest.raises(ParleyError, match=re.escape(message)):
        registry.register_format("bad", **kwargs)


@pytest.mark.parametrize("text, keys", [
    ('[{"Title": "a", "TEXT": "b"}]', {"title", "text"}),
    ('{"articles": [{"title": "a", "body": "b"}]}', {"title", "body"}),
    ('{"a": 1}\n{"a": 2}\n', {"a"}),
    ('[{"title": "cut", "te', {"title"}),
    ("not json", set()),
])
def test_sample_json_keys(text, keys):
    assert registry.Sample(Path("x.json"), text.encode(), text, len(text)).json_keys() == keys


@pytest.mark.parametrize("name, content, expected", [
    ("a.txt", GOOD_HEADER, "header-text"),
    ("a.md", GOOD_HEADER, "header-text"),  # content first: the header shape, whatever the suffix
    ("a.txt", "[{\"text\": \"x\"}]", "json"),
    ("a.data", "<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("a.html", "Just a paragraph <b>bold</b>.", "html"),
    ("a.md", "# Title\n\nBody.", "plain-text"),
    ("a.csv", "title,text\nx,y\n", "csv"),
    ("a.log", "Just text.", None),
])
def test_format_is_told_by_content_then_suffix(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content)
    found = registry.format_for(registry.sample(path))
    assert (found.name if found else None) == expected


def test_a_registered_module_that_cannot_be_imported_is_an_error_not_a_missing_format(monkeypatch):
    monkeypatch.setattr(registry, "REGISTERED_MODULES", ("loaders.articles", "loaders.not_written"))
    monkeypatch.setattr(registry, "_imported", False)
    with pytest.raises(ModuleNotFoundError, match="loaders.not_written"):
        registry.formats()


def test_overlong_text_is_cut_and_the_cut_reported(monkeypatch):
    from dataclasses import replace

    monkeypatch.setattr(articles, "SETTINGS", replace(SETTINGS, max_text_chars=20))
    body = "Ministers met in Geneva.\nMore words after the first line."
    row = articles.read_text_input(GOOD_HEADER + body.split("\n")[1], "paste").iloc[0]
    assert row["text"] == body[:20]
    assert row["problems"] == [f"text cut from {len(body)} to 20 characters (max_text_chars)"]


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("x" * 100)
    monkeypatch.setattr(registry, "SETTINGS", SETTINGS.__class__(max_file_bytes=99))
    with pytest.raises(InputError, match="file is 100 bytes, over the limit of 99 bytes"):
        registry.read_text(path)


# -- ids and pasted text ------------------------------------------------------------------

@pytest.mark.parametrize("one, other, same", [
    ("Leaders met.\n\nThey talked.", "Leaders met.  They talked.", True),
    ("Leaders met.", "  Leaders   met.\n", True),
    ("Leaders met.", "leaders met.", False),
    ("Leaders met.", "Leaders met!", False),
])
def test_article_id_ignores_whitespace_only(one, other, same):
    assert (articles.article_id(one) == articles.article_id(other)) is same
    assert re.fullmatch(r"[0-9a-f]{16}", articles.article_id(one))


def test_the_same_article_in_two_files_has_one_id(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_HEADER)
    (tmp_path / "b.json").write_text(json.dumps([{"title": "x", "text": "Ministers met in Geneva."}]))
    assert _read(tmp_path).articles["article_id"].nunique() == 1


@pytest.mark.parametrize("text, title, published, text_starts", [
    (GOOD_HEADER, "Talks in Geneva", "2024-03-01 10:15", "Ministers met in Geneva."),
    ("Talks in Geneva\r\n\r\nGENEVA, 1 March 2024 - Ministers met.", "Talks in Geneva", "2024-03-01", "GENEVA"),
    ("<html><head><meta property='og:title' content='Talks'><meta property='article:published_time' "
     "content='2024-03-01'></head><body><p>Ministers met.</p></body></html>", "Talks", "2024-03-01", "Ministers met."),
])
def test_read_text_input_reads_a_paste(text, title, published, text_starts):
    frame = articles.read_text_input(text, "paste")
    schema.check(frame, schema.ARTICLES, "paste")
    row = frame.iloc[0]
    assert (row["path"], row["title"], row["published"]) == ("paste", title, pd.Timestamp(published))
    assert row["text"].startswith(text_starts)


@pytest.mark.parametrize("text, message", [
    ("", "paste: empty text"),
    ("   \n ", "paste: empty text"),
    (" date 2024-03-01 World\nOnly a title\n", "paste: no body text"),
])
def test_read_text_input_refuses_empty_text(text, message):
    with pytest.raises(InputError, match=re.escape(message)):
        articles.read_text_input(text, "paste")


# -- generated input ----------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st

_SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".csv", ".xyz", ""])
_TEXTY = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.builds(lambda title, body: f" date 2024-03-01 World\n{title}\n\n{body}".encode("utf-8", "surrogatepass"),
              st.text(max_size=80), st.text(max_size=200)),
    st.builds(lambda body: f"<html><body><article><p>{body}</p></article></body></html>".encode("utf-8", "surrogatepass"),
              st.text(max_size=200)),
    st.builds(lambda records: json.dumps(records).encode(),
              st.lists(st.dictionaries(st.sampled_from(["title", "TEXT", "body", "date", "url", "x"]),
                                       st.one_of(st.text(max_size=40), st.integers(), st.none()), max_size=4),
                       max_size=4)),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=_TEXTY, suffix=_SUFFIXES)
def test_generated_files_never_raise_and_rows_pass_the_schema(tmp_path, content, suffix):
    path = tmp_path / f"generated{suffix}"
    path.write_bytes(content)
    result = _read(path)
    found = _outcome(result, path)
    assert found.outcome in ("read", "rejected")
    assert found.outcome == "read" or (found.reason and "\n" not in found.reason)
    assert len(result.articles) == found.n_rows


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_generated_pastes_give_a_frame_or_an_input_error(text):
    try:
        frame = articles.read_text_input(text, "paste")
    except InputError as error:
        assert "\n" not in str(error)
    else:
        schema.check(frame, schema.ARTICLES, "paste")
        assert len(frame) == 1


# -- saved pages of the common shapes, read with trafilatura -------------------------------------

PAGES = FIXTURES.parent / "pages"

# file, headline, published, precision, outlet, author, text starts, text holds, text must not hold
PAGE_CASES = [
    ("article.html", "Kenya and Peru agree to deepen trade ties at talks in Lima", "2024-03-04 09:30", "minute",
     "The Harbour Courier", "Amara Wanjiru", "The foreign ministers of Kenya and Peru met in Lima",
     ("second round of talks in Nairobi",), ("Most read", "Celebrity chef", "Subscribe today", "Cookie", "Sport")),
    # a live blog: every entry kept, not only the longest; the headline without the site's name
    ("liveblog.html", "Live: Summit of Nordic leaders in Oslo – as it happened", "2024-05-14 07:00", "minute",
     "Fjord Daily", "Ingrid Solberg", "The prime ministers of Norway, Sweden, Finland",
     ("The summit has ended.", "over lunch", "greeted each of them"), ("cookies", "northern lights", "Advertise")),
    # a press release: no article markup, its date from the page's metadata
    ("press-release.html", "Foreign Minister receives the Ambassador of Chile", "2024-02-20", "day",
     "Ministry of Foreign Affairs of Ruritania", None, "On 19 February 2024 the Foreign Minister received",
     ("bilateral consultations",), ("Skip to main content", "Consular services", "Latest releases", "Sitemap")),
    # readers' comments are not the article
    ("comments.html", "Ghana and Vietnam leaders hold first phone call on rice trade", "2024-06-11 18:20", "minute",
     "Coastline Post", "Kwame Mensah", "The presidents of Ghana and Vietnam spoke by phone",
     ("trade ministers would meet in Hanoi",), ("riverwatcher", "Da Nang", "Comments (3)", "newsletter")),
]


@pytest.mark.parametrize("name, title, published, precision, outlet, author, starts, holds, absent", PAGE_CASES)
def test_saved_pages_give_headline_date_outlet_author_and_main_text(name, title, published, precision,
                                                                    outlet, author, starts, holds, absent):
    path = PAGES / name
    result = _read(path)
    assert _outcome(result, path).format == "html"
    row = _rows(result, path).iloc[0]
    assert (row["title"], row["outlet"], row["byline"]) == (title, outlet, author)
    assert (row["published"], row["published_precision"]) == (pd.Timestamp(published), precision)
    assert row["text"].startswith(starts)
    for words in holds:
        assert words in row["text"]
    for words in absent:
        assert words not in row["text"]
    assert "\n\n" in row["text"]  # one paragraph per block


def test_an_html_page_names_its_outlet_on_the_dashboard():
    from charts import style

    row = _read(PAGES / "article.html").articles.iloc[0]
    assert style.outlet(row["url"], row["outlet"]) == "The Harbour Courier"
    assert style.outlet("https://www.courier.example/x", None) == "courier.example"
