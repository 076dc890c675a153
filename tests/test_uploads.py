"""Uploads (issue 6): a size limit with a clear reason, names never used as paths, archives refused.

`loaders.uploads.save_upload` is what the import form (ui.sources.import_form) calls for every uploaded
file and for a pasted text; these tests drive it on real folders, then ingest what it wrote.
"""
import bz2
import gzip
import io
import lzma
import os
import re
import tarfile
import tomllib
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders import registry
from loaders.errors import InputError, ParleyError
from loaders.store import Store
from loaders.uploads import MAX_NAME_CHARS, safe_name, save_upload

ARTICLE = b" date 2024-03-01 World\nTalks in Geneva\n\nMinisters of Chile and Norway met in Geneva on Friday.\n"


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _tar(members, mode="w"):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


# name as the browser sent it, the name written
NAMES = [
    ("article.txt", "article.txt"),
    ("../../etc/passwd", "passwd"),
    ("..\\..\\windows\\win.ini", "win.ini"),
    ("/tmp/elsewhere/report.html", "report.html"),
    ("C:\\Users\\x\\list.json", "list.json"),
    ("..", "upload"),
    ("", "upload"),
    ("....//....//x.csv", "x.csv"),
    (".bashrc", "bashrc"),                       # never a hidden file (folders skip those)
    ("-rf .txt", "rf.txt"),                      # never an option
    ("a\x00b.txt", "ab.txt"),
    ("доклад.csv", "upload.csv"),                # the suffix stays: CSV is told by it
    ("report.<script>", "report._script"),
    ("x" * 500 + ".json", "x" * (MAX_NAME_CHARS - 5) + ".json"),
]


@pytest.mark.parametrize("name, written", NAMES, ids=[repr(n[:24]) for n, _ in NAMES])
def test_an_upload_name_is_never_a_path(tmp_path, name, written):
    folder = tmp_path / "uploads"
    folder.mkdir()
    path = save_upload(name, ARTICLE, folder)
    assert path == folder / written and path.read_bytes() == ARTICLE
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [written]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=120) | st.lists(st.sampled_from(["..", ".", "/", "\\", "a", "b.txt", "\x00", "~", ":"]),
                                               max_size=12).map("".join))
def test_any_name_stays_one_plain_part(name):
    plain = safe_name(name)
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", plain) and len(plain) <= MAX_NAME_CHARS
    assert plain not in (".", "..") and Path(plain).name == plain


def test_same_name_twice_keeps_both(tmp_path):
    first = save_upload("../a.txt", b"one", tmp_path)
    second = save_upload("a.txt", b"two", tmp_path)
    assert (first.name, second.name) == ("a.txt", "a-2.txt")
    assert (first.read_bytes(), second.read_bytes()) == (b"one", b"two")


def test_a_link_left_in_the_folder_is_not_written_through(tmp_path):
    folder, outside = tmp_path / "uploads", tmp_path / "outside.txt"
    folder.mkdir()
    outside.write_bytes(b"keep me")
    (folder / "a.txt").symlink_to(outside)
    path = save_upload("a.txt", b"overwrite?", folder)
    assert path == folder / "a-2.txt" and outside.read_bytes() == b"keep me"


@pytest.mark.parametrize("size, limit, accepted", [(100, 100, True), (101, 100, False), (0, 0, True)])
def test_size_limit_with_a_clear_reason(tmp_path, size, limit, accepted):
    data = b"x" * size
    if accepted:
        assert save_upload("a.txt", data, tmp_path, limit=limit).stat().st_size == size
        return
    with pytest.raises(InputError) as error:
        save_upload("a.txt", data, tmp_path, limit=limit)
    assert str(error.value) == f"a.txt: upload is {size:,} bytes, over the limit of {limit:,} bytes (max_upload_bytes)"
    assert list(tmp_path.iterdir()) == []


def test_default_limit_is_the_setting(tmp_path, monkeypatch):
    from dataclasses import replace

    import loaders.uploads as uploads

    monkeypatch.setattr(uploads, "SETTINGS", replace(uploads.SETTINGS, max_upload_bytes=10))
    with pytest.raises(InputError, match="over the limit of 10 bytes"):
        save_upload("a.txt", b"x" * 11, tmp_path)


def _uploaded_file(name, data):
    """Streamlit's own UploadedFile, as st.file_uploader returns it."""
    from streamlit.proto.Common_pb2 import FileURLs
    from streamlit.runtime.uploaded_file_manager import UploadedFile, UploadedFileRec

    return UploadedFile(UploadedFileRec("id-1", name, "text/plain", data), FileURLs())


def test_an_uploaded_file_over_the_limit_is_refused_before_a_byte_is_read(tmp_path):
    upload = _uploaded_file("big.txt", ARTICLE * 10)
    with pytest.raises(InputError, match=f"big.txt: upload is {len(ARTICLE) * 10:,} bytes, over the limit of 100 bytes"):
        save_upload(upload.name, upload, tmp_path, limit=100)
    assert upload.tell() == 0 and list(tmp_path.iterdir()) == []


def test_an_uploaded_file_within_the_limit_is_copied_whole(tmp_path):
    upload = _uploaded_file("../article.txt", ARTICLE)
    upload.read(5)  # a position left by an earlier reader does not cut the copy
    assert save_upload(upload.name, upload, tmp_path).read_bytes() == ARTICLE


def test_an_open_file_is_measured_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # sparse: 200 MB that take no disk
        handle.truncate(200 * 1024 * 1024)
    folder = tmp_path / "uploads"
    folder.mkdir()
    with open(big, "rb") as handle:
        with pytest.raises(InputError, match="upload is 209,715,200 bytes, over the limit of"):
            save_upload("big.txt", handle, folder)
        assert handle.tell() == 0
    assert list(folder.iterdir()) == []


def test_the_upload_limit_is_set_once_in_streamlits_config(tmp_path):
    from loaders.settings import SETTINGS, STREAMLIT_CONFIG, streamlit_upload_bytes

    config = tomllib.loads(STREAMLIT_CONFIG.read_text(encoding="utf-8"))
    assert SETTINGS.max_upload_bytes == config["server"]["maxUploadSize"] * 1024 * 1024 == 20 * 1024 * 1024
    # the same file turns usage statistics off and hides the Deploy button
    assert config["browser"]["gatherUsageStats"] is False and config["client"]["toolbarMode"] == "viewer"
    other = tmp_path / "config.toml"
    other.write_text("[server]\nmaxUploadSize = 3\n", encoding="utf-8")
    assert streamlit_upload_bytes(other) == 3 * 1024 * 1024


BOMB_MEMBERS = {"../../escaped.txt": ARTICLE, "ok.txt": ARTICLE}

# name, bytes, kind named in the reason
ARCHIVES = [
    ("articles.zip", _zip(BOMB_MEMBERS), "zip"),
    ("articles.txt", _zip(BOMB_MEMBERS), "zip"),            # told by content, not suffix
    ("articles.tar.gz", gzip.compress(_tar(BOMB_MEMBERS)), "gzip"),
    ("articles.html", _tar(BOMB_MEMBERS), "tar"),
    ("articles.json", bz2.compress(ARTICLE), "bzip2"),
    ("articles.csv", lzma.compress(ARTICLE), "xz"),
    ("cut.zip", b"", "zip"),                                # content says nothing: the suffix does
    ("cut.7z", b"not really", "7z"),
]


@pytest.mark.parametrize("name, data, kind", ARCHIVES, ids=[a[0] for a in ARCHIVES])
def test_archives_are_refused_not_unpacked(tmp_path, name, data, kind):
    with pytest.raises(InputError) as error:
        save_upload(name, data, tmp_path)
    assert error.value.reason == f"an archive ({kind}), not unpacked: extract it and import the files inside"
    assert list(tmp_path.iterdir()) == [] and not (tmp_path.parent / "escaped.txt").exists()


@pytest.mark.parametrize("text", [b"BZhang and Li met in Beijing.", b"PK talks: " + ARTICLE, b"x" * 257 + b"ustard"])
def test_text_that_starts_like_an_archive_is_not_one(tmp_path, text):
    assert save_upload("a.txt", text, tmp_path).read_bytes() == text


@pytest.mark.parametrize("name, data, kind", [a for a in ARCHIVES if a[1]], ids=[a[0] for a in ARCHIVES if a[1]])
def test_an_archive_on_disk_is_rejected_with_the_same_reason(tmp_path, name, data, kind):
    # the command line reads folders as they are: an archive there gets the same one-line reason
    path = tmp_path / name
    path.write_bytes(data)
    outcome, = registry.read_paths([path]).outcomes
    assert (outcome.outcome, outcome.reason) == ("rejected", registry.archive_reason(kind))


def test_bad_folder_or_data_is_a_parley_error(tmp_path):
    with pytest.raises(ParleyError, match="is not a folder"):
        save_upload("a.txt", b"x", tmp_path / "missing")
    with pytest.raises(ParleyError, match="expected bytes"):
        save_upload("a.txt", "text, not bytes", tmp_path)


def test_an_import_with_hostile_names_ingests_inside_its_folder(tmp_path):
    """What ui.sources.import_form does: save every upload, ingest the folder's files, report by name."""
    folder = tmp_path / "upload"
    folder.mkdir()
    offered = [("../../../outside.txt", ARTICLE), ("evil.zip", _zip(BOMB_MEMBERS)),
               ("big.txt", ARTICLE * 100), ("..\\b.txt", ARTICLE.replace(b"Geneva on", b"Oslo on"))]
    saved, rejected = [], []
    for name, data in offered:
        try:
            saved.append(save_upload(name, data, folder, limit=len(ARTICLE) * 10))
        except InputError as error:
            rejected.append((name, error.reason))
    assert [n for n, _ in rejected] == ["evil.zip", "big.txt"]
    report = Store(tmp_path / "p.duckdb").ingest(saved)
    assert [f.outcome for f in report.files] == ["ingested", "ingested"]
    assert all(Path(f.path).parent == folder for f in report.files)
    assert sorted(os.listdir(tmp_path)) == ["p.duckdb", "upload"]


def test_a_pasted_article_with_its_date_is_ingested_and_its_relative_dates_resolved(tmp_path, monkeypatch):
    """The Sources page: paste a text, give its publication date, import; "on Friday" resolves
    against that date."""
    from eventrows import mention, mentions_frame, open_page

    store = Store(tmp_path / "paste.duckdb")
    store.add_frames(mentions=mentions_frame(mention(1)))   # a store in use: no bundled sample
    monkeypatch.setenv("PARLEY_DB", str(store.path))
    at = open_page("sources")
    at.text_area[0].input("Kenya and Peru hold talks\nThe foreign ministers of Kenya and Peru held talks "
                          "in Nairobi on Friday.")
    at.date_input[0].set_value(date(2025, 6, 18))
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Import done" in s.value for s in at.success)
    [article] = store.articles().to_dict("records")
    assert article["title"] == "Kenya and Peru hold talks" and str(article["published"])[:10] == "2025-06-18"
    # recorded under the name it was offered with, not the temporary file it was read from
    assert article["path"] == "pasted text.txt"
    assert store.ingest_log()["path"].iloc[-1] == "pasted text.txt"
    talks = store.events()
    talks = talks[talks["countries"].map(lambda c: sorted(c) == ["KEN", "PER"])].iloc[0]
    assert str(talks["date"])[:10] == "2025-06-13"


def test_an_import_that_rejects_every_file_says_so_in_red(tmp_path, monkeypatch):
    from dataclasses import replace

    from eventrows import mention, mentions_frame, open_page

    from loaders import uploads

    store = Store(tmp_path / "refused.duckdb")
    store.add_frames(mentions=mentions_frame(mention(1)))
    monkeypatch.setenv("PARLEY_DB", str(store.path))
    monkeypatch.setattr(uploads, "SETTINGS", replace(uploads.SETTINGS, max_upload_bytes=20))
    at = open_page("sources")
    at.text_area[0].input("Kenya and Peru hold talks\nA text longer than twenty bytes.")
    at.button[0].click().run()
    assert not at.exception and not at.success
    assert [e.value for e in at.error][:1] == ["Nothing was imported: every file was rejected."]
    assert any("Rejected pasted text" in e.value for e in at.error)


def test_the_import_form_refuses_an_upload_over_the_limit_and_reads_the_others(tmp_path, monkeypatch):
    from dataclasses import replace

    from eventrows import mention, mentions_frame, open_page

    from loaders import uploads

    store = Store(tmp_path / "uploads.duckdb")
    store.add_frames(mentions=mentions_frame(mention(1)))
    monkeypatch.setenv("PARLEY_DB", str(store.path))
    monkeypatch.setattr(uploads, "SETTINGS", replace(uploads.SETTINGS, max_upload_bytes=len(ARTICLE)))
    at = open_page("sources")
    uploader = at.file_uploader[0]
    uploader.upload("talks.txt", ARTICLE, "text/plain")
    uploader.upload("big.txt", ARTICLE + b"More words.\n", "text/plain")
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Import done" in s.value for s in at.success)
    assert [e.value for e in at.error] == [f"Rejected big\\.txt: upload is {len(ARTICLE) + 12:,} bytes, over the limit "
                                           f"of {len(ARTICLE):,} bytes \\(max\\_upload\\_bytes\\)"]
    assert store.articles()["path"].tolist() == ["talks.txt"]
