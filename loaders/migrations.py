"""Schema versions of the store file, and the steps that bring an older file to the newest.

A store file says which layout it has (`meta.schema_version`). `STEPS` lists, in order, one
small step per version: the step to version N changes a file of version N-1 into version N.
When `Store` opens an older file, `upgrade` first copies the file beside itself, then runs the
steps it needs, each in one transaction that also writes the new version number: a step that
fails leaves the file at the version before it, and the copy keeps it as it was.

To change the store's layout: change the tables (loaders/store.py, loaders/schema.py), append a
step here that changes a file of the previous version in the same way, and nothing else.
`SCHEMA_VERSION` follows from the list. tests/test_migrations.py opens the schema-1 fixture
with the newest code and checks that its tables are those of a new store.

History:
1. articles, mentions, merged, events, corrections, ingest_log (the first layout).
2. `extractions`: which extractor version produced each article's mentions.
3. `articles.outlet` (the publisher's name a page gives); `fetched` (what was fetched from
   the web, with its validators) and `subscriptions` (the feeds to refresh).
"""
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from loaders.errors import ParleyError


@dataclass(frozen=True)
class Step:
    """The step from version `version - 1` to `version`."""
    version: int
    does: str                 # one line: what it changes, for messages and the history
    apply: Callable           # apply(con): runs inside the step's transaction


def _record_extractor_versions(con):
    # Schema 1 did not record which code extracted the mentions: NULL says unknown, so each of
    # those articles is extracted again from its stored text when the store is next opened.
    con.execute('CREATE TABLE extractions (article_id VARCHAR PRIMARY KEY, extractor VARCHAR, "at" TIMESTAMP)')
    con.execute("INSERT INTO extractions SELECT article_id, NULL, NULL FROM articles")


#: The tables of schema 3, created as they are by a new store (loaders/store.py) and by step 3.
FETCHED_DDL = ('CREATE TABLE fetched (url VARCHAR PRIMARY KEY, final_url VARCHAR, etag VARCHAR, '
               'last_modified VARCHAR, content_sha VARCHAR, kind VARCHAR, article_id VARCHAR, "at" TIMESTAMP)')
SUBSCRIPTIONS_DDL = ('CREATE TABLE subscriptions (url VARCHAR PRIMARY KEY, title VARCHAR, added TIMESTAMP, '
                     'last_checked TIMESTAMP, last_success TIMESTAMP, last_error VARCHAR, last_result VARCHAR)')


def _fetch_from_the_web(con):
    # Articles stored before have no outlet of their own: the dashboard names them by host, as before.
    con.execute("ALTER TABLE articles ADD COLUMN outlet VARCHAR")
    con.execute(FETCHED_DDL)
    con.execute(SUBSCRIPTIONS_DDL)


STEPS = (
    Step(2, "record which extractor version produced each article's mentions", _record_extractor_versions),
    Step(3, "add the articles' outlet, the fetched URLs and the feed subscriptions", _fetch_from_the_web),
)
#: The layout this code writes and reads.
SCHEMA_VERSION = STEPS[-1].version


def upgrade(con, path, version, steps=STEPS):
    """Bring the store `path`, open on `con` at schema `version`, to the last of `steps`.

    Returns a one-line notice naming the backup written beside the file, or None when no step
    is due (nothing is copied then). Raises ParleyError (one line) when the backup cannot be
    written (nothing changed then) or a step fails (the file stays at the version before that
    step; the backup holds it as it was).
    """
    pending = [step for step in steps if step.version > version]
    if not pending:
        return None
    con.execute("CHECKPOINT")  # the file alone then holds every committed change: safe to copy
    backup = backup_path(path, version)
    try:
        shutil.copy2(path, backup)
    except OSError as error:
        raise ParleyError(f"{path}: cannot write the backup {backup} before upgrading the store from "
                          f"schema {version}: {error.strerror}; the store was not changed") from None
    for step in pending:
        con.execute("BEGIN")
        try:
            step.apply(con)
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(step.version)])
            con.execute("COMMIT")
        except BaseException as error:
            con.execute("ROLLBACK")
            if not isinstance(error, duckdb.Error):
                raise
            raise ParleyError(
                f"{path}: upgrading the store from schema {step.version - 1} to {step.version} ({step.does}) "
                f"failed: {str(error).splitlines()[0]}; the file is left at schema {step.version - 1}, and the "
                f"backup {backup.name} beside it holds it as it was") from None
    return (f"{path}: upgraded the store from schema {version} to {pending[-1].version}; "
            f"the file as it was is kept beside it as {backup.name}")


def backup_path(path, version):
    """A free name beside `path` for its copy at schema `version`: 'parley.duckdb' ->
    'parley.schema1-backup.duckdb', then 'parley.schema1-backup-2.duckdb' and so on, so an
    earlier backup is never overwritten."""
    path = Path(path)
    candidate, number = path.with_name(f"{path.stem}.schema{version}-backup{path.suffix}"), 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}.schema{version}-backup-{number}{path.suffix}")
    return candidate
