"""The shape of each seed file, as pydantic models built on the kinds' own fields
(`service.model.kinds`). Unknown fields are errors, so a typo in a field name is caught
rather than silently dropped."""

from typing import Annotated, Any, get_origin

from pydantic import Field, create_model, model_validator

from service.model.fields import MapId, Note, Strict, Text
from service.model.kinds import DRAFTS, Inferred, InitiativeFields, SourceFields
from service.model.relationships import RelationshipRecord
from service.model.values import FactBasis, IloRegion, WorkType


class Citation(Strict):
    """Where a fact comes from: a source, the section of it, and a note in our own words.

    A record's first citation without `about` is the source of the record as a whole, and of
    each of its links no other citation claims. A citation with `about` is the source of the
    record's fields it names (`end`) or of its links, by field (`operates_in`) or by the id
    they point to (`theme:child-labour`), for what one section states and another does not.
    A citation naming only links may say `basis: inferred` and `inferred_from`: the links
    carry it. What is inferred of the record itself goes in the record's `inferred` list."""

    source: MapId | None = None
    section: Text | None = None
    note: Note
    about: list[Text] = []
    basis: FactBasis | None = None
    inferred_from: Text | None = None

    @model_validator(mode="after")
    def _inferred_says_from_what(self) -> "Citation":
        if (self.basis == FactBasis.INFERRED) != (self.inferred_from is not None):
            raise ValueError(
                "inferred_from: an inferred citation says what it is inferred from, and only "
                "an inferred one does"
            )
        return self


class Record(Strict):
    """What every curated record adds to its kind's fields: its id and its citations (the
    file's default source where a citation names none). The record's own fields come from
    its kind in `service.model.kinds`; a seed file also writes the record's links inline."""

    id: MapId
    cited: Annotated[list[Citation], Field(min_length=1)]


class InitiativeRecord(Record, InitiativeFields):
    """Curated initiatives say what kind of work they do (imported projects need not), and
    write their places as one list of country and region ids and SDG targets as codes."""

    work: Annotated[list[WorkType], Field(min_length=1)]
    inferred: list[Inferred] = []
    operates_in: list[MapId] = []
    themes: list[MapId] = []
    sdg_targets: list[str] = []


# Links the curated files write that no draft has: an initiative's places as one list.
SEED_LINKS = {"operates_in": "OPERATES_IN"}
# Seed records written by hand, where the curated files say more than the kind's draft.
_WRITTEN: dict[str, type[Record]] = {"initiative": InitiativeRecord}


def record_model(kind: str) -> type[Record]:
    """The seed record of a kind: written above, or made from the kind's draft (its fields
    as they are, its id-holding fields as map ids, plus an id and its citations)."""
    if kind in _WRITTEN:
        return _WRITTEN[kind]
    draft = DRAFTS[kind]
    fields: dict[str, Any] = {}
    for name, info in draft.model_fields.items():
        if name in ("key", "cited"):
            continue
        if name in draft.LINKS:
            several = get_origin(info.annotation) is list
            fields[name] = (list[MapId], []) if several else (MapId | None, None)
        else:
            fields[name] = (info.annotation, info)
    name = "".join(part.title() for part in kind.split("-")) + "Record"
    made: type[Record] = create_model(name, __base__=Record, **fields)
    return made


def records_file(kind: str) -> type[Strict]:
    """A kind's seed file: its default source and its records, under the file's name."""
    draft = DRAFTS[kind]
    name = "".join(part.title() for part in draft.FILE.split("_")) + "File"
    fields: dict[str, Any] = {
        "default_source": (MapId, ...),
        draft.FILE: (list[record_model(kind)], ...),  # type: ignore[misc]
    }
    made: type[Strict] = create_model(name, __base__=Strict, **fields)
    return made


# The kinds the seed curates, in the order they are read: every kind of the model but
# sources, which have a file of their own (they cite nothing), and those editors make.
SEEDED_KINDS = tuple(kind for kind, d in DRAFTS.items() if kind != "source" and d.SEEDED)


class SourceRecord(SourceFields):
    id: MapId


class RelationshipGroup(Strict):
    source: MapId | None = None
    section: Text | None = None
    note: Note
    relationships: Annotated[list[RelationshipRecord], Field(min_length=1)]


class SourcesFile(Strict):
    sources: list[SourceRecord]


class RelationshipsFile(Strict):
    default_source: MapId
    groups: list[RelationshipGroup]


class SdgGoal(Strict):
    number: Annotated[int, Field(ge=1, le=17)]
    title: Text
    targets: dict[str, Text]


class SdgFile(Strict):
    goals: Annotated[list[SdgGoal], Field(min_length=17, max_length=17)]


class NeedEstimate(Strict):
    """One published set of prevalence figures by ILO region."""

    measure: Text
    theme: MapId
    # The indicator (indicators.yaml) these figures are observed values of.
    indicator: MapId | None = None
    unit: Text
    data_year: Annotated[int, Field(ge=1990, le=2100)]
    source: MapId
    values: dict[IloRegion, Annotated[float, Field(ge=0)]]
    # The number of people by region, where the publication gives it (in people).
    people: dict[IloRegion, Annotated[int, Field(ge=0)]] = {}


class PeopleFrom(Strict):
    """The population a country's rate applies to, from another file: people are the rate
    times `column` (less `less`, where the rate is of an age band the file has no column
    for), times `scale`."""

    file: Text
    column: Text
    less: str | None = None
    scale: Annotated[float, Field(gt=0)] = 1.0
    source: MapId
    section: str = ""
    note: Note


class CountryFigures(Strict):
    """One published set of country figures: a CSV of `seed/need/`, one row per country
    (ISO alpha-3 in `iso3`), a blank cell meaning no figure."""

    measure: Text
    theme: MapId
    indicator: MapId | None = None
    unit: Text
    file: Text
    source: MapId
    section: str = ""
    rate: Text  # the column of the rate
    people: str | None = None  # the column of the number of people, if the file has one
    people_unit: str | None = None
    people_from: PeopleFrom | None = None
    flag: str | None = None  # the column of the publisher's flags, if any
    # The column giving each row's data year (or, where the publisher gives no year by
    # country, the period its figures come from): a figure's year is its own row's, never
    # the edition's.
    year_column: Text = "data_year"
    # The flag the publisher sets on a figure from outside that period, if any.
    outside_flag: str | None = None
    # The set's part of its figures' ids (need:<measure>-<id_part>-country-<iso3>), kept
    # as first published: ids never change, so it is not read as a year.
    id_part: Text
    edition: Text
    publisher: Text


class NeedFile(Strict):
    estimates: list[NeedEstimate]
    country_figures: list[CountryFigures] = []
