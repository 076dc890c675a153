"""The extractor version: a fingerprint of the code and tables that decide the mentions."""
import pytest

from loaders.extractor import (
    _imported_names,
    extraction_modules,
    extractor_version,
    fingerprint,
)


def test_the_extraction_modules_are_followed_through_their_imports_and_storage_is_left_out():
    modules = extraction_modules()
    assert {"loaders.extraction", "loaders.extraction.rows", "loaders.merge", "loaders.dates",
            "loaders.gazetteer", "loaders.cues"} <= set(modules)
    assert not {"loaders.store", "loaders.curation", "loaders.filters", "loaders.migrations"} & set(modules)
    assert all(path.is_file() for path in modules.values())


@pytest.mark.parametrize("file, source, imported", [
    ("__init__.py", "from .rows import extract", {"loaders.extraction.rows", "loaders.extraction.rows.extract"}),
    ("rows.py", "from . import clause", {"loaders.extraction", "loaders.extraction.clause"}),
    ("rows.py", "from .. import schema", {"loaders", "loaders.schema"}),
    ("rows.py", "def later():\n    import loaders.merge", {"loaders.merge"}),
    ("rows.py", "from loaders.schema import EVENTS", {"loaders.schema", "loaders.schema.EVENTS"}),
])
def test_imports_are_read_absolute_relative_and_inside_functions(tmp_path, file, source, imported):
    path = tmp_path / file
    path.write_text(source, encoding="utf-8")
    name = "loaders.extraction" if file == "__init__.py" else "loaders.extraction.rows"
    assert set(_imported_names(path, name)) == imported


def test_the_fingerprint_changes_with_a_files_content_or_name(tmp_path):
    (tmp_path / "rules.py").write_text("CUE = 'met'\n")
    before = fingerprint([tmp_path / "rules.py"], tmp_path)
    assert fingerprint([tmp_path / "rules.py"], tmp_path) == before
    (tmp_path / "rules.py").write_text("CUE = 'met with'\n")
    changed = fingerprint([tmp_path / "rules.py"], tmp_path)
    (tmp_path / "rules.py").rename(tmp_path / "cues.py")
    renamed = fingerprint([tmp_path / "cues.py"], tmp_path)
    assert len({before, changed, renamed}) == 3


def test_this_checkouts_version_is_twelve_hex_digits():
    version = extractor_version()
    assert len(version) == 12 and int(version, 16) >= 0
