"""Parley's settings: every default path, threshold and limit, in one typed object.

Pages, the command line and the loaders read `SETTINGS` (or a copy made with
`dataclasses.replace`) instead of holding literals of their own.
"""
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    #: The DuckDB file used when no `--db` is given; git-ignored.
    db_path: Path = ROOT / "data" / "parley.duckdb"
    #: Folders and files ingested into a fresh default store ("the bundled sample").
    sample_paths: tuple = (ROOT / "data" / "sample" / "articles", ROOT / "data" / "travels" / "president-travels",
                           ROOT / "data" / "travels" / "secretary-travels", ROOT / "data" / "travels" / "visits")
    #: Language assumed for articles that do not declare one.
    default_language: str = "en"
    #: Largest input file read, in bytes; larger files are rejected with this limit in the reason.
    max_file_bytes: int = 50 * 1024 * 1024
    #: Structured files larger than this are streamed into the store by DuckDB (registry
    #: Format.stage) rather than read into pandas; they may be larger than max_file_bytes.
    stream_file_bytes: int = 4 * 1024 * 1024
    #: Memory DuckDB may use while streaming a file or merging into the store; past it, it
    #: spills to disk (DuckDB's memory_limit).
    stream_memory: str = "768MB"
    #: Largest article text kept, in characters; longer texts are cut and the cut is reported.
    max_text_chars: int = 2_000_000
    #: Seconds one article's date resolution may take before the rest is skipped and reported.
    date_budget_seconds: float = 1.0
    #: Earliest and latest years accepted for an event or publication date.
    min_year: int = 1800
    max_year: int = 2100
    #: Above this many events the timeline aggregates points by period (see charts/timeline.py).
    timeline_point_limit: int = 5000
    #: Most lanes the timeline draws; beyond it the least recently active lanes are folded into
    #: one "other pairs" / "other topics" lane at the bottom (see charts/timeline.py).
    timeline_lane_limit: int = 30
    #: The timeline opens on the last this many years of the data when the data span more than
    #: `timeline_whole_years` (and no date range was asked for); the rest is a button away.
    timeline_recent_years: int = 3
    timeline_whole_years: int = 10
    #: Rows the Events page's table shows at most, the newest; its downloads hold every event.
    events_table_rows: int = 10_000
    #: Largest upload accepted in the dashboard, in bytes.
    max_upload_bytes: int = 20 * 1024 * 1024
    #: Folder the browser tests write screenshots and downloads to; git-ignored.
    test_artifacts: Path = ROOT / "test-artifacts"
    extra: dict = field(default_factory=dict)


SETTINGS = Settings()
