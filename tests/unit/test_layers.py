"""The house reads top-down: every import in `service/` runs from a higher layer to a lower
one (or stays inside its own package), and no chain of imports between modules comes back
to where it started. The layers are the ones `service/__init__.py` describes.

Every way one module reaches another counts: an import at the top, one run late inside a
function, one only the type checker reads (under `if TYPE_CHECKING:`), and a module named
in a string for something else to import later (`strawberry.lazy("service...")`,
`importlib.import_module`). Two modules that need each other are one module, or a third
that both import, not a cycle hidden from the interpreter."""

import ast
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from service.config import PROJECT_ROOT

# Top to bottom; a package may import only packages of lower layers.
LAYERS = [
    {"cli"},
    {"api"},
    {"interchange"},
    {"editing", "seed"},
    {"domain"},
    {"scoring", "model"},
    {"db", "localdb"},
    {"logs"},
    {"config", "errors"},
]
RANK = {package: rank for rank, packages in enumerate(LAYERS) for package in packages}
SERVICE = PROJECT_ROOT / "service"

# Calls that import the module their first argument names, later: strawberry's lazy
# annotations, importlib's import_module and the built-in __import__.
LATE_IMPORTERS = {"lazy", "import_module", "__import__"}


def _module(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _exists(module: str) -> bool:
    path = SERVICE.parent / module.replace(".", "/")
    return path.is_dir() or path.with_suffix(".py").exists()


def _type_only(tree: ast.Module) -> set[ast.AST]:
    """The nodes under `if TYPE_CHECKING:`, read by the type checker only."""
    return {
        child
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING")
        for child in ast.walk(node)
    }


def _late(tree: ast.Module) -> set[ast.AST]:
    """The nodes inside functions: imports there run when the function is first called."""
    return {
        child
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for child in ast.walk(node)
        if child is not node
    }


def _strings(tree: ast.Module) -> dict[str, str]:
    """Module-level names bound to a string (`_ACCOUNTABILITY = "service..."`)."""
    return {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _named_later(node: ast.Call, strings: dict[str, str]) -> str | None:
    """The module a late-importing call names, if it names one of the service's."""
    called = node.func.attr if isinstance(node.func, ast.Attribute) else None
    called = node.func.id if isinstance(node.func, ast.Name) else called
    if called not in LATE_IMPORTERS or not node.args:
        return None
    first = node.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        named: str | None = first.value
    else:
        named = strings.get(first.id) if isinstance(first, ast.Name) else None
    return named if named and named.startswith("service") else None


def imports_of(source: str) -> Iterator[tuple[str, str]]:
    """Each service module a module's source reaches, with how: "runs" (imported when the
    module is read), "late" (inside a function), "type-only" (under TYPE_CHECKING) or
    "named" (in a string a late importer reads)."""
    tree = ast.parse(source)
    type_only, late, strings = _type_only(tree), _late(tree), _strings(tree)
    for node in ast.walk(tree):
        how = "type-only" if node in type_only else "late" if node in late else "runs"
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("service"):
            module = node.module or ""
            found = [f"{module}.{a.name}" for a in node.names if _exists(f"{module}.{a.name}")]
            for target in found or [module]:
                yield target, how
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("service"):
                    yield alias.name, how
        elif isinstance(node, ast.Call) and (named := _named_later(node, strings)):
            yield named, "named"


def _imports() -> nx.DiGraph:
    """Every module of the service and the service modules it reaches, each edge saying
    how (see `imports_of`)."""
    graph = nx.DiGraph()
    for path in SERVICE.rglob("*.py"):
        here = _module(path)
        graph.add_node(here)
        for target, how in imports_of(path.read_text(encoding="utf-8")):
            hows = graph.edges[here, target]["how"] if graph.has_edge(here, target) else set()
            graph.add_edge(here, target, how=hows | {how})
    return graph


def _package(module: str) -> str:
    return module.split(".")[1] if "." in module else "service"


def _cycles() -> list[frozenset[str]]:
    """The groups of modules that reach one another, each group a cycle or several."""
    graph = _imports()
    # A package's __init__ may gather its modules; that is not a cycle of meaning.
    for module in list(graph.nodes):
        for target in list(graph.successors(module)):
            if target.startswith(f"{module}."):
                graph.remove_edge(module, target)
    return [
        frozenset(group)
        for group in nx.strongly_connected_components(graph)
        if len(group) > 1 or any(graph.has_edge(m, m) for m in group)
    ]


def test_every_package_has_a_layer() -> None:
    packages = {_package(m) for m in _imports().nodes} - {"service"}
    assert packages == set(RANK), "name the new package's layer here and in service/__init__.py"


def test_imports_run_downwards_only() -> None:
    graph = _imports()
    upwards = [
        (source, target, sorted(graph.edges[source, target]["how"]))
        for source, target in graph.edges
        if _package(source) != _package(target)
        and RANK.get(_package(source), -1) >= RANK.get(_package(target), len(LAYERS))
    ]
    assert upwards == []


def test_no_import_cycle() -> None:
    assert [sorted(group) for group in _cycles()] == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from service.model import ids\n", ("service.model.ids", "runs")),
        ("from service.model.ids import kind_of\n", ("service.model.ids", "runs")),
        ("import service.db.driver\n", ("service.db.driver", "runs")),
        ("def f():\n    from service.errors import MapError\n", ("service.errors", "late")),
        (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from service.cli import app\n",
            ("service.cli", "type-only"),
        ),
        (
            'import strawberry\nX = "service.api.graphql.types"\n'
            'T = Annotated["Seat", strawberry.lazy(X)]\n',
            ("service.api.graphql.types", "named"),
        ),
        ('import importlib\nimportlib.import_module("service.cli")\n', ("service.cli", "named")),
    ],
)
def test_every_way_of_reaching_a_module_is_seen(source: str, expected: tuple[str, str]) -> None:
    assert expected in set(imports_of(source))
