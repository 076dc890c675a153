"""Parley's settings: every default path, threshold and limit, in one typed object.

Pages, the command line and the loaders read `SETTINGS` (or a copy made with
`dataclasses.replace`) instead of holding literals of their own.
"""
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Parley's version, named in the User-Agent of every request it makes.
VERSION = "0.1.0"
#: Streamlit's configuration of the app: the one place the upload limit is set.
STREAMLIT_CONFIG = ROOT / ".streamlit" / "config.toml"


def streamlit_upload_bytes(config=STREAMLIT_CONFIG):
    """The upload limit Streamlit enforces, in bytes: `server.maxUploadSize` of the TOML file
    `config`, in megabytes of 1024 * 1024 bytes as Streamlit counts them."""
    with open(config, "rb") as handle:
        return tomllib.load(handle)["server"]["maxUploadSize"] * 1024 * 1024


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
    #: Each marker costs the browser time to decode and draw: with 2,000 the Timeline of a
    #: million events opens within 3 s in chromium on two cores (bench/browser_scale.py); with
    #: 5,000 it took 3.5 s.
    timeline_point_limit: int = 2000
    #: Most lanes the timeline draws; beyond it the least recently active lanes are folded into
    #: one "other pairs" / "other topics" lane at the bottom (see charts/timeline.py).
    timeline_lane_limit: int = 30
    #: The timeline opens on the last this many years of the data when the data span more than
    #: `timeline_whole_years` (and no date range was asked for); the rest is a button away.
    timeline_recent_years: int = 3
    timeline_whole_years: int = 10
    #: Largest upload accepted in the dashboard, in bytes: Streamlit's own limit, from
    #: .streamlit/config.toml, so that the import form and Streamlit refuse the same files.
    max_upload_bytes: int = field(default_factory=streamlit_upload_bytes)
    #: Rows the Events page's table shows at most, the newest; its downloads hold every event.
    events_table_rows: int = 10_000
    #: Folder the browser tests write screenshots and downloads to; git-ignored.
    test_artifacts: Path = ROOT / "test-artifacts"
    # -- fetching from the web (loaders/web.py, loaders/fetch.py) --
    #: The User-Agent of every request: Parley, its version, and what it is.
    user_agent: str = f"Parley/{VERSION} (diplomatic news reader; +robots.txt obeyed)"
    #: Seconds a server may take to connect or to send the next bytes, and to send a whole body.
    fetch_timeout_seconds: float = 20.0
    fetch_total_seconds: float = 120.0
    #: Tries after the first for a request that timed out, failed to connect or got a 429 or 5xx,
    #: waiting fetch_backoff_seconds, then twice that, and so on (or the server's Retry-After, up
    #: to fetch_max_wait_seconds).
    fetch_retries: int = 2
    fetch_backoff_seconds: float = 1.0
    fetch_max_wait_seconds: float = 60.0
    #: Largest body downloaded, in bytes; a larger one is refused without reading the rest.
    fetch_max_bytes: int = 10 * 1024 * 1024
    #: Most redirects followed for one URL.
    fetch_max_redirects: int = 5
    #: Least time between two requests to one host (a robots.txt Crawl-delay may ask for more).
    fetch_host_interval_seconds: float = 1.0
    #: Most items of one feed read in one fetch (the newest first, as the feed lists them).
    fetch_max_items: int = 100
    #: Largest robots.txt read (RFC 9309 asks crawlers to read at least 500 KiB).
    robots_max_bytes: int = 512 * 1024
    #: In the web app, whether a feed may be on a private, loopback or link-local address. Off:
    #: a shared dashboard must not be a way to probe its own network. The command line, run by
    #: its user, may always fetch from them. PARLEY_ALLOW_PRIVATE_FEEDS=1 turns it on for the app.
    web_allow_private_addresses: bool = False
    extra: dict = field(default_factory=dict)


SETTINGS = Settings()
