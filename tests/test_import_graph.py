"""No two modules of Waymark import each other, directly or through others.

A cycle makes the layers meaningless (either side can reach everything the other reaches) and
is usually closed by an import hidden at the bottom of a file. The graph is built with grimp,
the library import-linter uses, and counts imports inside functions too.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import grimp
import pytest

PACKAGES = ("desktop", "cli", "demo", "printing", "planning", "services_needs", "casefile", "i18n",
            "resources")


def cycles(graph: grimp.ImportGraph) -> list[tuple[str, ...]]:
    """Each import that leads back to its importer: the chain of modules, first and last alike."""
    found: list[tuple[str, ...]] = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is not None:
                found.append((module, *back))
    return found


def _graph(packages: Iterable[str]) -> grimp.ImportGraph:
    return grimp.build_graph(*packages, cache_dir=None)


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(_graph(PACKAGES)) == []


def test_a_deliberate_cycle_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "cyclic_sample"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "first.py").write_text("from cyclic_sample import second\n")
    (package / "second.py").write_text("def later():\n    from cyclic_sample import third\n")
    (package / "third.py").write_text("import cyclic_sample.first\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    found = cycles(_graph(["cyclic_sample"]))
    assert found[0] == ("cyclic_sample.first", "cyclic_sample.second", "cyclic_sample.third",
                        "cyclic_sample.first")
    assert {module for chain in found for module in chain} == {
        "cyclic_sample.first", "cyclic_sample.second", "cyclic_sample.third"}
    sys.modules.pop("cyclic_sample", None)
