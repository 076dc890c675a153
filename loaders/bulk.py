"""Merging at scale: which mentions need the Python merge, and the events of the others, in SQL.

A full merge in Python costs about 12 s per 100,000 mentions, so a store that takes events files
of a million rows cannot merge everything in Python. The rows of one events file are one
encounter each (`merge.LEDGERS`: two rows of one file never merge), so such a row can only join a
mention from elsewhere: an article's, a GDELT or Office of the Historian row, another file's.
It can join one only if they share a party (a country; with no country on either side, an
organization) in months that touch (merge's rules demand a common party and compatible dates:
the same day or month, a range holding the other, the same year for a date known to the year,
or an undated report within MAX_UNDATED_GAP_DAYS).

So the mentions split in two, in SQL over the store's `mentions` table (`mark_core`):

- the **core**: every mention not from an events file, and every events-file row that shares a
  party, in months that touch, with a mention not of its own file. The core is merged in Python
  (`merge.remerge` after an ingest, `merge.merge_mentions` in full) exactly as before.
- the **singles**: the other events-file rows. In the merge of everything each one is an event
  of its own (it passes no rule with anything), so their events are written by SQL
  (`insert_singles`), as `merge._Event.record` would write an event of one mention.

The merge of the core alone equals the core's part of the merge of everything, as a single can
neither join a core event nor take a core mention in. tests/test_store.py checks the store's
events against `merge_mentions` of all its mentions. Months are checked with a margin of a
month on each side, and a mention with no time at all, or a span over MAX_MONTHS, meets every
month: the core may hold more than it needs, never less.

What stays slow: two large events files about the same countries and months make each other's
rows core, and the core is merged in Python.
"""
from loaders.merge import LEDGERS, MAX_UNDATED_GAP_DAYS

#: A span of more months than this counts as meeting every month.
MAX_MONTHS = 36

_MONTH = "(year({0}) * 12 + month({0}) - 1)"


def _spans_sql():
    """One row per mention and party: mention_id, file (origin|article for an events-file row,
    '' otherwise), party, lo and hi (month numbers of its span; NULL: any time)."""
    ledgers = "[" + ", ".join(f"'{origin}'" for origin in LEDGERS) + "]"
    gap = f"INTERVAL {MAX_UNDATED_GAP_DAYS} DAY"
    lo = f"""CASE WHEN date IS NOT NULL AND date_precision = 'year' THEN year(date) * 12
                  WHEN date IS NOT NULL THEN {_MONTH.format('date')}
                  WHEN published IS NOT NULL THEN {_MONTH.format(f'(published - {gap})')} END"""
    hi = f"""CASE WHEN date IS NOT NULL AND date_precision = 'year' THEN year(date) * 12 + 11
                  WHEN date IS NOT NULL THEN {_MONTH.format('greatest(date, coalesce(end_date, date))')}
                  WHEN published IS NOT NULL THEN {_MONTH.format(f'(published + {gap})')} END"""
    return f"""SELECT mention_id, file, unnest(parties) AS party,
                      CASE WHEN hi - lo <= {MAX_MONTHS} THEN lo END AS lo, CASE WHEN hi - lo <= {MAX_MONTHS} THEN hi END AS hi
               FROM (SELECT mention_id,
                            CASE WHEN list_contains({ledgers}, origin) THEN origin || '|' || coalesce(article, '') ELSE '' END AS file,
                            CASE WHEN len(countries) > 0 THEN list_distinct(countries)
                                 ELSE list_transform(list_distinct(organizations), lambda o: 'org:' || o) END AS parties,
                            {lo} AS lo, {hi} AS hi
                     FROM mentions)"""


def mark_core(con):
    """Fill the temporary table `core` (mention_id) with the mentions the Python merge needs
    (module docstring), on `con`, a connection to the store."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE spans AS {_spans_sql()}")
    # who is present per party and month (with a month's margin), per party at any time, and
    # per party among the mentions of no known time: how many files ('' for not an events
    # file) and two of them, enough to tell whether a file other than a given one is there
    present = "count(DISTINCT file) AS files, min(file) AS first, max(file) AS last"
    con.execute(f"""CREATE OR REPLACE TEMP TABLE by_month AS SELECT party, month, {present}
                    FROM (SELECT party, file, unnest(range(lo - 1, hi + 2)) AS month FROM spans WHERE lo IS NOT NULL)
                    GROUP BY party, month""")
    con.execute(f"CREATE OR REPLACE TEMP TABLE by_party AS SELECT party, {present} FROM spans GROUP BY party")
    con.execute(f"CREATE OR REPLACE TEMP TABLE by_party_anytime AS SELECT party, {present} FROM spans WHERE lo IS NULL GROUP BY party")
    other = "(p.files > 1 OR p.first <> s.file)"
    con.execute(f"""CREATE OR REPLACE TEMP TABLE core AS
        SELECT DISTINCT mention_id FROM spans WHERE file = ''
        UNION SELECT s.mention_id FROM (SELECT mention_id, file, party, unnest(range(lo, hi + 1)) AS month FROM spans
                                        WHERE file <> '' AND lo IS NOT NULL) AS s
              JOIN by_month AS p ON p.party = s.party AND p.month = s.month WHERE {other}
        UNION SELECT s.mention_id FROM spans AS s JOIN by_party AS p ON p.party = s.party WHERE s.file <> '' AND s.lo IS NULL AND {other}
        UNION SELECT s.mention_id FROM spans AS s JOIN by_party_anytime AS p ON p.party = s.party WHERE s.file <> '' AND {other}""")
    # a mention with no party can join nothing (merge's rules need one in common): not core,
    # unless it is not an events-file row, which the Python merge takes as it always did
    con.execute("""INSERT INTO core SELECT mention_id FROM mentions WHERE mention_id NOT IN (SELECT mention_id FROM spans)
                   AND NOT list_contains(?, origin)""", [list(LEDGERS)])


def _iso_sql(column):
    return (f"CASE WHEN {column} IS NULL THEN NULL WHEN microsecond({column}) % 1000000 <> 0 "
            f"THEN strftime({column}, '%Y-%m-%dT%H:%M:%S.%f') ELSE strftime({column}, '%Y-%m-%dT%H:%M:%S') END")


def insert_singles(con, where):
    """Write into `merged` the event of each mention matching `where` (SQL over `mentions`),
    each an event of its own, as merge._Event.record writes an event of one mention: its
    absentees once each, mediators that are not absent, participants that are neither."""
    distinct = "list_filter({0}, lambda x, i: list_position({0}, x) = i)"
    source = ("json_object('mention_id', mention_id, 'article_id', article_id, 'article', article, "
              f"'published', {_iso_sql('published')}, 'evidence', evidence, 'evidence_start', evidence_start, "
              "'evidence_end', evidence_end, 'date_text', date_text, 'date_start', date_start, 'date_end', date_end)")
    con.execute(f"""INSERT INTO merged
        SELECT substr(sha256(mention_id), 1, 16) AS event_id, kind, cameo, plover_mode, status, date, end_date,
               date_precision, date_text, city, country,
               list_filter(countries, lambda c: NOT list_contains(absent_, c) AND NOT list_contains(mediators_, c)) AS countries,
               absent_ AS absent, mediators_ AS mediators, organizations, {distinct.format('heads')} AS heads,
               {distinct.format('topics')} AS topics, title, evidence, published, origin, 1 AS n_sources,
               [mention_id] AS mention_ids, '[' || {source} || ']' AS sources, []::VARCHAR[] AS merge_reasons
        FROM (SELECT *, list_filter(mediators_all, lambda m: NOT list_contains(absent_, m)) AS mediators_
              FROM (SELECT *, {distinct.format('absent')} AS absent_, {distinct.format('mediators')} AS mediators_all
                    FROM mentions WHERE {where}))""")
