"""The tree is the pipeline (docs/architecture.md): one package per stage, no import loops."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "tollwatch"
STAGES = ("read", "violence", "tolls", "dates", "places", "actors", "incidents", "store",
          "evaluate", "cli")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, known: set[str]) -> set[str]:
    """The tollwatch modules that `path` imports (relative imports resolved)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or not node.level:
            continue
        base = package.split(".")[: len(package.split(".")) - node.level + 1]
        target = ".".join(base + ([node.module] if node.module else []))
        for alias in node.names:
            sub = f"{target}.{alias.name}"
            found.add(sub if sub in known else target)
    return {m for m in found if m in known and m != name}


def import_graph() -> dict[str, set[str]]:
    files = [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]
    known = {module_name(p) for p in files}
    return {module_name(p): imported_modules(p, known) for p in files}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_back() -> None:
    assert cycles(import_graph()) == []


def test_the_gazetteer_model_depends_on_no_builder_or_importer() -> None:
    deps = import_graph()["tollwatch.places.gazetteer.model"]
    assert not deps & {"tollwatch.places.gazetteer.build", "tollwatch.places.gazetteer.geonames",
                       "tollwatch.places.gazetteer.cache"}
    assert "tollwatch.places.gazetteer.model" in import_graph()["tollwatch.places.gazetteer.build"]


def test_structure_and_builder_share_the_draft_from_below() -> None:
    graph = import_graph()
    assert "tollwatch.incidents.build" not in graph["tollwatch.incidents.structure"]
    assert "tollwatch.incidents.draft" in graph["tollwatch.incidents.structure"]
    assert "tollwatch.incidents.draft" in graph["tollwatch.incidents.build"]


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_is_a_package_that_says_what_goes_in_and_out(stage: str) -> None:
    init = PACKAGE / stage / "__init__.py"
    assert init.is_file(), f"{stage}/ is not a package"
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert doc and len(doc.split()) >= 8, f"{stage}/__init__.py needs a docstring"
    assert stage in (PACKAGE.parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_a_stage_never_imports_the_command_line() -> None:
    graph = import_graph()
    for module, deps in graph.items():
        if not module.startswith("tollwatch.cli"):
            assert not any(d.startswith("tollwatch.cli") for d in deps), module


def test_the_top_level_holds_only_the_shared_modules() -> None:
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert top == ["__init__", "contract", "errors", "parallel", "pipeline", "records",
                   "settings"]
