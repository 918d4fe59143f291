"""The house reads top-down: every import in `service/` runs from a higher layer to a lower
one (or stays inside its own package), and no chain of imports comes back to where it
started. The layers are the ones `service/__init__.py` describes."""

import ast
from pathlib import Path

import networkx as nx

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


def _module(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_only(tree: ast.Module) -> set[ast.AST]:
    """The imports under `if TYPE_CHECKING:`: read by the type checker only, they never run
    (strawberry's lazy types name the other side of two mutually typed modules this way)."""
    return {
        child
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
        for child in ast.walk(node)
    }


def _imports() -> nx.DiGraph:
    """Every module of the service and the service modules it imports when it runs."""
    graph = nx.DiGraph()
    for path in SERVICE.rglob("*.py"):
        here = _module(path)
        graph.add_node(here)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_only(tree)
        for node in ast.walk(tree):
            if node in skipped:
                continue
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("service"):
                names = [f"{node.module}.{a.name}" for a in node.names]
                found = [
                    n
                    for n in names
                    if (SERVICE.parent / n.replace(".", "/")).exists()
                    or (SERVICE.parent / f"{n.replace('.', '/')}.py").exists()
                ]
                for target in found or [node.module or ""]:
                    graph.add_edge(here, target)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("service"):
                        graph.add_edge(here, alias.name)
    return graph


def _package(module: str) -> str:
    return module.split(".")[1] if "." in module else "service"


def test_every_package_has_a_layer() -> None:
    packages = {_package(m) for m in _imports().nodes} - {"service"}
    assert packages == set(RANK), "name the new package's layer here and in service/__init__.py"


def test_imports_run_downwards_only() -> None:
    upwards = [
        (source, target)
        for source, target in _imports().edges
        if _package(source) != _package(target)
        and RANK.get(_package(source), -1) >= RANK.get(_package(target), len(LAYERS))
    ]
    assert upwards == []


def test_no_import_cycle() -> None:
    graph = _imports()
    # A package's __init__ may gather its modules; that is not a cycle of meaning.
    for module in list(graph.nodes):
        for target in list(graph.successors(module)):
            if target.startswith(f"{module}."):
                graph.remove_edge(module, target)
    assert list(nx.simple_cycles(graph)) == []
