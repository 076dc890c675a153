"""The language tables and the modules that compile them name each table once: a second
assignment of a name at module level silently replaces the first for every later reader."""
import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["loaders/cues.py", "loaders/dates.py", "loaders/extraction/patterns.py", "loaders/extraction/clause.py",
           "loaders/extraction/discourse.py", "loaders/extraction/fold.py", "loaders/extraction/model.py",
           "loaders/extraction/rows.py"]


def _module_names(path):
    names = Counter()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return names


@pytest.mark.parametrize("module", MODULES)
def test_each_name_is_bound_once(module):
    assert [name for name, count in _module_names(ROOT / module).items() if count > 1] == []


def test_the_check_sees_a_second_binding(tmp_path):
    path = tmp_path / "tables.py"
    path.write_text('CUE = r"a"\nOTHER = 1\nCUE = r"b"\n', encoding="utf-8")
    assert _module_names(path)["CUE"] == 2
