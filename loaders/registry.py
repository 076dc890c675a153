"""Input formats, keyed by what a file is, and `read_paths`, which reads files and folders.

A format is a `Format(name, produces, sniff, read)`:

- ``produces``: ``"articles"`` (its frame follows `schema.ARTICLES`) or ``"mentions"``
  (`schema.MENTIONS`, for structured event files);
- ``sniff(sample) -> bool``: does this `Sample` (the first bytes of a file, decoded) look like
  the format? Content decides first; the suffix (``sample.suffix``) only where content cannot.
  It must not raise on odd input: an error in a sniffer is a bug, and surfaces as one;
- ``read(path) -> (frame, problems)``: the rows and the file-level problems (one line each, for
  things that did not stop the read, such as a record skipped); it raises `InputError` for a
  file it cannot read at all.

A format may also say:

- ``binary=True``: its files are not text (Parquet, WARC, WARC.gz). Its sniffer sees the raw
  head (``sample.raw``; ``sample.text`` may be None) and is asked before the file is refused as
  binary or as an archive; text formats are never asked about a binary file.
- ``split(path, part_size) -> [part, ...]`` and ``read_part(path, part) -> (frame, problems)``:
  the file read in parts of about `part_size` articles each, with memory bounded whatever the
  file's size (`loaders/scale.py`, `python -m loaders extract --out`). A part is a small
  picklable value (offsets, row groups) that another process can read on its own; the parts
  of a file, read in order, hold the rows `read` gives. Such a file may exceed max_file_bytes
  when it is split, not when it is read whole.

Formats are added with the decorator on their read function, from any module::

    @register_format("gdelt", produces="mentions", sniff=looks_like_gdelt, priority=50)
    def read_gdelt(path): ...

When several formats sniff true, the highest ``priority`` wins, then the one whose ``suffixes``
hold the file's suffix, then the earliest registered. The generic article formats are
deliberately low so that a specific shape registered elsewhere wins:
header text 20, HTML 10, JSON/CSV article collections 0, plain text -10. Give a format that
recognises a specific shape (structured events) a priority above 20.

The modules in `REGISTERED_MODULES` are imported on first use, so a new format needs no edit
here beyond its module name in that tuple.

`read_paths` reports every file as a `FileOutcome`: "read" (with its row count, and any
file-level problems joined in `reason`) or "rejected" with a one-line reason, among them:
"no such file or folder", "empty file (0 bytes)", "empty file (only whitespace)",
"file is N bytes, over the limit of M bytes (max_file_bytes)", "binary file (it holds NUL
bytes), not text", "binary file, not text: N% of its characters are control or replacement
characters ...", "binary or undecodable file: ...", "an archive (zip), not unpacked: ...",
"unknown format: NAME (suffix .x) is none of ...", a format's own InputError reason
("malformed JSON: ...", "no text field: expected one of ...", "no readable text in the HTML
page", "no body text", ...), or "could not be read (ErrorType: ...)" when a reader fails
unexpectedly.

Reading files also lives here, shared by every format: `read_text(path)` checks the size
before reading, refuses binary files (NUL bytes, or the statistics of the decoded characters:
`binary_reason`), honours BOMs, guesses other encodings with charset-normalizer and normalises
line endings.
"""
import codecs
import importlib
import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from loaders import schema
from loaders.errors import InputError, ParleyError
from loaders.settings import SETTINGS

#: Modules that register formats, imported by `formats()` on first use (they import this one).
REGISTERED_MODULES = ("loaders.articles", "loaders.travels", "loaders.gdelt", "loaders.eventsfile", "loaders.archives")

#: How much of a file the sniffers see.
SNIFF_BYTES = 64 * 1024

PRODUCES = ("articles", "mentions")

#: Archives are never unpacked (issue 6: a zip bomb or a '../' member must not reach the disk);
#: they are told by their first bytes, whatever the suffix: (kind, pattern matched at byte 0).
#: The patterns are strict enough that no text starts with one ('BZh' alone could be a name).
ARCHIVE_MAGIC = (
    ("zip", re.compile(rb"PK(?:\x03\x04|\x05\x06|\x07\x08)")), ("gzip", re.compile(rb"\x1f\x8b\x08")),
    ("bzip2", re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)")), ("xz", re.compile(rb"\xfd7zXZ\x00")),
    ("7z", re.compile(rb"7z\xbc\xaf\x27\x1c")), ("rar", re.compile(rb"Rar!\x1a\x07")),
    ("zstd", re.compile(rb"\x28\xb5\x2f\xfd")), ("tar", re.compile(rb".{257}ustar(?:\x00|  \x00)", re.DOTALL)),
)
#: Suffixes of archives, for files whose content does not say (an empty or cut archive).
ARCHIVE_SUFFIXES = {".zip": "zip", ".gz": "gzip", ".tgz": "gzip", ".bz2": "bzip2", ".xz": "xz",
                    ".7z": "7z", ".rar": "rar", ".zst": "zstd", ".tar": "tar"}

#: Text sniffing by statistics (issue 14): decoded text in which more than this share of the
#: characters are control characters (other than tab, line and page breaks), private-use or
#: unassigned code points, or U+FFFD replacement characters is binary data, whatever encoding
#: decoded it. Text in any script holds none or almost none.
MAX_CONTROL_SHARE = 0.01
#: Leaving out spaces, digits, punctuation and the other ASCII characters, text in any script is
#: mostly letters (and combining marks); binary data decoded in some encoding is mostly symbols.
#: Judged only where at least MIN_JUDGED_CHARS characters are left.
MIN_LETTER_SHARE = 0.5
MIN_JUDGED_CHARS = 32
_LINE_CONTROLS = frozenset("\t\n\x0b\x0c\r")

# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Format:
    """One input format: see the module docstring."""
    name: str
    produces: str
    sniff: Callable
    read: Callable
    suffixes: tuple = ()
    priority: int = 0
    #: For a structured format that can stream a file of any size into the store:
    #: stage(path, parquet_path) -> (rows written, problems), writing MENTIONS rows (the store's
    #: column types) to a Parquet file with bounded memory. None: the file is read by `read`.
    stage: Callable | None = None
    #: Its files are binary (see the module docstring): sniffed on `Sample.raw`.
    binary: bool = False
    #: split(path, part_size) -> parts; read_part(path, part) -> (frame, problems). None: the
    #: file is one part, read by `read`.
    split: Callable | None = None
    read_part: Callable | None = None


@dataclass(frozen=True)
class Sample:
    """The head of a file, for sniffing.

    `raw` is the first SNIFF_BYTES bytes; `text` the same decoded (BOM removed, line endings
    normalised), or None for a binary file; `suffix` is lower-case ('.json'); `size` in bytes.
    """
    path: Path
    raw: bytes
    text: str | None
    size: int

    @property
    def suffix(self):
        return self.path.suffix.lower()

    @property
    def first_line(self):
        """The first non-empty line, stripped ('' when there is none)."""
        for line in (self.text or "").split("\n"):
            if line.strip():
                return line.strip()
        return ""

    def json_keys(self):
        """Lower-cased keys of the first JSON object in the sample (a JSON list, an object, or
        a JSONL line), or an empty set. Best effort: the sample may be cut mid-record."""
        text = (self.text or "").lstrip()
        decoder = json.JSONDecoder()
        start = text.find("{")
        # step into {"articles": [{...}]} and similar wrappers: the first object holding scalars
        while start != -1:
            try:
                value, _ = decoder.raw_decode(text, start)
            except ValueError:
                return _keys_before_cut(text[start:])
            if isinstance(value, dict):
                if any(not isinstance(v, (list, dict)) for v in value.values()) or not value:
                    return {str(k).lower() for k in value}
            start = text.find("{", start + 1)
        return set()


def _keys_before_cut(text):
    """Keys of a JSON object cut short: the quoted strings followed by a colon."""
    return {m.group(1).lower() for m in re.finditer(r'"((?:[^"\\]|\\.)*)"\s*:', text[:SNIFF_BYTES])}


@dataclass(frozen=True)
class FileOutcome:
    """What became of one input file.

    `outcome` is "read" or "rejected"; `reason` the one-line reason of a rejection (or, for a
    file read with problems, those problems joined by '; '); `n_rows` the rows read from it;
    `format` the name of the format that read it; `problems` the file-level problems.
    """
    path: str
    outcome: str
    reason: str | None
    n_rows: int
    format: str | None = None
    problems: tuple = ()


@dataclass(frozen=True)
class Staged:
    """A structured file streamed to Parquet (Format.stage) rather than read into a frame:
    its MENTIONS rows are in `parquet`, for the store to insert with SQL."""
    path: str
    parquet: str
    n_rows: int


@dataclass
class ReadResult:
    """The frames read from a batch of files, one FileOutcome per file, and the files staged
    (`staged`, Staged) when `read_paths` was given a folder to stream large files to."""
    articles: pd.DataFrame
    mentions: pd.DataFrame
    outcomes: list = field(default_factory=list)
    staged: list = field(default_factory=list)

    @property
    def rejected(self):
        return [o for o in self.outcomes if o.outcome == "rejected"]


_FORMATS = []
_imported = False


def register_format(name, produces="articles", sniff=None, suffixes=(), priority=0, stage=None, binary=False,
                    split=None, read_part=None):
    """Register the decorated `read(path) -> (frame, problems)` function as the format `name`.

    `produces` is "articles" or "mentions"; `sniff(sample: Sample) -> bool` recognises the
    format's files (default: the suffix is one of `suffixes`); `priority` orders formats that
    both recognise a file (higher first); `stage` (mentions only) streams a large file into the
    store (see Format.stage); `binary`, `split` and `read_part` are described in the module
    docstring. Re-registering a name replaces the earlier format.
    Returns the function unchanged.

    Raises ParleyError for an unknown `produces` or a format with neither sniff nor suffixes.
    """
    if produces not in PRODUCES:
        raise ParleyError(f"register_format {name!r}: produces={produces!r}; expected one of {PRODUCES}")
    suffixes = tuple(s.lower() for s in suffixes)
    if sniff is None:
        if not suffixes:
            raise ParleyError(f"register_format {name!r}: give a sniff function or suffixes")
        sniff = lambda sample: sample.suffix in suffixes  # noqa: E731

    def decorator(read):
        _FORMATS[:] = [f for f in _FORMATS if f.name != name]
        _FORMATS.append(Format(name, produces, sniff, read, suffixes, priority, stage, binary, split, read_part))
        return read
    return decorator


def formats():
    """Every registered Format, highest priority first (importing REGISTERED_MODULES once)."""
    global _imported
    if not _imported:
        for module in REGISTERED_MODULES:
            importlib.import_module(module)
        _imported = True
    order = {f.name: i for i, f in enumerate(_FORMATS)}
    return sorted(_FORMATS, key=lambda f: (-f.priority, order[f.name]))


def format_for(sample):
    """The Format that reads `sample`'s file, or None when no format recognises it.

    A sniffer that raises is a bug and its error is raised, not taken for "not recognised".
    A binary file (`sample.text` None) is offered to the binary formats only.
    """
    matching = [f for f in formats() if (f.binary or sample.text is not None) and f.sniff(sample)]
    if not matching:
        return None
    order = {f.name: i for i, f in enumerate(matching)}
    return min(matching, key=lambda f: (-f.priority, sample.suffix not in f.suffixes, order[f.name]))


# -- reading bytes as text -------------------------------------------------------------------


def archive_kind(raw, name=""):
    """The kind of archive ('zip', 'gzip', 'tar', ...) that the bytes `raw` (the head of a file)
    or, failing that, the file name's suffix show, or None for anything else.

    Example: archive_kind(b"PK\\x03\\x04...") == "zip"; archive_kind(b"", "a.tar.gz") == "gzip"
    """
    for kind, magic in ARCHIVE_MAGIC:
        if magic.match(raw):
            return kind
    return ARCHIVE_SUFFIXES.get(Path(str(name)).suffix.lower())


#: GDELT publishes its exports zipped, one CSV each: read as they are, never unpacked to disk.
GDELT_ZIP = re.compile(r"\.export\.csv\.zip$", re.IGNORECASE)


def is_gdelt_zip(path):
    """True for a file named like a zipped GDELT export ('20250301120000.export.CSV.zip')."""
    return bool(GDELT_ZIP.search(str(path)))


def open_member(path):
    """The one member of the zipped GDELT export `path`, as a binary stream decompressed as it is
    read. Raises InputError unless the zip holds exactly one file."""
    import zipfile

    try:
        archive = zipfile.ZipFile(path)
        members = [info for info in archive.infolist() if not info.is_dir()]
    except (OSError, zipfile.BadZipFile) as error:
        raise InputError(path, f"not a readable zip file ({error})") from None
    if len(members) != 1:
        archive.close()
        raise InputError(path, f"a GDELT export zip holds one file; this one holds {len(members)}")
    return archive.open(members[0])


def archive_reason(kind):
    """The one-line reason an archive of `kind` is refused."""
    return f"an archive ({kind}), not unpacked: extract it and import the files inside"


def check_size(path, limit=None):
    """Return the size of `path` in bytes; raise InputError when it is over `limit`
    (default SETTINGS.max_file_bytes) or not a readable file. Reads nothing."""
    limit = SETTINGS.max_file_bytes if limit is None else limit
    try:
        size = os.stat(path).st_size
    except OSError as error:
        raise InputError(path, f"cannot read the file ({error.strerror or error})") from None
    if size > limit:
        raise InputError(path, f"file is {size:,} bytes, over the limit of {limit:,} bytes (max_file_bytes)")
    return size


def decode(raw, path="text", final=True):
    """Decode `raw` bytes to text: BOM first, then UTF-8, then charset-normalizer's guess.

    Returns (text, problems): line endings normalised to '\\n', BOM removed; problems names a
    guessed encoding. `final=False` is for a head cut from a longer file (a character cut at
    the end is dropped). Raises InputError for binary content (NUL bytes, or text statistics:
    see `binary_reason`) or an undetectable encoding.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = _decode(raw[len(bom):], encoding, final)
            except UnicodeDecodeError as error:
                raise InputError(path, f"not valid {encoding} despite its byte-order mark "
                                       f"({error.reason} at byte {error.start})") from None
            return _checked_text(text, path), []
    if b"\x00" in raw:
        raise InputError(path, "binary file (it holds NUL bytes), not text")
    try:
        return _checked_text(_decode(raw, "utf-8", final), path), []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError(path, "binary or undecodable file: not UTF-8 and no text encoding detected")
    return _checked_text(str(best), path), [f"not UTF-8: read as {best.encoding} (detected)"]


def binary_reason(text):
    """Why the decoded `text` is binary data rather than text, or None when it reads as text.

    Binary data is text with more than MAX_CONTROL_SHARE control, private-use, unassigned or
    replacement characters, or (past MIN_JUDGED_CHARS characters other than spaces, digits,
    punctuation and ASCII symbols) less than MIN_LETTER_SHARE letters among those.
    Example: binary_reason("Talks in Geneva.") is None; binary_reason("\\x01\\x02 ok") is a reason
    """
    control = judged = letters = 0
    for char, count in Counter(text).items():
        category = unicodedata.category(char)
        if char == "\ufffd" or (category in ("Cc", "Cs", "Co", "Cn") and char not in _LINE_CONTROLS):
            control += count
        elif category[0] in "LM":
            judged += count
            letters += count
        elif not (char.isspace() or char.isascii() or category[0] in "NP"):
            judged += count
    if control > MAX_CONTROL_SHARE * len(text):
        return (f"binary file, not text: {control / len(text):.0%} of its characters are control or "
                f"replacement characters (text has at most {MAX_CONTROL_SHARE:.0%})")
    if judged >= MIN_JUDGED_CHARS and letters < MIN_LETTER_SHARE * judged:
        return (f"binary file, not text: {letters / judged:.0%} of its characters beyond spaces, digits, "
                f"punctuation and ASCII symbols are letters (text has at least {MIN_LETTER_SHARE:.0%})")
    return None


def _checked_text(text, path):
    """`text` with its line endings normalised; raises InputError when it is binary data."""
    reason = binary_reason(text)
    if reason:
        raise InputError(path, reason)
    return _newlines(text)


def _decode(raw, encoding, final):
    return codecs.getincrementaldecoder(encoding)().decode(raw, final=final)


def _newlines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path):
    """Read the text file `path` whole, after checking its size.

    Returns (text, problems) as `decode`. Raises InputError for a file too big, unreadable,
    binary or in an undetectable encoding.
    Example: ``text, problems = read_text(Path("a.txt"))``
    """
    check_size(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read the file ({error.strerror or error})") from None
    return decode(raw, path)


def sample(path):
    """The Sample of `path`: its first SNIFF_BYTES bytes, decoded when they are text.

    A GDELT export zipped as GDELT publishes it (`*.export.CSV.zip`, one member) is sampled
    from its member, decompressed as it is read. Raises InputError for an unreadable file
    (nothing beyond the head is read). The size limit is `read_file`'s to apply.
    """
    try:
        size = os.stat(path).st_size
    except OSError as error:
        raise InputError(path, f"cannot read the file ({error.strerror or error})") from None
    try:
        with open_member(path) if is_gdelt_zip(path) else open(path, "rb") as handle:
            raw = handle.read(SNIFF_BYTES)
    except OSError as error:
        raise InputError(path, f"cannot read the file ({error.strerror or error})") from None
    try:
        text, _ = decode(raw, path, final=size <= SNIFF_BYTES)
    except InputError:
        text = None
    return Sample(Path(path), raw, text, size)


# -- reading paths ---------------------------------------------------------------------------


#: File names (without suffix, any case) that a folder's walk treats as documentation, not input.
DOCUMENTATION_NAMES = ("readme", "license", "licence", "changelog", "contributing", "copying", "notice")


def is_documentation(path):
    """True for README.md, LICENSE, CHANGELOG.txt and the like: a data folder's own notes."""
    return Path(path).stem.lower() in DOCUMENTATION_NAMES or Path(path).name.lower() in DOCUMENTATION_NAMES


def expand(paths):
    """The files to read for `paths`: files as given, folders walked recursively (sorted,
    hidden files and folders skipped, symlinked folders not followed). A path that does not
    exist is kept, to be reported."""
    files = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                files.extend(Path(folder) / n for n in sorted(names) if not n.startswith("."))
        else:
            files.append(path)
    return files


def read_file(path):
    """Read one file with the format that recognises it.

    Returns (Format, frame, problems). Raises InputError with a one-line reason when the file
    is missing, too big, empty, binary, of no known format, or its format cannot read it.
    """
    path = Path(path)
    fmt, _ = identify(path)
    frame, problems = fmt.read(path)
    target = schema.ARTICLES if fmt.produces == "articles" else schema.MENTIONS
    schema.check(frame, target, f"{fmt.produces} from {path}")
    return fmt, frame, list(problems)


def identify(path, split=False):
    """The Format that reads the file `path`, and the file's size in bytes.

    With `split`, a file whose format can be read in parts (Format.split) may be larger than
    max_file_bytes. Raises InputError with a one-line reason when the file is missing, too big
    for its format, empty, binary, an archive, or of no known format.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file or folder")
    if not path.is_file():
        raise InputError(path, "not a regular file")
    head = sample(path)
    if head.size == 0:
        raise InputError(path, "empty file (0 bytes)")
    fmt = format_for(head)
    archive = None if is_gdelt_zip(path) or (fmt is not None and fmt.binary) else archive_kind(head.raw, path.name)
    if archive:
        raise InputError(path, archive_reason(archive))
    streams = fmt is not None and (fmt.stage is not None or (split and fmt.split is not None))
    if head.size > SETTINGS.max_file_bytes and not streams:
        check_size(path)  # raises: only files that stream may be larger
    if head.text is not None and not head.text.strip() and head.size <= SNIFF_BYTES:
        raise InputError(path, "empty file (only whitespace)")
    if fmt is None:
        if head.text is None:
            decode(head.raw, path)  # raises with the precise reason (binary, undecodable)
            raise InputError(path, "binary file, not text")
        known = ", ".join(f.name for f in formats())
        suffix = f"suffix {head.suffix}" if head.suffix else "no suffix"
        raise InputError(path, f"unknown format: {path.name} ({suffix}) is none of {known}")
    if is_gdelt_zip(path) and fmt.name != "gdelt":
        raise InputError(path, archive_reason("zip"))
    return fmt, head.size


def read_paths(paths, progress=None, stage_into=None):
    """Read files and folders (recursively) into frames; never raises for one bad file.

    Takes a list of paths; `progress(done, total, label)` is called after each file. With a
    folder `stage_into`, a structured file over settings.stream_file_bytes whose format can
    stream (Format.stage) is written there as Parquet instead of read into the frames.
    Returns ReadResult(articles: ARTICLES frame, mentions: MENTIONS frame, outcomes: one
    FileOutcome per file: "read" with its row count, or "rejected" with a one-line reason;
    staged: the Staged files).
    Example: ``read_paths([Path("data/sample")]).articles``
    """
    files = expand(paths)
    named = {Path(p) for p in paths}
    formats()
    articles, mentions, outcomes, staged = [], [], [], []
    for done, path in enumerate(files, 1):
        try:
            if path not in named and is_documentation(path):
                raise InputError(path, "documentation file (README, LICENSE ...), not an article or events "
                                       "file; give its path alone to read it anyway")
            fmt, size = identify(path)
            if stage_into is not None and fmt.stage is not None and size > SETTINGS.stream_file_bytes:
                parquet = Path(stage_into) / f"{len(staged):04d}.parquet"
                n_rows, problems = fmt.stage(path, parquet)
                staged.append(Staged(str(path), str(parquet), n_rows))
                frame = None
            else:
                frame, problems = fmt.read(path)
                schema.check(frame, schema.ARTICLES if fmt.produces == "articles" else schema.MENTIONS,
                             f"{fmt.produces} from {path}")
        except ParleyError as error:
            reason = error.reason if isinstance(error, InputError) else str(error)
            outcomes.append(FileOutcome(str(path), "rejected", reason, 0))
        except Exception as error:  # a reader's bug must not stop the batch; it is reported
            outcomes.append(FileOutcome(str(path), "rejected", f"could not be read ({type(error).__name__}: {_one_line(error)})", 0))
        else:
            if frame is not None:
                (articles if fmt.produces == "articles" else mentions).append(frame)
            reason = _one_line("; ".join(problems)) if problems else None
            n_rows = len(frame) if frame is not None else staged[-1].n_rows
            outcomes.append(FileOutcome(str(path), "read", reason, n_rows, fmt.name, tuple(problems)))
        if progress:
            progress(done, len(files), str(path))
    return ReadResult(_concat(articles, schema.ARTICLES), _concat(mentions, schema.MENTIONS), outcomes, staged)


def _concat(frames, target):
    frames = [f for f in frames if len(f)]
    if not frames:
        return schema.empty(target)
    return schema.conform(pd.concat(frames, ignore_index=True), target)


def _one_line(text, limit=300):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
