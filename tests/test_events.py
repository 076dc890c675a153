"""Extraction of diplomatic encounters (loaders/extraction/, cues.py, topics.py).

Tiny inline articles with a fixed publication date (Wednesday 6 March 2024); then the seed's
three gold events field by field from the bundled copy. The gold sets' scores are in test_scores.
"""
import json
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from loaders import cues, schema
from loaders.extraction import extract_mentions, mentions_to_records
from loaders.topics import LABELS, TOPICS, topics_of

PUBLISHED = datetime(2024, 3, 6, 9, 0)

def articles(*bodies, published=PUBLISHED):
    rows = [{
        "article_id": f"a{n}", "path": f"/tmp/article_{n}.txt", "title": None, "published": published,
        "published_precision": "minute", "published_tz": None, "byline": None, "language": "en",
        "url": None, "text": body, "problems": [], "outlet": None,
    } for n, body in enumerate(bodies)]
    return schema.conform(pd.DataFrame(rows), schema.ARTICLES)


def extract(body, published=PUBLISHED):
    return mentions_to_records(extract_mentions(articles(body, published=published)))


def only(body):
    records = extract(body)
    assert len(records) == 1, records
    return records[0]


@pytest.mark.parametrize("body, kind", [
    ("Lavrov and Wang Yi held talks in Moscow on Monday.", "talks"),
    ("Macron spoke by phone with Scholz on Monday.", "call"),
    ("Modi arrived in Russia on Monday for a two-day visit.", "visit"),
    ("The leaders of Japan, South Korea and the United States held a summit at Camp David on Friday.", "summit"),
    ("Blinken met Wang Yi in Beijing on Monday.", "meeting"),
])
def test_kind(body, kind):
    assert only(body)["kind"] == kind


@pytest.mark.parametrize("body, status", [
    ("Erdogan and Putin will meet in Sochi next week.", "planned"),
    ("Erdogan and Putin are scheduled to meet in Sochi on Friday.", "planned"),
    ("Erdogan and Putin met in Sochi on Monday.", "held"),
    ("The summit of Jordan, Egypt and the United States in Amman was called off on Tuesday.", "cancelled"),
    ("Blinken postponed his trip to China.", "cancelled"),
    ("Bayramov and Mirzoyan agreed to hold another meeting soon.", "planned"),
])
def test_status(body, status):
    assert only(body)["status"] == status


@pytest.mark.parametrize("body, date, precision", [
    # the report's own date ("said on Tuesday") is not the encounter's
    ("Blinken met Wang Yi in Beijing on Monday, the State Department said on Tuesday.", "2024-03-04", "day"),
    ("Lavrov and Wang Yi held talks in Moscow on 1 March.", "2024-03-01", "day"),
    ("Biden met Xi in Bali last November.", "2023-11-01", "month"),
    ("Bayramov and Mirzoyan agreed to hold another meeting soon.", None, "unknown"),
])
def test_date_attached_to_the_trigger(body, date, precision):
    record = only(body)
    assert (record["date"], record["date_precision"]) == (date, precision)


# Date attachment beyond the trigger's clause (PUBLISHED is Wednesday 6 March 2024).
@pytest.mark.parametrize("body, kind, date, end_date, precision", [
    # a week lying inside one month is told as that month (next week: 11-17 March)
    ("Modi and Albanese will meet in Perth next week.", "meeting", "2024-03-01", None, "month"),
    # a visit told as ending: its date is the last day, the first stays unknown
    ("Today, Scholz's state visit to Japan draws to a close.", "visit", None, "2024-03-06", "unknown"),
    # a visit of N days told by its first day
    ("Scholz arrived in Tokyo on Monday for a three-day visit to Japan.", "visit", "2024-03-04", "2024-03-06", "day"),
    # travel to talks is the talks, dated by the talks' own day
    ("Scholz will fly to Tokyo on Thursday, then travel to Osaka for talks on Friday with Kishida.",
     "talks", "2024-03-08", None, "day"),
])
def test_date_attachment(body, kind, date, end_date, precision):
    records = [r for r in extract(body) if r["kind"] == kind]
    assert len(records) == 1, records
    record = records[0]
    assert (record["date"], record["end_date"], record["date_precision"]) == (date, end_date, precision)


def test_a_week_across_two_months_stays_a_week():
    # published Wednesday 24 April 2024: next week is 29 April - 5 May
    records = extract("Modi and Albanese will meet in Perth next week.", published=datetime(2024, 4, 24, 9, 0))
    assert [(r["date"], r["date_precision"]) for r in records] == [("2024-04-29", "week")], records


def test_day_n_of_an_encounter_counts_from_its_first_day():
    records = extract("The leaders of Germany and Japan will open their summit in Oslo next week.\n\n"
                      "Ministers of both countries will hold a meeting on 13 March, day three of the summit.")
    assert sorted((r["kind"], r["date"]) for r in records) == [("meeting", "2024-03-13"), ("summit", "2024-03-11")], records
    records = extract("Scholz landed in Tokyo on Monday for a two-day trip to Japan.\n\n"
                      "On the second day of the trip, Scholz held talks with Kishida.")
    talks = [r for r in records if r["kind"] == "talks"]
    assert [t["date"] for t in talks] == ["2024-03-05"], records


def test_first_encounter_since_a_date_dates_the_earlier_one():
    records = extract("Scholz spoke by phone with Kishida on Monday.\n\n"
                      "During the call, their first such phone call since October 2022, trade was raised.")
    assert sorted((r["status"], r["date"]) for r in records) == [("held", "2022-10-01"), ("held", "2024-03-04")], records


@pytest.mark.parametrize("lede, dated", [
    # the lede's day, with no trigger of its own, dates the undated encounter of the same parties
    ("Scholz left the Kantei early on 5 March after a tense exchange with Kishida.", "2024-03-05"),
    ("OSLO, March 5. Officials from Germany and Japan are in the city.", "2024-03-05"),
    # not a day long before publication, nor a report's own date
    ("Scholz left the Kantei early on 5 January after a tense exchange with Kishida.", None),
    ("Kishida said on Tuesday that Germany and Japan are close partners.", None),
])
def test_undated_encounter_takes_the_lede_day(lede, dated):
    records = extract(lede + "\n\nThe German-Japanese meeting ended in a row over trade.")
    meetings = [r for r in records if r["kind"] == "meeting"]
    assert [m["date"] for m in meetings] == [dated], records


def test_lede_day_needs_the_encounter_parties_in_the_lede():
    records = extract("Scholz left the Kantei early on 5 March after a tense exchange with Kishida.\n\n"
                      "Scholz recalled that he had signed an agreement with Macron at a meeting with Macron and Sanchez.")
    assert all(r["date"] is None for r in records if "FRA" in r["countries"]), records


def test_undated_visit_takes_the_date_of_the_meeting_it_is_for():
    records = extract("Scholz had been due to visit Tokyo, but the trip was called off.\n\n"
                      "Scholz had been scheduled to meet Kishida on Friday, but the meeting was cancelled.")
    visits = [r for r in records if r["kind"] == "visit"]
    assert [(v["status"], v["date"]) for v in visits] == [("cancelled", "2024-03-08")], records


def test_a_date_far_after_the_trigger_is_not_its_own():
    records = extract("Scholz's visit to Japan was the latest of many contacts between the two countries that, "
                      "together with working groups on matters ranging from trade to energy and research, "
                      "have eased the tensions that pushed ties to lows early last year.")
    assert [r["date"] for r in records] == [None], records


def test_both_sides_are_never_the_hosts_they_thank():
    records = extract("Armenia and Azerbaijan held talks in Almaty on Monday.\n\n"
                      "Both countries thanked Oman and Qatar for hosting several rounds of dialogue in 2022.")
    earlier = [r for r in records if r["date"] == "2022-01-01"]
    assert len(earlier) == 1, records
    assert sorted(earlier[0]["countries"]) == ["ARM", "AZE"] and sorted(earlier[0]["mediators"]) == ["OMN", "QAT"]


def test_anaphor_told_first_does_not_join_a_later_plan():
    records = extract("Kishida headed the Japanese delegation at the talks held in Oslo from March 1 to 4.\n\n"
                      "Germany and Japan agreed that their ministers would hold talks later.")
    assert sorted((r["status"], r["date"]) for r in records) == [("held", "2024-03-01"), ("planned", None)], records


@pytest.mark.parametrize("body, city, country", [
    ("Russian and American diplomats held talks in Istanbul, Türkiye on Thursday.", "Istanbul", "TUR"),
    ("Russian and American delegations met in Saudi Arabia on Monday.", None, "SAU"),
    ("Macron spoke by phone with Scholz on Monday.", None, None),
])
def test_venue(body, city, country):
    record = only(body)
    assert (record["city"], record["country"]) == (city, country)


def test_venue_country_is_not_a_party():
    record = only("Russian and American delegations met in Saudi Arabia on Monday.")
    assert sorted(record["countries"]) == ["RUS", "USA"]


@pytest.mark.parametrize("body, absent", [
    ("Russian and American delegations met in Saudi Arabia on Monday, which was not attended by Ukraine.", "UKR"),
    ("The peace summit in Geneva opened on Monday, but Russia was not invited and Ukraine and France signed a statement.", "RUS"),
])
def test_absent_is_never_a_party(body, absent):
    record = only(body)
    assert absent in record["absent"]
    assert absent not in record["countries"]


@pytest.mark.parametrize("body, mediator", [
    ("Armenia and Azerbaijan held talks in Doha on Monday mediated by Qatar.", "QAT"),
    ("Iran and Saudi Arabia thanked Oman for hosting the talks in Muscat last month.", "OMN"),
])
def test_mediators_are_not_parties(body, mediator):
    record = only(body)
    assert mediator in record["mediators"]
    assert mediator not in record["countries"]


@pytest.mark.parametrize("body", [
    "The Federal Reserve meeting on Wednesday left interest rates unchanged.",
    "The prime minister told a news conference on Monday that exports rose.",
    "The grain deal brokered by Turkey and the United Nations collapsed in July.",
    "Oil prices fell on Monday after weak data from China.",
    "The company will meet demand from Japan and India next year.",
])
def test_no_encounter(body):
    assert extract(body) == []


def test_one_encounter_told_twice_is_one_mention():
    records = extract("Lavrov and Wang Yi held talks in Moscow on Monday.\n\n"
                      "The talks covered trade and energy.")
    assert len(records) == 1
    assert records[0]["evidence"].count(" | ") == 1


def test_held_meeting_and_planned_follow_up_are_two():
    records = extract("Lavrov and Wang Yi met in Moscow on Monday.\n\n"
                      "They agreed to hold another meeting soon.")
    assert sorted(r["status"] for r in records) == ["held", "planned"]


def test_hedged_meeting_is_left_out():
    assert extract("Biden and Xi could meet in San Francisco later this year.") == []


def test_records_have_the_scorer_fields():
    record = only("Lavrov and Wang Yi held talks in Moscow on Monday.")
    assert {"article", "kind", "status", "date", "end_date", "date_precision", "date_text", "city",
            "country", "countries", "absent", "mediators", "heads", "topics", "evidence"} <= set(record)
    assert record["article"] == "article_0.txt"
    json.dumps(record)


def test_evidence_offsets_index_the_text():
    body = "Trade fell.\n\nLavrov and Wang Yi held talks in Moscow on Monday."
    frame = extract_mentions(articles(body))
    row = frame.iloc[0]
    assert body[row.evidence_start:row.evidence_end] == row.evidence
    assert body[row.date_start:row.date_end] == row.date_text


def test_empty_input_gives_an_empty_checked_frame():
    frame = extract_mentions(schema.empty(schema.ARTICLES))
    assert frame.empty and list(frame.columns) == schema.names(schema.MENTIONS)


@pytest.mark.parametrize("text, labels", [
    ("They discussed a ceasefire and the exchange of prisoners.", ["war-and-ceasefire", "prisoners-and-humanitarian"]),
    ("Staffing at the embassy was raised.", ["embassies-and-missions"]),
    ("Nothing in particular.", ["other"]),
])
def test_topics(text, labels):
    assert topics_of(text) == labels


def test_cue_tables_are_documented_data():
    assert all(t.kind in schema.KIND_NAMES for t in cues.TRIGGERS)
    assert all(t.cameo == schema.KIND_CAMEO[t.kind] for t in cues.TRIGGERS)
    assert len(LABELS) == len(set(LABELS)) and all(t.meaning for t in TOPICS)


@pytest.mark.parametrize("body, kind, absent_head", [
    ("President Emmanuel Macron and Chancellor Friedrich Merz met in Lisbon on Friday. "
     "Ukrainian President Volodymyr Zelensky was not invited to the meeting.", "meeting", "Zelensky"),
])
def test_the_head_of_an_absent_country_is_not_a_head_of_the_encounter(body, kind, absent_head):
    article = _articles_frame_for_heads(body)
    mentions = extract_mentions(article)
    held = mentions[mentions["kind"] == kind].iloc[0]
    assert "UKR" in held["absent"]
    assert not any(absent_head in head for head in held["heads"])


@pytest.mark.parametrize("since, day", [("March 2021", "2021-03-01"), ("2019", "2019-01-01")])
def test_an_earlier_encounter_first_since_does_not_take_the_new_venue(since, day):
    article = _articles_frame_for_heads(
        f"The presidents of Chile and Peru held talks in Lima on Friday, their first meeting since {since}.")
    mentions = extract_mentions(article)
    earlier = mentions[mentions["date"] == pd.Timestamp(day)]
    assert len(earlier) == 1 and earlier.iloc[0]["city"] is None and earlier.iloc[0]["status"] == "held"


def _articles_frame_for_heads(body):
    from loaders.articles import read_text_input
    return read_text_input(" date 2025-06-14 All Sections\nTitle\n\n" + body + "\n", "inline.txt")


SEED_GOLD = Path(__file__).parent / "fixtures" / "seed_gold.jsonl"   # copied from shared/data/seed


def test_seed_events_field_by_field():
    """Issue 3: the seed's three events exactly right, every field the gold gives (not only
    what the scorer looks at), from the bundled copy of the article."""
    from loaders.registry import read_paths
    from tests.conftest import SEED_ARTICLE

    golds = [json.loads(line) for line in SEED_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    mentions = mentions_to_records(extract_mentions(read_paths([SEED_ARTICLE]).articles))
    assert len(mentions) == len(golds)
    for gold in golds:
        [found] = [m for m in mentions if m["status"] == gold["status"] and m["date"] == gold["date"]]
        for field in ("kind", "date_precision", "city", "country"):
            assert found[field] == gold[field], (field, found, gold)
        assert set(found["countries"]) == set(gold["countries"])
        assert set(found["absent"]) == set(gold.get("absent", []))
        assert {h.split()[-1] for h in found["heads"]} == {h.split()[-1] for h in gold["heads"]}


def _mentions_of(body):
    return extract_mentions(_articles_frame_for_heads(body))


def test_talks_on_the_sidelines_of_a_summit_are_their_own_encounter_dated_by_it():
    mentions = _mentions_of(
        "President Lula opened the Mercosur summit in Montevideo on Friday, hosting leaders from "
        "Argentina, Paraguay, Uruguay and Bolivia. The presidents of Argentina and Paraguay held "
        "bilateral talks on the sidelines of the summit, their first formal meeting since 2021.")
    summit = mentions[mentions["kind"] == "summit"].iloc[0]
    talks = mentions[mentions["kind"] == "talks"].iloc[0]
    assert len(summit["countries"]) > 2
    assert sorted(talks["countries"]) == ["ARG", "PRY"]
    assert talks["date"] == summit["date"] == pd.Timestamp("2025-06-13") and talks["city"] == "Montevideo"
    assert (mentions["date"] == pd.Timestamp("2021-01-01")).sum() == 1   # the earlier meeting, apart


@pytest.mark.parametrize("body, absent", [
    ("Delegations of Kenya and Peru met in Nairobi on Friday. Chile was not represented in Nairobi.", "CHL"),
    ("Delegations of Kenya and Peru met in Nairobi on Friday. Chile was absent.", "CHL"),
])
def test_more_ways_of_saying_a_country_stayed_away(body, absent):
    [meeting] = _mentions_of(body).to_dict("records")
    assert meeting["absent"] == [absent] and absent not in meeting["countries"]


def test_a_country_absent_from_one_encounter_still_takes_part_in_another():
    mentions = _mentions_of(
        "Delegations of Kenya and Peru met in Nairobi on Friday. Chile was not invited to the meeting. "
        "Peru's foreign minister will hold talks with Chilean officials in Lima next month.")
    talks = mentions[mentions["kind"] == "talks"].iloc[0]
    assert sorted(talks["countries"]) == ["CHL", "PER"]


def test_a_call_between_two_leaders_that_was_postponed():
    [call] = _mentions_of("A planned call between Ruto and Boluarte was postponed.").to_dict("records")
    assert call["kind"] == "call" and call["status"] == "cancelled"


@pytest.mark.parametrize("body", [
    "The Kenyan president joined the summit in Lima on Friday by video link.",
    "Peru's foreign minister addressed the meeting in Nairobi via video conference on Friday.",
])
def test_taking_part_by_video_is_not_a_call_of_its_own(body):
    assert "call" not in set(_mentions_of(body)["kind"])


@pytest.mark.parametrize("body", [
    "Presidents Putin and Erdogan spoke by video link on Friday.",
    "Putin and Erdogan held a video call on Friday.",
    "Putin and Erdogan held a phone call on Friday.",     # "call on" here is no urging
])
def test_speaking_by_video_is_a_call(body):
    [call] = _mentions_of(body).to_dict("records")
    assert call["kind"] == "call" and sorted(call["countries"]) == ["RUS", "TUR"]
    assert call["date"] == pd.Timestamp("2025-06-13")


@pytest.mark.parametrize("body", [
    "The EU called on Russia and China to hold talks.",
    "Erdogan calls for talks between Russia and Ukraine.",
])
def test_urging_an_encounter_is_not_one(body):
    assert _mentions_of(body).empty


def test_no_shows_are_absent():
    [summit] = _mentions_of("Notable no-shows including Chile will dull the summit of Kenya, Peru and Japan "
                            "in Lima on Friday.").to_dict("records")
    assert summit["absent"] == ["CHL"] and "CHL" not in summit["countries"]


@pytest.mark.parametrize("body", [
    "The Kenyan minister went to a football match in Lima on Friday.",
    "Peru's foreign minister went to a jazz concert in Nairobi on Friday.",
])
def test_an_outing_is_not_a_visit(body):
    assert _mentions_of(body).empty
