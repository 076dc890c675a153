"""Uploaded files: bytes a browser sent, written to a folder the app chose, under a safe name.

An upload's name is chosen by whoever sent it, so it is never used as a path: only its last part
is kept, reduced to plain characters (`safe_name`), and the file is created afresh inside the
given folder (never overwriting, never following a link). Uploads over
settings.max_upload_bytes and archives (told by content, then by suffix) are refused with a
one-line reason and nothing is written: archives are not unpacked (issue 6, "Uploads").
"""
import re
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
    """Write the uploaded `data` (bytes) into `folder` under `safe_name(name)` and return its Path.

    A name already taken in `folder` gets '-2', '-3', ... before its suffix. `limit` defaults to
    settings.max_upload_bytes. Raises InputError(name, reason) for an upload over the limit or an
    archive (zip, tar, gzip, ...), writing nothing; ParleyError when `folder` is not a folder.
    Example: save_upload("../report.html", b"<html>...", Path(tmp)) -> Path(tmp) / "report.html"
    """
    limit = SETTINGS.max_upload_bytes if limit is None else limit
    folder = Path(folder)
    if not folder.is_dir():
        raise ParleyError(f"save_upload: folder {str(folder)!r} is not a folder; expected an existing folder")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ParleyError(f"save_upload: data for {name!r} is a {type(data).__name__}; expected bytes")
    data = bytes(data)
    if len(data) > limit:
        raise InputError(name, f"upload is {len(data):,} bytes, over the limit of {limit:,} bytes (max_upload_bytes)")
    archive = archive_kind(data[:4096], str(name))
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
                handle.write(data)
            return path
        except FileExistsError:
            continue
    raise InputError(name, f"too many uploads named {plain!r} in one import")
