"""Parley's own events file, CSV or JSON (loaders/eventsfile.py)."""
import json
import re

import pandas as pd
import pytest

from loaders import eventsfile, gdelt, registry, schema, travels
from loaders.errors import InputError, ParleyError
from tests.conftest import ROOT
from tests.eventrows import event, events_frame


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def read(path):
    frame, problems = eventsfile.read_events_file(path)
    schema.check(frame, schema.MENTIONS, str(path))
    return frame, problems


def real_mentions():
    """Mentions from two real structured sources: a Secretary's trips and the GDELT sample."""
    trips, _ = travels.read_travels(ROOT / "data" / "travels" / "secretary-travels" / "blinken-antony-j.xml")
    events, _ = gdelt.read_gdelt(ROOT / "data" / "gdelt-sample" / "20191024143000.export.CSV")
    return schema.conform(pd.concat([trips, events], ignore_index=True), schema.MENTIONS)


def awkward_mentions():
    """Values a CSV could garble: ';' and commas inside list items, quotes, line breaks, a time."""
    frame = real_mentions().head(3).copy()
    frame.at[0, "heads"] = ["Blinken; Antony", "Wang Yi"]
    frame.at[0, "organizations"] = ["[EU]"]
    frame.at[1, "evidence"] = 'He said "yes",\nthen left. '
    frame.at[1, "evidence_end"] = len(frame.at[1, "evidence"])
    frame.at[2, "published"] = pd.Timestamp("2025-02-18 10:15:30.250")
    frame.at[2, "title"] = None
    frame.at[2, "date_start"] = 4
    return schema.conform(frame, schema.MENTIONS)


@pytest.mark.parametrize("suffix", [".csv", ".json"])
@pytest.mark.parametrize("make", [real_mentions, awkward_mentions])
def test_a_written_file_reads_back_equal(tmp_path, suffix, make):
    mentions = make()
    path = eventsfile.write_events_file(mentions, tmp_path / f"events{suffix}")
    back, problems = read(path)
    assert problems == []
    pd.testing.assert_frame_equal(back, mentions)


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_an_events_frame_written_reads_back_as_its_mentions(tmp_path, suffix):
    events = events_frame([event(date=pd.Timestamp("2025-02-18"), city="Riyadh", country="SAU"),
                           event(title="USA–UKR talks", countries=["USA", "UKR"])])
    path = eventsfile.write_events_file(events, tmp_path / f"events{suffix}")
    back, problems = read(path)
    assert problems == []
    assert list(back["mention_id"]) == list(events["event_id"])
    for column in ("kind", "status", "date", "city", "country", "countries", "title", "evidence"):
        assert list(back[column].astype(object)) == list(events[column].astype(object)), column


def test_lists_in_csv_are_semicolon_separated_iso3(tmp_path):
    path = eventsfile.write_events_file(real_mentions().head(1), tmp_path / "one.csv")
    header, line = path.read_text(encoding="utf-8").splitlines()[:2]
    assert ",countries," in header
    assert re.search(r",USA;[A-Z]{3},", line)


def test_a_spreadsheet_with_only_the_required_columns_gets_defaults(tmp_path):
    path = write(tmp_path, "sheet.csv", "kind,date,countries\nmeeting,2025-02-18,USA;RUS\ntalks,,usa;Ukraine\n")
    frame, problems = read(path)
    assert problems == []
    assert list(frame["countries"]) == [["USA", "RUS"], ["USA", "UKR"]]
    assert list(frame["status"]) == ["held", "held"]
    assert list(frame["date_precision"]) == ["day", "unknown"]
    assert list(frame["origin"]) == ["events-file"] * 2
    assert list(frame["article"]) == ["sheet.csv"] * 2
    assert frame["mention_id"].is_unique
    again, _ = read(path)
    assert list(again["mention_id"]) == list(frame["mention_id"])


@pytest.mark.parametrize("text, separator", [
    ("kind;date;countries\nvisit;2025-02-18;USA\n", ";"),
    ("kind\tdate\tcountries\nvisit\t2025-02-18\tUSA\n", "tab"),
])
def test_a_spreadsheet_saved_with_semicolons_or_tabs_reads(tmp_path, text, separator):
    frame, problems = read(write(tmp_path, "sheet.csv", text))
    assert (len(frame), problems) == (1, [])


def test_json_may_wrap_its_rows(tmp_path):
    rows = [{"kind": "call", "date": "2025-02-12", "countries": ["USA", "RUS"], "title": "Call"}]
    frame, _ = read(write(tmp_path, "e.json", json.dumps({"events": rows})))
    assert list(frame["kind"]) == ["call"] and list(frame["countries"]) == [["USA", "RUS"]]


@pytest.mark.parametrize("header", ["date,countries", "kind,countries,title", "kind,date"])
def test_a_missing_required_column_is_an_input_error_naming_them(tmp_path, header):
    path = write(tmp_path, "sheet.csv", header + "\n" + ",".join(["x"] * len(header.split(","))) + "\n")
    with pytest.raises(InputError) as error:
        eventsfile.read_events_file(path)
    missing = [c for c in eventsfile.REQUIRED if c not in header.split(",")]
    assert f"missing column(s) {', '.join(missing)}" in str(error.value)
    assert "an events file needs kind, date, countries" in str(error.value)


@pytest.mark.parametrize("text, reason", [
    ('[{"kind": "visit",', "not valid JSON"),
    ('{"kind": "visit"}', "must be a list of objects"),
])
def test_a_json_file_that_is_no_list_of_rows_is_an_input_error(tmp_path, text, reason):
    with pytest.raises(InputError, match=reason):
        eventsfile.read_events_file(write(tmp_path, "e.json", text))


BAD_ROWS = [
    # (row after the header 'kind,date,countries,status,country,evidence_start', field, rows kept, countries kept)
    ("dinner,2025-02-18,USA;RUS,held,,", "kind", 0, None),
    ("meeting,18/02/2025,USA;RUS,held,,", "date", 0, None),
    ("meeting,1500-01-01,USA;RUS,held,,", "date", 0, None),
    ("meeting,2025-02-18,USA;Narnia,held,,", "countries", 1, ["USA"]),
    ("meeting,2025-02-18,USA;RUS,maybe,,", "status", 1, ["USA", "RUS"]),
    ("meeting,2025-02-18,USA;RUS,held,XYZ,", "country", 1, ["USA", "RUS"]),
    ("meeting,2025-02-18,USA;RUS,held,,ten", "evidence_start", 1, ["USA", "RUS"]),
]


@pytest.mark.parametrize("line, field, kept, countries", BAD_ROWS)
def test_a_bad_row_is_reported_with_file_row_and_field(tmp_path, line, field, kept, countries):
    text = "kind,date,countries,status,country,evidence_start\nvisit,2025-02-17,USA;SAU,held,SAU,0\n" + line + "\n"
    frame, problems = read(write(tmp_path, "sheet.csv", text))
    assert len(frame) == 1 + kept
    assert len(problems) == 1
    assert re.match(rf"sheet\.csv row 2, field {field}: ", problems[0]), problems[0]
    if kept:
        assert frame.iloc[1]["countries"] == countries


def test_unknown_columns_are_reported_not_read(tmp_path):
    frame, problems = read(write(tmp_path, "sheet.csv", "kind,date,countries,colour\nvisit,2025-02-17,USA,red\n"))
    assert len(frame) == 1
    assert problems == ["sheet.csv row 0, field colour: unknown column(s), not read"]


@pytest.mark.parametrize("name, frame", [
    ("events.txt", schema.empty(schema.MENTIONS)),
    ("events.csv", schema.empty(schema.ARTICLES)),
])
def test_write_refuses_another_suffix_or_schema(tmp_path, name, frame):
    with pytest.raises(ParleyError):
        eventsfile.write_events_file(frame, tmp_path / name)


@pytest.mark.parametrize("name, text, expected", [
    ("a.csv", "kind,date,countries\nvisit,2025-02-18,USA\n", True),
    ("a.csv", "date,countries,kind,title\n", True),
    ("a.csv", "title,countries,cameo\n", True),                        # two distinctive columns
    ("a.json", '[{"kind": "visit", "date": "2025-02-18", "countries": ["USA"]}]', True),
    ("a.csv", "title,published,text\nA,2025-02-18,Body\n", False),     # an article collection
    ("a.json", '[{"title": "A", "text": "Body", "date": "2025-02-18"}]', False),
    ("a.txt", "The kind of date that countries remember.\n", False),
])
def test_sniff_knows_an_events_file_by_its_columns(tmp_path, name, text, expected):
    path = write(tmp_path, name, text)
    assert eventsfile.looks_like_events_file(registry.sample(path)) is expected


def test_the_registry_reads_a_written_file_with_this_loader(tmp_path):
    path = eventsfile.write_events_file(real_mentions().head(5), tmp_path / "mine.csv")
    fmt, frame, problems = registry.read_file(path)
    assert (fmt.name, fmt.produces, len(frame), problems) == ("events-file", "mentions", 5, [])


# -- streaming a large file into the store: the same rules, run by DuckDB ---------------------

STREAMED_CSV = """Kind,date,countries,country,city,status,date_precision,end_date,published,evidence_start,absent,heads,topics,title,evidence,colour
meeting,2025-02-18,USA;RUS,SAU,Riyadh,,,,2025-02-19T08:00:00,,UKR,Rubio;Lavrov,security,US–Russia talks,They met. ,red
Talks,2025-02-27,"[""USA"", ""Russia""]",Türkiye,  Istanbul ,HELD,month,2025-02-28,2025-02-28 10:15:30,12,,,,,,
call,2024-03-01,France;DEU;France;Narnia,,,planned,fortnight,tomorrow,,1.5,Narnia,,trade;energy,  Paris–Berlin call  ,,
parade,2025-01-01,USA;RUS,,,,,,,,,,,,,
visit,yesterday,USA;RUS,,,,,,,,,,,,,
visit,1650-05-05,USA;GBR,,,,,,,,,,,,,
summit,,CHN;RUS,Atlantis,,cancelled,,,,,,,,,,
meeting,2025-02-18,USA;RUS,SAU,Riyadh,,,,2025-02-19T08:00:00,,UKR,Rubio;Lavrov,security,US–Russia talks,They met. ,blue
"""


def test_a_streamed_events_csv_gives_the_rows_and_problems_of_the_reader(tmp_path):
    path = write(tmp_path, "streamed.csv", STREAMED_CSV)
    expected, expected_problems = eventsfile.read_events_file(path)
    count, problems = eventsfile.stage_events_file(path, tmp_path / "staged.parquet")
    staged = schema.conform(pd.read_parquet(tmp_path / "staged.parquet"), schema.MENTIONS)
    assert count == len(expected) == 5  # a bad kind, a bad date and a year out of range skip three rows
    pd.testing.assert_frame_equal(staged, expected, check_dtype=False)
    assert problems == expected_problems


def test_a_streamed_csv_missing_a_required_column_is_refused_in_one_line(tmp_path):
    path = write(tmp_path, "short.csv", "kind,date\nmeeting,2025-01-01\n")
    with pytest.raises(InputError, match=r"short.csv: missing column\(s\) countries"):
        eventsfile.stage_events_file(path, tmp_path / "x.parquet")
