"""Which version of the extraction produced an article's mentions: a fingerprint of its code and tables.

The store records, per article, the `extractor_version()` that produced its mentions. When the
extraction changes (a new cue, a fixed rule, a gazetteer row), the fingerprint changes, and the
store extracts those articles again from their stored text (`Store.reextract`).

The fingerprint is a hash of the files that decide what is extracted and how mentions merge:
the modules `loaders.extraction` and `loaders.merge`, every `loaders` module they import,
directly or not (read from their import statements, so a module added or moved is followed
without a list to keep up to date), and the gazetteer tables. A change of a comment there also
changes it: extracting again then costs time, never correctness.

    >>> len(extractor_version())
    12
"""
import ast
import functools
import hashlib

from loaders.settings import ROOT

#: The modules whose results the store keeps: extraction makes the mentions, merge the events.
ENTRY_MODULES = ("loaders.extraction", "loaders.merge")
#: The tables the extraction reads.
DATA_FOLDERS = (ROOT / "data" / "gazetteer",)


@functools.cache
def extractor_version():
    """The fingerprint of the extraction in this checkout: 12 hex digits of a sha256."""
    tables = [path for folder in DATA_FOLDERS for path in folder.rglob("*") if path.is_file()]
    return fingerprint(list(extraction_modules().values()) + tables, ROOT)


def fingerprint(files, root):
    """12 hex digits of a sha256 over `files`: each one's path relative to `root`, and its bytes."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def extraction_modules():
    """{module name: source file} of ENTRY_MODULES and every `loaders` module they import."""
    found, pending = {}, list(ENTRY_MODULES)
    while pending:
        name = pending.pop()
        path = _source_file(name)
        if path is None or name in found:
            continue
        found[name] = path
        pending += [module for module in _imported_names(path, name) if module.split(".")[0] == "loaders"]
    return found


def _source_file(name):
    """The file of module `name` in this checkout ('loaders.merge' -> loaders/merge.py), or None
    when the name is not a module (`from loaders.schema import EVENTS` also offers 'loaders.schema.EVENTS')."""
    base = ROOT.joinpath(*name.split("."))
    return next((path for path in (base.with_suffix(".py"), base / "__init__.py") if path.is_file()), None)


def _imported_names(path, name):
    """Every name an import statement in module `name` (file `path`) may refer to as a module,
    anywhere in the file: imports inside functions count, they run when the function does."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            # a relative import ('from .rows import x', level 1) counts from the module's package
            base = ".".join(package[:len(package) - node.level + 1] if node.level else [])
            module = ".".join(part for part in (base, node.module) if part)
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)
