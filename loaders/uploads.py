"""Uploaded files: bytes a browser sent, written to a folder the app chose, under a safe name.

An upload's name is chosen by whoever sent it, so it is never used as a path: only its last part
is kept, reduced to plain characters (`safe_name`), and the file is created afresh inside the
given folder (never overwriting, never following a link). Uploads over
settings.max_upload_bytes and archives (told by content, then by suffix) are refused with a
one-line reason and nothing is written: archives are not unpacked (issue 6, "Uploads").
An upload given as a file (Streamlit's UploadedFile) has its size checked before any of its
bytes are read or copied (issue 14).
"""
import io
import re
import shutil
from pathlib import Path

from loaders.errors import InputError, ParleyError
from loaders.registry import archive_kind, archive_reason
from loaders.settings import SETTINGS

#: Longest file name kept (suffix included), in characters.
MAX_NAME_CHARS = 100


def safe_name(name):
    """`name` as a plain file name: its last path part ('/' and '\\\\' both separate), characters
    other than letters, digits, '.', '_' and '-' replaced by '_', no leading dots or dashes (no
    hidden files, no options), at most MAX_NAME_CHARS; the suffix is kept when it is plain
    ('.csv'), because some formats are told by it; 'upload' when nothing is left of the stem.

    Example: safe_name("../../etc/passwd") == "passwd"; safe_name("..") == "upload";
    safe_name("доклад.csv") == "upload.csv"
    """
    last = re.split(r"[/\\]", str(name).replace("\x00", ""))[-1]
    suffix = Path(last).suffix if re.fullmatch(r"\.[A-Za-z0-9]{1,10}", Path(last).suffix) else ""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", last[:len(last) - len(suffix)]).strip("._-") or "upload"
    return stem[:MAX_NAME_CHARS - len(suffix)] + suffix


def save_upload(name, data, folder, limit=None):
    """Write the uploaded `data` into `folder` under `safe_name(name)` and return its Path.

    `data` is bytes, or a binary file open for reading (Streamlit's UploadedFile, whose `size`
    is used): its size is checked against `limit` (default settings.max_upload_bytes) before
    anything is read, then it is copied in chunks. A name already taken in `folder` gets '-2',
    '-3', ... before its suffix. Raises InputError(name, reason) for an upload over the limit or
    an archive (zip, tar, gzip, ...), writing nothing; ParleyError when `folder` is not a folder
    or `data` neither bytes nor a binary file.
    Example: save_upload("../report.html", b"<html>...", Path(tmp)) -> Path(tmp) / "report.html"
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ParleyError(f"save_upload: folder {str(folder)!r} is not a folder; expected an existing folder")
    source = _binary_source(name, data)
    check_upload_size(name, _size(source), limit)
    head = source.read(4096)
    source.seek(0)
    archive = archive_kind(head, str(name))
    if archive:
        raise InputError(name, archive_reason(archive))
    plain = safe_name(name)
    stem, suffix = plain[:len(plain) - len(Path(plain).suffix)], Path(plain).suffix
    for number in range(1, 10_000):
        path = folder / (plain if number == 1 else f"{stem}-{number}{suffix}")
        if path.parent != folder or path.name in (".", ".."):  # cannot happen after safe_name; a last guard
            raise InputError(name, "the file name leaves the upload folder")
        try:
            # 'x': create, never overwrite; O_EXCL also refuses a symbolic link left in its place
            with open(path, "xb") as handle:
                shutil.copyfileobj(source, handle)
            return path
        except FileExistsError:
            continue
    raise InputError(name, f"too many uploads named {plain!r} in one import")


def check_upload_size(name, size, limit=None):
    """Raise InputError(name, reason) when an upload of `size` bytes is over `limit` (default
    settings.max_upload_bytes); reads nothing.

    Example: check_upload_size("a.txt", 30_000_000) raises "a.txt: upload is 30,000,000 bytes,
    over the limit of 20,971,520 bytes (max_upload_bytes)"
    """
    limit = SETTINGS.max_upload_bytes if limit is None else limit
    if size > limit:
        raise InputError(name, f"upload is {size:,} bytes, over the limit of {limit:,} bytes (max_upload_bytes)")


def _binary_source(name, data):
    """`data` as a binary file at its start: bytes are wrapped, a file is rewound."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return io.BytesIO(data)
    if not (hasattr(data, "read") and hasattr(data, "seek") and isinstance(data.read(0), bytes)):
        raise ParleyError(f"save_upload: data for {name!r} is a {type(data).__name__}; expected bytes or a binary file")
    data.seek(0)
    return data


def _size(source):
    """Bytes in `source`: its `size` (Streamlit's UploadedFile), else its end's offset."""
    size = getattr(source, "size", None)
    if size is None:
        size = source.seek(0, io.SEEK_END)
        source.seek(0)
    return size
