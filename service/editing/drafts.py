"""What an editor sends to create or replace a record, as pydantic models. Each checks what
it can alone (types, enums, dates in order, country codes); `references.py` then checks the
ids it names against the map. An update sends the whole record again, with the version it
was read at, so what is stored is exactly what the editor saw and approved."""

import re
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import AfterValidator, BaseModel, Field, ValidationError, model_validator

from service.domain.filters import camel_case, iso3
from service.editing.duplicates import plain
from service.errors import FieldProblem, Invalid
from service.model.fields import MapId, Note, PartialDate, Strict, Text, date_bounds
from service.model.ids import country_id
from service.model.relationships import field_links
from service.model.values import (
    ActionGroupKind,
    EventKind,
    EventStatus,
    InitiativeKind,
    InitiativeStatus,
    OrganizationType,
    WorkType,
)

M = TypeVar("M", bound=BaseModel)
_KEY = re.compile(r"^[a-z0-9][a-z0-9.-]{0,79}$")
_SDG_CODE = re.compile(r"^\d{1,2}\.[0-9a-z]{1,2}$")


def _key(value: str) -> str:
    if not _KEY.match(value):
        raise ValueError("a key is 1-80 lower-case letters, digits, '.' or '-', such as 'ilo'")
    return value


def _country(value: str) -> str:
    """A country's map id from its ISO 3166 alpha-3 or alpha-2 code."""
    found = iso3(value)
    if found is None:
        raise ValueError(f"'{value}' is not an ISO 3166 country code (such as ARG or AR)")
    return country_id(found)


def _sdg_target(value: str) -> str:
    if not _SDG_CODE.match(value):
        raise ValueError(f"'{value}' is not an SDG target code (such as 8.7 or 16.b)")
    return f"sdg-target:{value}"


Key = Annotated[str, AfterValidator(_key)]
CountryCode = Annotated[str, AfterValidator(_country)]
SdgTargetCode = Annotated[str, AfterValidator(_sdg_target)]


def slug(text: str) -> str:
    """A key from a name: accents dropped, lower case, words joined by '-'."""
    return "-".join(plain(text).split())[:80] or "unnamed"


class CitationDraft(Strict):
    source: MapId
    section: str | None = None
    note: Note


class Draft(Strict):
    """A record's fields. `LINKS` maps the fields that hold ids to the relationship type each
    becomes; the rest are stored on the node."""

    KIND: ClassVar[str]
    LINKS: ClassVar[dict[str, str]] = {}
    key: Key | None = None
    name: Text
    description: str | None = None
    cited: Annotated[list[CitationDraft], Field(min_length=1)]

    def node_id(self) -> str:
        return f"{self.KIND}:{self.key or slug(getattr(self, 'acronym', None) or self.name)}"

    def properties(self) -> dict[str, Any]:
        """What is stored on the node itself."""
        return self.model_dump(exclude={"key", "cited", *self.LINKS})

    def links(self) -> dict[str, list[str]]:
        """The ids each relationship type points to, by type."""
        found: dict[str, list[str]] = {}
        for field, link_type in self.LINKS.items():
            value = getattr(self, field)
            ids = value if isinstance(value, list) else [value] if value else []
            found.setdefault(link_type, []).extend(ids)
        return found


class OrganizationDraft(Draft):
    KIND: ClassVar[str] = "organization"
    LINKS: ClassVar[dict[str, str]] = field_links("organization")
    acronym: str | None = None
    type: OrganizationType
    based_in: list[CountryCode] = []


class ActionGroupDraft(Draft):
    KIND: ClassVar[str] = "action-group"
    LINKS: ClassVar[dict[str, str]] = field_links("action-group")
    acronym: str | None = None
    kind: ActionGroupKind
    themes: list[MapId] = []


class InitiativeDraft(Draft):
    KIND: ClassVar[str] = "initiative"
    LINKS: ClassVar[dict[str, str]] = field_links("initiative")
    kind: InitiativeKind
    status: InitiativeStatus
    # Imported projects (3W rows, IATI activities) do not say what kind of work they do.
    work: list[WorkType] = []
    start: PartialDate | None = None
    end: PartialDate | None = None
    countries: list[CountryCode] = []
    # First-level administrative areas (provinces, states), as 3W tables name them.
    areas: list[Text] = []
    regions: list[MapId] = []
    themes: list[MapId] = []
    sdg_targets: list[SdgTargetCode] = []

    @model_validator(mode="after")
    def _in_order(self) -> "InitiativeDraft":
        _check_order(self.start, self.end, "end")
        return self

    def properties(self) -> dict[str, Any]:
        return {**super().properties(), **date_bounds(self.start, self.end)}


class EventDraft(Draft):
    KIND: ClassVar[str] = "event"
    LINKS: ClassVar[dict[str, str]] = field_links("event")
    kind: EventKind
    status: EventStatus
    date: PartialDate | None = None
    end_date: PartialDate | None = None
    city: str | None = None
    held_in: CountryCode | None = None

    @model_validator(mode="after")
    def _in_order(self) -> "EventDraft":
        _check_order(self.date, self.end_date, "end_date")
        return self

    def properties(self) -> dict[str, Any]:
        bounds = date_bounds(self.date, self.end_date or self.date)
        return {**super().properties(), **bounds}


class ThemeDraft(Draft):
    """A theme is added by import only; the seed's themes are curated."""

    KIND: ClassVar[str] = "theme"


class SourceDraft(Strict):
    """A document facts come from. It cites nothing itself."""

    KIND: ClassVar[str] = "source"
    LINKS: ClassVar[dict[str, str]] = {}
    key: Key | None = None
    title: Text
    publisher: str | None = None
    date: PartialDate | None = None
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    description: str | None = None
    sections: list[Text] = []

    @property
    def cited(self) -> list[CitationDraft]:
        return []

    def node_id(self) -> str:
        return f"source:{self.key or slug(self.title)}"

    def properties(self) -> dict[str, Any]:
        # Sources are named by their title everywhere else on the map.
        props = self.model_dump(exclude={"key", "title"})
        return {"name": self.title, **props}

    def links(self) -> dict[str, list[str]]:
        return {}


AnyDraft = (
    OrganizationDraft | ActionGroupDraft | InitiativeDraft | EventDraft | SourceDraft | ThemeDraft
)
DRAFTS: dict[str, type[AnyDraft]] = {
    d.KIND: d
    for d in (
        OrganizationDraft,
        ActionGroupDraft,
        InitiativeDraft,
        EventDraft,
        SourceDraft,
        ThemeDraft,
    )
}


def _check_order(start: str | None, end: str | None, field: str) -> None:
    if start and end:
        bounds = date_bounds(start, end)
        first, last = bounds["start_on"], bounds["end_on"]
        if first and last and last < first:
            raise ValueError(f"{field}: {end} is before the start, {start}")


def parse(model: type[M], given: dict[str, Any]) -> M:
    """The validated model; Invalid, naming each field as the client spells it, if not."""
    try:
        return model.model_validate(given)
    except ValidationError as error:
        raise Invalid([_problem(e) for e in error.errors()]) from None


def _problem(error: Any) -> FieldProblem:
    reason = str(error["msg"]).removeprefix("Value error, ")
    path = [camel_case(str(p)) if isinstance(p, str) else f"[{p}]" for p in error["loc"]]
    field = ".".join(path).replace(".[", "[")
    if not field and ": " in reason:
        # A check across fields names the field it blames at the start of its message.
        field, reason = reason.split(": ", 1)
        field = camel_case(field)
    return FieldProblem(field or "input", reason)
