"""Every package the code imports is declared in pyproject.toml, and every declared package
is pinned with hashes in requirements/: the service's own in the runtime pins, the tools'
(tests, benchmarks, the documentation's build hook) among the development pins. A package
that arrives only as another's dependency would change or vanish with that package's
next release."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

import pytest

from service.config import PROJECT_ROOT

PYPROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
REQUIREMENTS = PROJECT_ROOT / "requirements"
# The project's own packages, imported by name from the repository's root.
OWN = {"service", "tests", "bench", "docs"}


def _name(requirement: str) -> str:
    """A distribution's name as the package index compares names (PEP 503)."""
    match = re.match(r"[A-Za-z0-9._-]+", requirement.strip())
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group()).lower()


def _declared(*groups: str) -> set[str]:
    project = PYPROJECT["project"]
    names = {_name(r) for r in project["dependencies"]}
    for group in groups:
        names |= {_name(r) for r in project["optional-dependencies"][group]}
    return names


def _pinned(file: str) -> dict[str, list[str]]:
    """Each distribution a lock file pins, with the hashes each of its lines carries."""
    pins: dict[str, list[str]] = {}
    for entry in re.split(r"\n(?=[A-Za-z0-9])", (REQUIREMENTS / file).read_text("utf-8")):
        if "==" in entry and not entry.startswith("#"):
            pins.setdefault(_name(entry), []).append(entry)
    return pins


def _third_party_imports(folder: str) -> dict[str, set[str]]:
    """Top-level modules imported by the Python files under a folder, outside the standard
    library and the project, each with the files importing it."""
    found: dict[str, set[str]] = {}
    for path in (PROJECT_ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top not in sys.stdlib_module_names and top not in OWN | {"__future__"}:
                    found.setdefault(top, set()).add(str(path.relative_to(PROJECT_ROOT)))
    return found


def _undeclared(folder: str, declared: set[str]) -> list[str]:
    providers = packages_distributions()
    missing = []
    for module, files in sorted(_third_party_imports(folder).items()):
        distributions = {_name(d) for d in providers.get(module, [module])}
        if not distributions & declared:
            missing.append(f"{module} ({', '.join(sorted(distributions))}) in {sorted(files)}")
    return missing


@pytest.mark.parametrize(
    ("folder", "groups"),
    [("service", ()), ("tests", ("dev",)), ("bench", ("dev",)), ("docs", ("dev",))],
)
def test_every_import_is_declared(folder: str, groups: tuple[str, ...]) -> None:
    assert _undeclared(folder, _declared(*groups)) == []


def test_the_runtime_pins_hold_every_declared_dependency_with_hashes() -> None:
    pins = _pinned("main.txt")
    assert sorted(_declared() - set(pins)) == []
    assert [name for name, lines in pins.items() if not all("--hash=" in x for x in lines)] == []


def test_the_development_pins_hold_the_runtime_and_tools_with_hashes() -> None:
    pins = _pinned("dev.txt")
    assert sorted(_declared("dev") - set(pins)) == []
    assert [name for name, lines in pins.items() if not all("--hash=" in x for x in lines)] == []


def test_both_pin_the_same_versions_of_what_they_share() -> None:
    runtime, development = _pinned("main.txt"), _pinned("dev.txt")
    versions = {
        name: sorted(line.split("==")[1].split()[0] for line in lines)
        for name, lines in runtime.items()
    }
    assert {
        name: found
        for name, found in versions.items()
        if found != sorted(line.split("==")[1].split()[0] for line in development[name])
    } == {}


def test_pyiati_installs_from_a_hashed_pin_of_its_own() -> None:
    # Installed with --no-deps, for its data: its own requirements are 2018 pins.
    (line,) = _pinned("iati.txt")["pyiati"]
    assert "==0.4.1" in line
    assert "--hash=sha256:" in line
