"""Shared fixtures: paths to the shared data sets and the schema-1 store, and small article files written on the fly."""
import io
import os
import random
import shutil
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
SAMPLE_ARTICLES = ROOT / "data" / "sample" / "articles"
SEED_ARTICLE = SAMPLE_ARTICLES / "000_76c8171fdb820c38.txt"
#: A store as schema 1 wrote it, with one title edited and one event deleted
#: (tools/build_schema1_fixture.py); tests open copies of it, never the file itself.
SCHEMA1_STORE = ROOT / "tests" / "fixtures" / "schema1.duckdb"
SCHEMA1_ARTICLES = ("06_sullivan_wang_malta.txt", "25_lavrov_wang_yi_moscow.txt", "29_xi_moscow_state_visit.txt")
SCHEMA1_EDITED_TITLE = "Sullivan and Wang Yi meet in Malta"


def require_shared(path):
    """Skip a test whose shared data set (../shared beside the clone) is missing; under CI
    (CI=true) fail instead: CI runs beside ../shared, so a missing set is a broken set-up."""
    if Path(path).exists():
        return Path(path)
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{path} is missing: CI runs with ../shared beside the clone")
    pytest.skip(f"{path} is not there (../shared beside the clone)")


def header_article(published, title, body, byline=None):
    """Text of an article in the header format: ' date YYYY-MM-DD ...', title, blank, byline, body."""
    lines = [f" date {published} All Sections", title, ""]
    if byline:
        lines.append(byline)
    return "\n".join(lines + [body, ""])


def binary_samples(seed=14):
    """{file name: bytes} of binary data named as text, made from a seeded generator: 50,000
    random bytes, a PNG image and a ZIP archive (issue 14: each must be rejected)."""
    rng = random.Random(seed)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixels = b"".join(b"\x00" + rng.randbytes(3 * 32) for _ in range(32))  # 32 rows of 32 RGB pixels
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 32, 32, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b""))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as members:
        members.writestr("article.txt", "Ministers met in Geneva on Friday. " * 50)
    return {"binary.txt": rng.randbytes(50_000), "image.txt": png, "archive.txt": archive.getvalue()}


@pytest.fixture(autouse=True)
def _main_module_kept():
    """Streamlit's AppTest runs a page as the module __main__ and may leave it there; a process
    spawned later (a Dask worker) would then run dashboard.py as its main. Each test gets the
    __main__ it started with back."""
    main = sys.modules.get("__main__")
    yield
    if main is not None:
        sys.modules["__main__"] = main


@pytest.fixture
def write_article(tmp_path):
    """write_article(name, published, title, body) -> Path of a header-format article in tmp_path."""
    def write(name, published, title, body, byline=None, folder=tmp_path):
        path = Path(folder) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(header_article(published, title, body, byline), encoding="utf-8")
        return path
    return write


@pytest.fixture
def schema1_store(tmp_path):
    """A copy of the schema-1 fixture store, in a folder of its own (its backup is written beside it)."""
    folder = tmp_path / "schema1"
    folder.mkdir()
    copy = folder / "analyst.duckdb"
    shutil.copyfile(SCHEMA1_STORE, copy)
    return copy
