"""Office of the Historian trips and visits -> MENTIONS (loaders/travels.py)."""
import datetime as dt
import re

import pandas as pd
import pytest

from loaders import registry, schema, travels
from loaders.errors import InputError
from tests.conftest import ROOT

DATA = ROOT / "data" / "travels"


def trip(id="1", role="secretary", name="Antony John Blinken", start="2023-06-18", end="2023-06-19",
         slug="china", country="China", locale="Beijing", remarks="Met with President Xi Jinping."):
    return f"""
    <trip role="{role}" who="x">
        <id>{id}</id><role>{role}</role><name>{name}</name>
        <start-date>{start}</start-date><end-date>{end}</end-date>
        <country id="{slug}">{country}</country><locale>{locale}</locale>
        <remarks>{remarks}</remarks>
        <created-by>x</created-by><created-datetime>2023-07-01T10:00:00-04:00</created-datetime>
    </trip>"""


def visit(id="1", start="2020-01-07", end="2020-01-07", visitor="Prime Minister Kyriakos Mitsotakis",
          slug="greece", country="Greece", description="Official Working Visit."):
    return f"""
    <visit><id>{id}</id><start-date>{start}</start-date><end-date>{end}</end-date>
        <visitor>{visitor}</visitor><from id="{slug}">{country}</from>
        <description>{description}</description></visit>"""


def write(tmp_path, root, *records, name="records.xml"):
    path = tmp_path / name
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<{root}>{"".join(records)}\n</{root}>\n',
                    encoding="utf-8")
    return path


def read_one(path):
    frame, problems = travels.read_travels(path)
    schema.check(frame, schema.MENTIONS, str(path))
    return frame, problems


TRIP_CASES = [
    # (trip kwargs, expected fields)
    ({}, dict(date="2023-06-18", end_date="2023-06-19", date_text="2023-06-18/2023-06-19", city="Beijing",
              country="CHN", countries=["USA", "CHN"], heads=["Antony John Blinken"], cameo="042",
              title="Secretary Blinken", origin="travels")),
    (dict(start="2024-02-01", end="2024-02-01"),
     dict(date="2024-02-01", end_date=None, date_text="2024-02-01")),
    (dict(role="president", name="Joseph R. Biden, Jr.", slug="saudi-arabia", country="Saudi Arabia",
          locale="Jeddah"),
     dict(country="SAU", countries=["USA", "SAU"], city="Jeddah", title="President Biden")),
    (dict(slug="russia", country="U.S.S.R.", locale="Moscow"), dict(country="RUS")),
    (dict(slug="czechoslovakia", country="Czechoslovakia", locale="Prague"), dict(country="CSK")),
    (dict(slug="korea-south", country="Korea, South", locale=""), dict(country="KOR", city=None)),
]


@pytest.mark.parametrize("fields, expected", TRIP_CASES)
def test_a_trip_becomes_one_visit_of_the_us_traveller(tmp_path, fields, expected):
    frame, problems = read_one(write(tmp_path, "trips", trip(**fields)))
    assert problems == []
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row["kind"], row["status"], row["plover_mode"], row["date_precision"]) == ("visit", "held", "visit", "day")
    assert row["article"] == "records.xml"
    assert row["evidence"] == "Met with President Xi Jinping."
    assert (row["evidence_start"], row["evidence_end"]) == (0, len(row["evidence"]))
    for column, value in expected.items():
        if column in ("date", "end_date"):
            assert (pd.isna(row[column]) if value is None else row[column] == pd.Timestamp(value)), column
        elif column == "title":
            assert row["title"].startswith(f"Visit of {value} to "), row["title"]
        else:
            assert row[column] == value, column


VENUE_CASES = [
    ("Official Working Visit.", "Washington"),
    ("Met with President Bush at the UN General Assembly in New York City.", "New York"),
    ("Attended the NATO Summit Meeting in Chicago, IL.", "Chicago"),
    ("Met with President Bush at Camp David, MD.", "Camp David"),
    ("Private visit. Met with President Bush at Kennebunkport, Maine.", "Kennebunkport"),
    ("Led New Zealand delegation to the United Nations Conference in San Francisco.", "San Francisco"),
    ("Attended NATO 75th Anniversary Summit in Washington, DC.", "Washington"),
    # sightseeing is not where the encounter was
    ("State visit. Visited New York City, Chicago and Los Angeles.", "Washington"),
    ("Met with President Eisenhower; also visited Williamsburg.", "Washington"),
    # an abbreviation's full stop ends no sentence (the shared splitter, loaders.sentences)
    ("Met with President Bush at the U.N. General Assembly.", "New York"),
    ("Informal visit while attending U.N. General Assembly session; in U.S. June 24-30.", "New York"),
    # Congress sits in Washington, whatever was visited after
    ("State visit. Addressed U.S. Congress June 15. visited Key Biscayne (Fla.) and Chicago.", "Washington"),
    # a bracketed aside is a sentence of its own
    ("Met with President Truman. (Was in New York City when elected.) Left U.S. May 26.", "Washington"),
]


@pytest.mark.parametrize("description, city", VENUE_CASES)
def test_a_visit_is_in_washington_unless_its_encounter_sentence_says_otherwise(tmp_path, description, city):
    frame, problems = read_one(write(tmp_path, "visits", visit(description=description)))
    assert problems == []
    row = frame.iloc[0]
    assert row["city"] == city
    assert row["country"] == "USA"
    assert row["countries"] == ["GRC", "USA"]
    assert row["heads"] == ["Prime Minister Kyriakos Mitsotakis"]
    assert (row["origin"], row["cameo"], row["kind"]) == ("visits", "043", "visit")
    assert row["title"] == f"Visit of Prime Minister Kyriakos Mitsotakis of Greece to {city}"


BAD_RECORDS = [
    # (record, field named in the problem, rows kept)
    (trip(start="2023-13-01"), "start-date", 0),
    (trip(start=""), "start-date", 0),
    (trip(start="1492-10-12", end="1492-10-12"), "start-date", 0),
    (trip(start="2023-06-18", end="2023-06-10"), "end-date", 1),
    (trip(end="soon"), "end-date", 1),
    (trip(slug="atlantis", country="Atlantis"), "country", 1),
    (trip(role="ambassador"), "role", 1),
]


@pytest.mark.parametrize("record, field, kept", BAD_RECORDS)
def test_a_faulty_record_is_reported_with_file_row_and_field(tmp_path, record, field, kept):
    path = write(tmp_path, "trips", trip(id="7"), record.replace("<id>1</id>", "<id>8</id>"))
    frame, problems = read_one(path)
    assert len(frame) == 1 + kept
    assert len(problems) == 1
    assert re.match(rf"records\.xml record 2 \(id 8\), field {field}: ", problems[0]), problems[0]


def test_a_one_day_fallback_keeps_no_end_date(tmp_path):
    frame, _ = read_one(write(tmp_path, "trips", trip(start="2023-06-18", end="2023-06-10")))
    assert pd.isna(frame.iloc[0]["end_date"]) and frame.iloc[0]["date_text"] == "2023-06-18"


def test_a_visit_after_today_is_planned(tmp_path):
    later = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    frame, _ = read_one(write(tmp_path, "visits", visit(start=later, end=later), visit(id="2")))
    assert list(frame["status"]) == ["planned", "held"]


def test_ids_are_stable_and_distinct_across_trips_and_visits(tmp_path):
    trips_path = write(tmp_path, "trips", trip(id="5"), trip(id="6"), name="t.xml")
    visits_path = write(tmp_path, "visits", visit(id="5"), name="v.xml")
    first = pd.concat([read_one(trips_path)[0], read_one(visits_path)[0]])
    again = pd.concat([read_one(trips_path)[0], read_one(visits_path)[0]])
    assert list(first["mention_id"]) == list(again["mention_id"])
    assert first["mention_id"].is_unique and first["article_id"].is_unique


@pytest.mark.parametrize("text, reason", [
    ('<?xml version="1.0"?>\n<presidents><president/></presidents>', "expected <trips> or <visits>"),
    ('<?xml version="1.0"?>\n<trips><trip><id>1</id></trips>', "not well-formed XML"),
])
def test_a_file_that_is_not_trips_or_visits_raises_input_error(tmp_path, text, reason):
    path = tmp_path / "bad.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(reason)):
        travels.read_travels(path)


@pytest.mark.parametrize("head, expected", [
    ('<?xml version="1.0" encoding="UTF-8"?>\n<trips>\n<trip role="president">', True),
    ("<visits>\n    <visit>", True),
    ('<?xml version="1.0"?>\n<!-- note -->\n<visits>', True),
    ('<?xml version="1.0"?>\n<presidents>', False),
    ("<html><body>trips</body></html>", False),
    ("Trips and visits of the Secretary", False),
])
def test_sniff_knows_trips_and_visits_by_their_root(tmp_path, head, expected):
    path = tmp_path / "x.xml"
    path.write_text(head, encoding="utf-8")
    assert travels.looks_like_travels(registry.sample(path)) is expected


def test_the_registry_reads_an_xml_file_of_trips_with_this_loader(tmp_path):
    path = write(tmp_path, "trips", trip(), name="no-suffix")
    fmt, frame, problems = registry.read_file(path)
    assert (fmt.name, fmt.produces, len(frame)) == ("travels", "mentions", 1)


def test_every_slug_in_the_shipped_files_has_a_row_in_the_iso3_table():
    slugs = set()
    for path in DATA.rglob("*.xml"):
        slugs |= set(re.findall(r'<(?:country|from) id="([^"]+)"', path.read_text(encoding="utf-8")))
    table = travels.country_table()
    assert slugs - set(table) == set()
    assert all(code is None or re.fullmatch(r"[A-Z]{3}", code) for code in table.values())


def test_the_shipped_files_give_every_trip_and_visit_and_report_what_they_lose():
    frames, problems = [], []
    for path in sorted(DATA.rglob("*.xml")):
        frame, found = travels.read_travels(path)
        frames.append(frame)
        problems += found
    mentions = schema.conform(pd.concat(frames, ignore_index=True), schema.MENTIONS)
    schema.check(mentions, schema.MENTIONS, "shipped travels")
    counts = mentions["origin"].value_counts()
    # the source README's counts
    assert counts["travels"] == 4271 and counts["visits"] == 3264
    assert mentions["mention_id"].is_unique
    assert mentions["date"].notna().all()
    assert (mentions["countries"].map(len) >= 1).all()
    # a row that lost its other party says so in the problems
    lost = mentions[mentions["countries"].map(len) < 2]
    assert len(lost) == len([p for p in problems if "party left out" in p])
    assert mentions.loc[mentions["origin"] == "visits", "city"].notna().all()
