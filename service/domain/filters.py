"""Checking and normalising what users filter by, before any query runs: a country may be
given as ISO alpha-3, alpha-2 or a map id; themes, regions, action groups and
organizations as a map id (or, for themes, the bare name key); SDG targets as a code
(`8.7`) or a map id. Unknown values are a BadInput that names the field and the value."""

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any, TypeVar

from service.db.driver import Database
from service.errors import BadId, BadInput
from service.model.fields import camel_case
from service.model.ids import country_id, expect_kind

F = TypeVar("F")

# Which kind each filter field names, for fields that hold a map id.
_KINDS = {
    "country": "country",
    "region": "region",
    "theme": "theme",
    "sdg_target": "sdg-target",
    "action_group": "action-group",
    "organization": "organization",
}


@dataclass(frozen=True)
class OrganizationFilter:
    type: str | None = None
    theme: str | None = None
    sdg_target: str | None = None
    country: str | None = None
    region: str | None = None
    action_group: str | None = None
    text: str | None = None
    include_retired: bool = False


@dataclass(frozen=True)
class InitiativeFilter:
    kind: str | None = None
    status: str | None = None
    theme: str | None = None
    sdg_target: str | None = None
    country: str | None = None
    region: str | None = None
    action_group: str | None = None
    organization: str | None = None
    organization_type: str | None = None
    text: str | None = None
    active_on: date | None = None
    active_from: date | None = None
    active_to: date | None = None
    # Freshness: changed or seen in an import on or after the day; last verified before
    # the day (or never).
    updated_since: date | None = None
    last_verified_before: date | None = None
    include_retired: bool = False

    def __post_init__(self) -> None:
        if (self.active_from is None) != (self.active_to is None):
            raise BadInput("activeFrom and activeTo: give both, or neither")
        if self.active_from and self.active_to and self.active_to < self.active_from:
            raise BadInput(f"activeTo: {self.active_to} is before activeFrom, {self.active_from}")


@dataclass(frozen=True)
class SourceFilter:
    """What narrows the evidence directory."""

    text: str | None = None
    publisher: str | None = None
    cited_by: str | None = None
    document_type: str | None = None
    theme: str | None = None
    country: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class WhoFilter:
    country: str | None = None
    region: str | None = None
    theme: str | None = None
    sdg_target: str | None = None
    organization_type: str | None = None
    action_group: str | None = None
    active_on: date | None = None


@dataclass(frozen=True)
class AreaFilter:
    """What narrows a whole-map drawing: the initiatives on a theme, SDG target or place, or
    with an organization of one type."""

    theme: str | None = None
    region: str | None = None
    sdg_target: str | None = None
    country: str | None = None
    organization_type: str | None = None


def map_id(field: str, value: str) -> str:
    """The map id a filter value names, in the kind the field expects."""
    kind = _KINDS[field]
    if kind == "country":
        return country_id(value, camel_case(field))
    if kind == "sdg-target" and not value.startswith("sdg-target:"):
        value = f"sdg-target:{value}"
    elif kind == "theme" and ":" not in value:
        value = f"theme:{value}"
    try:
        return expect_kind(value.strip(), kind)
    except BadId as error:
        raise BadInput(f"{camel_case(field)}: {error}") from None


async def normalise(db: Database, given: F) -> F:
    """The filter with every map id checked to exist; raises BadInput otherwise."""
    changes: dict[str, Any] = {}
    for item in fields(given):  # type: ignore[arg-type]
        value = getattr(given, item.name)
        if isinstance(value, str) and not value.strip():
            raise BadInput(f"{camel_case(item.name)}: an empty value filters nothing; leave it out")
        if value is not None and item.name in _KINDS:
            changes[item.name] = map_id(item.name, value)
    await require_existing(db, {camel_case(k): v for k, v in changes.items()})
    return replace(given, **changes)  # type: ignore[type-var]


async def require_existing(db: Database, ids_by_field: Mapping[str, str]) -> None:
    if not ids_by_field:
        return
    found = {row["id"] for row in await db.read("nodes/by_ids", ids=list(ids_by_field.values()))}
    for field, node_id in ids_by_field.items():
        if node_id not in found:
            raise BadInput(f"{field}: '{node_id}' is not on the map")


def as_parameters(given: Any) -> dict[str, Any]:
    """The filter as Cypher parameters, named as in the `.cypher` headers (camelCase)."""
    return {camel_case(item.name): getattr(given, item.name) for item in fields(given)}
