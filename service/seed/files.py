"""Reading the seed files: every file is parsed and validated before anything is written, and
every problem is reported with the file, the record and the field it concerns."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from service.errors import Problem, SeedInvalid
from service.model.kinds import DRAFTS
from service.seed.country_context import CountryContext, read_context
from service.seed.country_need import CountrySet, read_country_sets
from service.seed.models import (
    SEEDED_KINDS,
    NeedFile,
    RelationshipsFile,
    SdgFile,
    SourcesFile,
    records_file,
)

# The files every seed has besides one per kind of curated record (`themes.yaml`,
# `organizations.yaml`...: the file each kind's draft names).
_OWN_FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": SourcesFile,
    "sdg.yaml": SdgFile,
    "relationships.yaml": RelationshipsFile,
    "need.yaml": NeedFile,
}
_RECORD_FILES = {f"{DRAFTS[kind].FILE}.yaml": kind for kind in SEEDED_KINDS}
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class SeedFiles:
    sources: SourcesFile
    sdg: SdgFile
    relationships: RelationshipsFile
    need: NeedFile
    # Each curated kind's file, by kind, in the order of SEEDED_KINDS.
    records: dict[str, Any]
    # The country figures need.yaml names, read from their CSV files in seed/need/.
    country_sets: list[CountrySet]
    # The goods list and TIP tiers of each country (ISO alpha-3), as context.
    context: dict[str, CountryContext]


def read_seed(directory: Path) -> SeedFiles:
    """All seed files, validated; raises SeedInvalid listing every problem found."""
    problems: list[Problem] = []
    parsed: dict[str, BaseModel] = {}
    for name, model in _OWN_FILES.items():
        result = _read_one(directory / name, model, problems)
        if result is not None:
            parsed[name.removesuffix(".yaml")] = result
    records: dict[str, Any] = {}
    for name, kind in _RECORD_FILES.items():
        found = _read_one(directory / name, records_file(kind), problems)
        if found is not None:
            records[kind] = found
    need = parsed.get("need")
    sets = (
        read_country_sets(directory, need.country_figures, problems)
        if isinstance(need, NeedFile)
        else []
    )
    context = read_context(directory, problems)
    if problems:
        raise SeedInvalid(problems)
    return SeedFiles(**parsed, records=records, country_sets=sets, context=context)  # type: ignore[arg-type]


def _read_one(path: Path, model: type[M], problems: list[Problem]) -> M | None:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(Problem(path.name, None, None, "the file is missing"))
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(path.name, None, None, f"not valid YAML: {error}"))
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        problems.extend(_problems(path.name, raw, error))
        return None


def _problems(file: str, raw: Any, error: ValidationError) -> list[Problem]:
    found = []
    for detail in error.errors():
        record, field = _locate(raw, detail["loc"])
        found.append(Problem(file, record, field, detail["msg"]))
    return found


def _locate(raw: Any, loc: tuple[int | str, ...]) -> tuple[str | None, str | None]:
    """Split a pydantic error location into the record (such as `organizations[3]
    (organization:ilo)`) and the field inside it (such as `type`)."""
    last_index = max((i for i, step in enumerate(loc) if isinstance(step, int)), default=-1)
    if last_index < 0:
        return None, ".".join(str(s) for s in loc) or None
    node, path = raw, ""
    for step in loc[: last_index + 1]:
        path += f"[{step + 1}]" if isinstance(step, int) else ("." if path else "") + step
        node = _child(node, step)
    label = node.get("id") if isinstance(node, dict) else None
    record = path + (f" ({label})" if isinstance(label, str) else "")
    field = ".".join(str(s) for s in loc[last_index + 1 :]) or None
    return record, field


def _child(node: Any, step: int | str) -> Any:
    if isinstance(step, int):
        return node[step] if isinstance(node, list) and step < len(node) else None
    return node.get(step) if isinstance(node, dict) else None
