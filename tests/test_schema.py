import pandas as pd
import pytest

from loaders import schema
from loaders.errors import SchemaError

ALL = {"ARTICLES": schema.ARTICLES, "DATE_MENTIONS": schema.DATE_MENTIONS,
       "MENTIONS": schema.MENTIONS, "EVENTS": schema.EVENTS}


@pytest.mark.parametrize("name", ALL)
def test_every_column_is_documented_snake_case_and_of_a_known_kind(name):
    for column in ALL[name]:
        assert column.meaning.strip(), f"{name}.{column.name} has no meaning"
        assert column.name == column.name.lower() and " " not in column.name
        assert column.kind in schema.KINDS
    assert len(schema.names(ALL[name])) == len(set(schema.names(ALL[name])))


@pytest.mark.parametrize("name", ALL)
def test_empty_frame_passes_its_own_check(name):
    schema.check(schema.empty(ALL[name]), ALL[name], name)


def _article(**overrides):
    row = dict(article_id="abc", path="a.txt", title="T", published=pd.Timestamp("2025-02-28 08:53"),
               published_precision="minute", published_tz=None, byline=None, language="en", url=None,
               text="Body.", problems=[], outlet=None)
    row.update(overrides)
    return row


@pytest.mark.parametrize("overrides, message", [
    (dict(title=3), "column 'title' (string) row 0 holds int"),
    (dict(problems="no date"), "column 'problems' (list)"),
    (dict(problems=[1]), "column 'problems' (list)"),
])
def test_check_names_the_column_and_the_bad_value(overrides, message):
    frame = pd.DataFrame([_article(**overrides)])
    frame["published"] = pd.to_datetime(frame["published"])
    with pytest.raises(SchemaError, match=message.replace("(", r"\(").replace(")", r"\)")):
        schema.check(frame, schema.ARTICLES, "articles")


def test_check_rejects_missing_and_unexpected_columns():
    frame = schema.empty(schema.ARTICLES).drop(columns=["title"]).assign(headline=[])
    with pytest.raises(SchemaError, match="do not match the schema"):
        schema.check(frame, schema.ARTICLES, "articles")
    with pytest.raises(SchemaError, match=r"missing \['title'\], unexpected \['headline'\]"):
        schema.conform(frame, schema.ARTICLES)


def test_conform_then_records_round_trip_dates_and_lists():
    frame = schema.conform(pd.DataFrame([_article(problems=("a", "b"))]), schema.ARTICLES)
    schema.check(frame, schema.ARTICLES)
    [record] = schema.to_records(frame, schema.ARTICLES)
    assert record["published"] == "2025-02-28T08:53"
    assert record["problems"] == ["a", "b"]
    assert record["url"] is None
