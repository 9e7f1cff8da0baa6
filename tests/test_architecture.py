"""The import graph: no cycles between modules, and packages import only upstream of them.

Data flows collect -> parse -> extract -> compare/store -> publish (docs/architecture.md).
A stage imports the stages upstream of it, never one downstream; records.py (and the
package root's __version__) is shared by all; pipeline, cli, workers, evaluate*, docgen and
schemas sit on top and no stage imports them. Every import counts: module level,
inside functions and under TYPE_CHECKING, so a cycle cannot hide behind a late import.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import REPO

SRC = REPO / "src"
ROOT = "lofte_extract"

# The stages in the order data flows through them; each may import those before it.
STAGES = ("collect", "parse", "extract", "compare", "store", "publish")
# Shared by all: the record models, and the package root (only __version__ and the model).
SHARED = {"records", "datafiles", "__init__"}
# compare and store are siblings downstream of extract: store writes what compare merges
# (kept statuses, unit keys); compare never writes.
FORBIDDEN_BETWEEN_STAGES = {("compare", "store")}
# The top: they may import any stage. workers is a generic process pool: it imports
# nothing of the package (the pipeline hands it the function to run).
TOP: dict[str, set[str] | None] = {
    "pipeline": None,
    "cli": None,
    "__main__": None,
    "_preload": None,
    "docgen": None,
    "schemas": None,
    "evaluate": None,
    "evaluate_inputs": set(),
    "evaluate_outcomes": None,
    "evaluate_report": None,
    "inputs": None,
    "index_pages": None,
    "cache": None,
    "results": None,
    "run_cache": None,
    "workers": set(),
}
# Imports inside functions: only for optional or deliberately deferred dependencies, listed
# here as (module, dependency) with why.
FUNCTION_IMPORTS_ALLOWED = {
    # spaCy loads with extract (seconds, hundreds of MB): a run served from the result
    # cache, and the parent of the worker processes, never import it (issue 8).
    ("lofte_extract.pipeline", "lofte_extract.extract"),
}
# Cycles that exist today and may not be fixed in this change: (importer, imported).
KNOWN_CYCLE_EDGES: set[tuple[str, str]] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted((SRC / ROOT).rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _targets(name: str, node: ast.Import | ast.ImportFrom, outside: bool = False) -> set[str]:
    """The package modules one import statement loads (submodule when it names one);
    with `outside`, other libraries' modules too."""
    if isinstance(node, ast.Import):
        return {a.name for a in node.names if outside or a.name.split(".")[0] == ROOT}
    if node.level:
        base = name.split(".") if _is_package(name) else name.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        module = ".".join(base + ([node.module] if node.module else []))
    else:
        module = node.module or ""
    if module.split(".")[0] != ROOT:
        return {module} if outside else set()
    return {f"{module}.{a.name}" if f"{module}.{a.name}" in MODULES else module for a in node.names}


def _imports(name: str) -> tuple[set[str], set[str]]:
    """(every package module `name` imports, every module it imports inside a function)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    every: set[str] = set()
    late: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            every |= _targets(name, node)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    late |= _targets(name, inner, outside=True)
    # Modules loaded by name (cli's plugged commands) are imports too.
    if any(
        isinstance(n, ast.Attribute | ast.Name)
        and getattr(n, "attr", getattr(n, "id", "")) == "import_module"
        for n in ast.walk(tree)
    ):
        every |= {
            n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in MODULES
        }
    return every - {name}, late - {name}


GRAPH = {name: _imports(name)[0] for name in MODULES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def _group(name: str) -> str:
    """The package (collect, parse, ...) or top-level module a module belongs to."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _allowed(group: str) -> set[str] | None:
    """Groups `group` may import (None: any)."""
    if group in STAGES:
        upstream = set(STAGES[: STAGES.index(group)])
        return SHARED | upstream - {b for a, b in FORBIDDEN_BETWEEN_STAGES if a == group}
    if group in ("records", "datafiles"):
        return set()
    if group == "__init__":
        return {"records"}
    if group in TOP:
        extra = TOP[group]
        return None if extra is None else SHARED | extra
    raise AssertionError(f"{group} is in no layer: add it to STAGES, SHARED or TOP")


def test_the_graph_sees_the_imports_it_checks():
    # A walk that resolved nothing would pass every test below.
    assert "lofte_extract.parse" in GRAPH["lofte_extract.pipeline"]
    assert "lofte_extract.store.tables" in GRAPH["lofte_extract.store.sqlite"]
    assert "lofte_extract.collect.cli" in GRAPH["lofte_extract.cli"]  # loaded by name
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle_between_modules():
    graph = {
        name: {t for t in targets if (name, t) not in KNOWN_CYCLE_EDGES}
        for name, targets in GRAPH.items()
    }
    assert not _cycles(graph), _cycles(graph)


def test_known_cycle_edges_still_exist():
    # A fixed cycle leaves the list: the exception shrinks with the code.
    gone = [edge for edge in KNOWN_CYCLE_EDGES if edge[1] not in GRAPH[edge[0]]]
    assert not gone, f"no longer imported, remove from KNOWN_CYCLE_EDGES: {gone}"


def test_packages_import_only_upstream():
    wrong = []
    for name, targets in sorted(GRAPH.items()):
        allowed = _allowed(_group(name))
        if allowed is None:
            continue
        wrong += [
            f"{name} -> {t}"
            for t in sorted(targets)
            if _group(t) != _group(name) and _group(t) not in allowed
        ]
    assert not wrong, "imports against the data flow:\n" + "\n".join(wrong)


def test_every_module_is_in_a_layer():
    for name in MODULES:
        _allowed(_group(name))


def test_no_imports_inside_functions_but_the_listed():
    late = {(name, t) for name in MODULES for t in _imports(name)[1]}
    assert late <= FUNCTION_IMPORTS_ALLOWED, sorted(late - FUNCTION_IMPORTS_ALLOWED)
    assert FUNCTION_IMPORTS_ALLOWED <= late, (
        f"no longer imported late, remove from the list: {FUNCTION_IMPORTS_ALLOWED - late}"
    )


def test_architecture_doc_names_every_module():
    doc = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = SRC / ROOT
    paths = {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    missing = sorted(p for p in paths if f"`{p}`" not in doc)
    assert not missing, f"docs/architecture.md does not say what these do: {missing}"
    packages = {
        p.parent.relative_to(package).as_posix() + "/"
        for p in package.rglob("__init__.py")
        if p.parent != package
    }
    assert all(f"`{p}`" in doc or f"{p}:" in doc for p in packages), packages
    named = {
        name
        for name in re.findall(r"`((?:[a-z_]+/)?[a-z_]+\.py)`", doc)
        if "/" not in name or f"{name.split('/')[0]}/" in packages
    }
    stale = sorted(named - paths)
    assert not stale, f"docs/architecture.md names modules that do not exist: {stale}"
