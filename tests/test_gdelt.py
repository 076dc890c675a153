"""GDELT 2.0 event exports -> MENTIONS (loaders/gdelt.py)."""
import csv
import re

import pandas as pd
import pytest

from loaders import gdelt, registry, schema
from loaders.errors import InputError
from loaders.merge import merge_mentions
from tests.conftest import ROOT

SAMPLE = ROOT / "data" / "gdelt-sample" / "20191024143000.export.CSV"
URL = "https://example.org/news/1"


def row(event_id="1", day="20250218", code="042", actor1="USA", actor2="RUS", url=URL, geo="SA",
        geo_type="4", place="Riyadh, Ar Riyad, Saudi Arabia", actor1_code=None, actor1_geo="", added="20250218120000"):
    """One export line: 61 tab-separated fields, the ones a test names set."""
    fields = [""] * gdelt.N_FIELDS
    fields[gdelt.GLOBALEVENTID] = event_id
    fields[gdelt.SQLDATE] = day
    fields[gdelt.ACTOR1_CODE] = actor1 if actor1_code is None else actor1_code
    fields[gdelt.ACTOR1_NAME] = f"NAME OF {actor1 or actor1_code}"
    fields[gdelt.ACTOR1_COUNTRY] = actor1
    fields[gdelt.ACTOR2_CODE] = actor2
    fields[gdelt.ACTOR2_NAME] = f"NAME OF {actor2}" if actor2 else ""
    fields[gdelt.ACTOR2_COUNTRY] = actor2
    fields[gdelt.EVENT_CODE] = code
    fields[27] = code[:3]
    fields[gdelt.EVENT_ROOT] = code[:2]
    fields[gdelt.ACTOR1_GEO_COUNTRY] = actor1_geo
    fields[gdelt.ACTION_GEO_TYPE] = geo_type
    fields[gdelt.ACTION_GEO_NAME] = place
    fields[gdelt.ACTION_GEO_COUNTRY] = geo
    fields[gdelt.DATEADDED] = added
    fields[gdelt.SOURCEURL] = url
    return "\t".join(fields)


def read(tmp_path, *lines):
    path = tmp_path / "20250218120000.export.CSV"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frame, problems, counts = gdelt.read_gdelt_report(path)
    schema.check(frame, schema.MENTIONS, str(path))
    return frame, [str(p) for p in problems], counts


CODE_CASES = [
    # (CAMEO code, kind, status, plover_mode)
    ("036", "meeting", "planned", None),
    ("040", "meeting", "held", None),
    ("041", "call", "held", "phone"),
    ("042", "visit", "held", "visit"),
    ("043", "visit", "held", "visit"),
    ("044", "meeting", "held", "third-party"),
    ("045", "meeting", "held", "third-party"),
    ("046", "talks", "held", None),
    ("057", "meeting", "held", None),
]


@pytest.mark.parametrize("code, kind, status, plover", CODE_CASES)
def test_the_cameo_code_gives_kind_and_status(tmp_path, code, kind, status, plover):
    frame, problems, _ = read(tmp_path, row(code=code))
    assert problems == []
    got = frame.iloc[0]
    assert (got["cameo"], got["kind"], got["status"], got["plover_mode"]) == (code, kind, status, plover)
    assert got["origin"] == "gdelt"
    assert got["article"] == URL
    assert got["date"] == pd.Timestamp("2025-02-18") and got["date_precision"] == "day"
    assert got["date_text"] == "SQLDATE 20250218"
    assert got["published"] == pd.Timestamp("2025-02-18 12:00")
    assert (got["country"], got["city"]) == ("SAU", "Riyadh")
    assert got["countries"] == ["RUS", "USA"]


@pytest.mark.parametrize("code", ["010", "051", "0311", "190", "047", "035"])
def test_other_codes_are_passed_over(tmp_path, code):
    frame, problems, counts = read(tmp_path, row(code=code))
    assert len(frame) == 0 and problems == [] and counts["diplomatic"] == 0


COLLAPSE_CASES = [
    # (rows, mentions expected)
    ([row(), row(event_id="2"), row(event_id="3", code="043")], 1),          # one encounter, many rows
    ([row(), row(event_id="2", actor1="RUS", actor2="USA")], 1),             # the pair is unordered
    ([row(), row(event_id="2", actor2="UKR")], 2),                           # another pair
    ([row(), row(event_id="2", code="036")], 2),                             # another event root
    ([row(), row(event_id="2", url="https://example.org/news/2")], 2),       # another article
]


@pytest.mark.parametrize("lines, expected", COLLAPSE_CASES)
def test_rows_of_one_article_about_one_encounter_collapse(tmp_path, lines, expected):
    frame, _, counts = read(tmp_path, *lines)
    assert counts["diplomatic"] == len(lines)
    assert len(frame) == expected
    assert frame["mention_id"].is_unique


def test_a_collapsed_mention_takes_the_most_specific_code_and_the_most_frequent_date(tmp_path):
    frame, _, _ = read(tmp_path, row(code="040"), row(event_id="2", code="042", day="20250217"),
                       row(event_id="3", code="040", day="20250217"))
    got = frame.iloc[0]
    assert got["cameo"] == "042" and got["kind"] == "visit"
    assert got["date"] == pd.Timestamp("2025-02-17")
    assert "events 1, 2, 3" in got["evidence"] and "3 rows" in got["evidence"]
    assert got["evidence_end"] == len(got["evidence"])


@pytest.mark.parametrize("fields, countries, country, city", [
    (dict(actor1="USA", actor2="EUR"), ["USA"], "SAU", "Riyadh"),                      # a CAMEO region is no party
    (dict(actor1="", actor1_code="GOV", actor1_geo="UK"), ["GBR", "RUS"], "SAU", "Riyadh"),  # actor's geo
    (dict(actor1="", actor1_code="", actor1_geo="UK"), ["RUS"], "SAU", "Riyadh"),       # no actor, no party
    (dict(geo="UK", geo_type="1", place="United Kingdom"), ["RUS", "USA"], "GBR", None),  # country, not city
    (dict(geo="GM", place="Berlin, Berlin, Germany"), ["RUS", "USA"], "DEU", "Berlin"),
    (dict(geo="", geo_type="0", place=""), ["RUS", "USA"], None, None),
])
def test_parties_and_venue(tmp_path, fields, countries, country, city):
    frame, problems, _ = read(tmp_path, row(**fields))
    got = frame.iloc[0]
    assert problems == []
    assert (got["countries"], got["country"], got["city"]) == (countries, country, city)


BAD_ROWS = [
    # (line, field named, row kept)
    (row(day="2025021"), "SQLDATE", False),
    (row(day="20251341"), "SQLDATE", False),
    (row(url=""), "SOURCEURL", False),
    ("\t".join(row().split("\t")[:40]), r"\(row\)", False),
    (row(geo="ZZ"), "ActionGeo_CountryCode", True),
    (row(actor1="EUR", actor2="AFR"), "Actor1CountryCode/Actor2CountryCode", False),   # regions, no party
    (row(actor1="", actor1_code="GOV", actor2=""), "Actor1CountryCode/Actor2CountryCode", False),
]


@pytest.mark.parametrize("line, field, kept", BAD_ROWS)
def test_a_bad_row_is_reported_with_file_row_and_field(tmp_path, line, field, kept):
    frame, problems, _ = read(tmp_path, row(url="https://example.org/other"), line)
    assert len(frame) == 1 + kept
    assert len(problems) == 1
    assert re.match(rf"20250218120000\.export\.CSV row 2, field {field}: ", problems[0]), problems[0]


def test_many_problems_are_listed_up_to_a_limit_then_counted(tmp_path):
    path = tmp_path / "bad.CSV"
    n = gdelt.MAX_LISTED_PROBLEMS + 7
    path.write_text("\n".join(row(day="bad", event_id=str(i)) for i in range(n)) + "\n", encoding="utf-8")
    frame, problems = gdelt.read_gdelt(path)
    assert len(frame) == 0
    assert len(problems) == gdelt.MAX_LISTED_PROBLEMS + 1
    assert problems[-1].startswith("bad.CSV: 7 more problems: 7 x field SQLDATE")


def test_the_fips_table_is_complete_and_well_formed():
    with open(gdelt.FIPS_CSV, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    codes = [r["fips"] for r in rows]
    assert len(codes) == len(set(codes)) and len(codes) >= 270
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in codes)
    assert all(r["iso3"] == "" and r["note"] or gdelt.is_iso3(r["iso3"]) or r["note"] for r in rows)
    assert all(r["name"] for r in rows)


@pytest.mark.parametrize("fips, iso3", [
    ("US", "USA"), ("UK", "GBR"), ("GM", "DEU"), ("RS", "RUS"), ("CH", "CHN"), ("JA", "JPN"), ("SF", "ZAF"),
    ("EI", "IRL"), ("IZ", "IRQ"), ("SA", "SAU"), ("TU", "TUR"), ("UP", "UKR"), ("KS", "KOR"), ("KN", "PRK"),
    ("AS", "AUS"), ("AU", "AUT"), ("SZ", "CHE"), ("SW", "SWE"), ("WE", "PSE"), ("GZ", "PSE"), ("KV", "XKX"),
    ("OD", "SSD"), ("RI", "SRB"), ("MJ", "MNE"), ("PF", None),
])
def test_fips_codes_that_differ_from_iso_map_right(fips, iso3):
    assert gdelt.fips_to_iso3(fips) == iso3


def test_every_fips_code_in_the_real_sample_is_known():
    sample = pd.read_csv(SAMPLE, sep="\t", header=None, dtype=str, keep_default_na=False, quoting=3)
    used = set(sample[gdelt.ACTION_GEO_COUNTRY]) | set(sample[gdelt.ACTOR1_GEO_COUNTRY]) | set(sample[gdelt.ACTOR2_GEO_COUNTRY])
    assert used - {""} - set(gdelt.fips_table()) == set()


@pytest.mark.parametrize("head, expected", [
    (row() + "\n", True),
    ("\t".join(["x"] * 61) + "\n", False),           # 61 fields but no date
    ("\t".join(row().split("\t")[:60]) + "\n", False),
    ("kind,date,countries\nvisit,2025-02-18,USA;RUS\n", False),
])
def test_sniff_knows_the_export_by_its_shape(tmp_path, head, expected):
    path = tmp_path / "x.csv"
    path.write_text(head, encoding="utf-8")
    assert gdelt.looks_like_gdelt(registry.sample(path)) is expected


def test_the_registry_reads_the_real_sample_with_this_loader():
    fmt, frame, problems = registry.read_file(SAMPLE)
    assert (fmt.name, fmt.produces) == ("gdelt", "mentions") and len(frame)


def test_a_zipped_export_reads_as_it_is_published_and_other_zips_stay_refused(tmp_path):
    import zipfile

    zipped = tmp_path / "20191024143000.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(SAMPLE, SAMPLE.name)
    fmt, frame, problems = registry.read_file(zipped)
    expected, expected_problems = gdelt.read_gdelt(SAMPLE)
    # the same rows and problems, each problem naming the file the user gave
    assert fmt.name == "gdelt" and frame.equals(expected)
    assert problems == [p.replace(SAMPLE.name, zipped.name, 1) for p in expected_problems] and problems
    two = tmp_path / "two.export.CSV.zip"
    with zipfile.ZipFile(two, "w") as archive:
        archive.writestr("a.CSV", "x")
        archive.writestr("b.CSV", "y")
    with pytest.raises(InputError, match="holds one file; this one holds 2"):
        registry.read_file(two)
    other = tmp_path / "articles.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.write(SAMPLE, SAMPLE.name)
    with pytest.raises(InputError, match=r"an archive \(zip\), not unpacked"):
        registry.read_file(other)


def test_the_real_sample_collapses_its_diplomatic_rows_into_fewer_mentions():
    sample = pd.read_csv(SAMPLE, sep="\t", header=None, dtype=str, keep_default_na=False, quoting=3)
    diplomatic = sample[sample[gdelt.EVENT_CODE].isin(gdelt.CAMEO_KINDS)]
    frame, problems, counts = gdelt.read_gdelt_report(SAMPLE)
    schema.check(frame, schema.MENTIONS, "GDELT sample")
    assert counts["rows"] == len(sample)
    assert counts["diplomatic"] == len(diplomatic)
    assert len([p for p in problems if str(p).endswith("row skipped")]) == counts["skipped"]
    assert 0 < len(frame) < len(diplomatic)
    # never fewer mentions than distinct (article, event root) pairs, never more than rows
    assert len(frame) >= diplomatic.groupby([gdelt.SOURCEURL, gdelt.EVENT_ROOT]).ngroups
    skipped = {p.row for p in problems if str(p).endswith("row skipped")}
    kept = diplomatic[~(diplomatic.index + 1).isin(skipped)]  # no header: row N is line N
    assert set(frame["article"]) == set(kept[gdelt.SOURCEURL])
    assert frame["mention_id"].is_unique
    assert frame["countries"].map(lambda codes: all(gdelt.is_iso3(c) for c in codes)).all()


def test_every_event_of_the_real_sample_has_a_date_and_countries_or_its_rows_are_reported():
    frame, problems, counts = gdelt.read_gdelt_report(SAMPLE)
    events = merge_mentions(frame)
    assert len(events) and events["date"].notna().all()
    assert events["countries"].map(len).gt(0).all(), events.loc[events["countries"].map(len) == 0, "title"].tolist()
    no_party = [p for p in problems if p.field == "Actor1CountryCode/Actor2CountryCode"]
    assert no_party and counts["skipped"] == len(no_party)  # the sample's regional actors (EUR, AFR)
    assert all(re.fullmatch(r"no party with an ISO3 country code \(actors .+\); row skipped", p.reason) and p.row > 0
               for p in no_party)
