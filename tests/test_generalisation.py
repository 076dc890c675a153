"""Extraction rules stated as general facts of English news and of diplomacy, each tested with
sentences written for this file (none is copied from a gold set), with cases where the rule
must not fire. Publication day: Wednesday 6 March 2024 (tests.test_events.PUBLISHED)."""
from datetime import datetime

import pytest

from tests.test_events import extract


def _one(body, **filters):
    found = [r for r in extract(body) if all(r[k] == v for k, v in filters.items())]
    assert len(found) == 1, extract(body)
    return found[0]


# --- a wire report's dateline dates its "today" ----------------------------------------------

@pytest.mark.parametrize("body, day", [
    # printed the morning after its dateline: "today" is the dateline's day
    ("LIMA, March 5 (Reuters) - The foreign ministers of Chile and Peru met today in the "
     "presidential palace.", "2024-03-05"),
    ("Valparaiso, Chile, March 4\n\nThe presidents of Chile and Argentina held talks today.", "2024-03-04"),
    # a dateline a month back is no dateline of this report: "today" is the printing day
    ("LIMA, Feb. 2 - The foreign ministers of Chile and Peru met today.", "2024-03-06"),
    # a sentence opening with a date is no dateline
    ("On March 4, officials said the foreign ministers of Chile and Peru met today.", "2024-03-06"),
])
def test_a_dateline_day_is_the_day_today_means(body, day):
    assert _one(body)["date"] == day


# --- status from the tense of the clause, then from the day ----------------------------------

@pytest.mark.parametrize("body, status, day", [
    # simple present with a day to come: a plan
    ("The Chilean president flies to Lima on Friday for talks with his Peruvian counterpart.",
     "planned", "2024-03-08"),
    ("The presidents of Chile and Peru meet in Lima on March 12.", "planned", "2024-03-12"),
    # past tense: held, whatever the day
    ("The Chilean president flew to Lima on Friday for talks with his Peruvian counterpart.",
     "held", "2024-03-01"),
    ("The presidents of Chile and Peru met in Lima on March 2.", "held", "2024-03-02"),
])
def test_a_clause_without_tense_cues_takes_its_status_from_its_day(body, status, day):
    record = _one(body)
    assert (record["status"], record["date"]) == (status, day)
