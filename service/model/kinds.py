"""Each kind of record editors keep, described once: the fields stored on its node (the
`...Fields` models, which the seed files use too), and the whole record as an editor or an
import sends it (the drafts: those fields, a key, the citations, and the fields whose ids
become relationships, from `relationships.FIELD_LINKS`). The GraphQL inputs, the columns of
the map's CSV and JSON files and the mutations are made from the drafts in `DRAFTS`; field
descriptions written here are the ones GraphQL clients read.

A draft checks what it can alone (types, value lists, dates in order, country codes);
`service/editing/references.py` then checks the ids it names against the map. An update
sends the whole record again, with the version it was read at."""

import hashlib
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, ClassVar, TypeVar

from anyascii import anyascii
from pydantic import AfterValidator, BaseModel, Field, ValidationError, model_validator

from service.errors import BadInput, FieldProblem, Invalid
from service.model.fields import (
    MapId,
    Note,
    PartialDate,
    Strict,
    Text,
    camel_case,
    date_bounds,
    plain,
)
from service.model.ids import country_id
from service.model.relationships import Currency, field_links
from service.model.values import (
    ActionGroupKind,
    CommitmentStatus,
    DocumentType,
    EventKind,
    EventStatus,
    InitiativeKind,
    InitiativeStatus,
    MembershipRecorded,
    OrganizationType,
    WorkType,
)

M = TypeVar("M", bound=BaseModel)
_KEY = re.compile(r"^[a-z0-9][a-z0-9.-]{0,79}$")
_SDG_CODE = re.compile(r"^\d{1,2}\.[0-9a-z]{1,2}$")
_DATE = "As precise as known: YYYY, YYYY-MM or YYYY-MM-DD."


def _key(value: str) -> str:
    if not _KEY.match(value):
        raise ValueError("a key is 1-80 lower-case letters, digits, '.' or '-', such as 'ilo'")
    return value


def _country(value: str) -> str:
    """A country's map id from its ISO 3166 alpha-3 or alpha-2 code."""
    try:
        return country_id(value)
    except BadInput:
        raise ValueError(f"'{value}' is not an ISO 3166 country code (such as ARG or AR)") from None


def _sdg_target(value: str) -> str:
    """A target's map id from its code (8.7) or its id (sdg-target:8.7)."""
    code = value.removeprefix("sdg-target:")
    if not _SDG_CODE.match(code):
        raise ValueError(f"'{value}' is not an SDG target code (such as 8.7 or 16.b)")
    return f"sdg-target:{code}"


def _labelled(label: str, example: str) -> Callable[[str], str]:
    """A check for text written as a label, a colon and the rest ("fr: OIT"), normalised to
    one space after the colon; the error names the form and gives `example`."""
    pattern = re.compile(rf"^({label}):\s*(\S.*)$")

    def check(value: str) -> str:
        match = pattern.match(value.strip())
        if match is None:
            raise ValueError(example)
        return f"{match.group(1)}: {match.group(2).strip()}"

    return check


def labelled_parts(value: str) -> tuple[str, str]:
    """Labelled text (an alias, an inferred field) as (label, the rest)."""
    label, rest = value.split(":", 1)
    return label.strip(), rest.strip()


# Another name a record goes by, with the language it is written in (ISO 639-1 or -3):
# "fr: Organisation internationale du Travail", "es: OIT". Stored as written, one string,
# as a node keeps lists of text only; `alias_parts` reads it back.
_alias = _labelled(
    "[a-z]{2,3}",
    "an alias starts with its language's ISO 639 code and a colon, such as "
    "'fr: Organisation internationale du Travail' or 'es: OIT'",
)
# A field of a record its sources do not state but the map infers from them, and from what:
# "date: the report says July, in a report of 13 November 2017". Kept on the record, so it
# travels with it through edits, exports and imports.
_inferred = _labelled(
    "[a-z_]+",
    "an inferred field is written as the field's name, a colon and what it is "
    "inferred from, such as 'date: the report says July, in a report of November 2017'",
)
# An alias as (language, name); an inferred field as (field, what it is inferred from).
alias_parts = inferred_parts = labelled_parts


Key = Annotated[str, AfterValidator(_key)]
Alias = Annotated[str, AfterValidator(_alias)]
Inferred = Annotated[str, AfterValidator(_inferred)]
# What a record's `inferred` may not name: what is not a fact about it.
_NOT_INFERRED = frozenset({"key", "cited", "inferred", "last_verified"})
CountryCode = Annotated[str, AfterValidator(_country)]
SdgTargetCode = Annotated[str, AfterValidator(_sdg_target)]


def slug(text: str) -> str:
    """A key from a name: written in Latin letters (anyascii transliterates every other
    script, so 'منظمة' becomes 'mnzm'), lower case, words joined by '-'. A name with no
    letters or digits at all gets a key from its hash, never a shared 'unnamed'."""
    words = re.sub(r"[^a-z0-9]+", " ", anyascii(plain(text)).lower()).split()
    if not words:
        return "name-" + _digest(text.strip())
    key = "-".join(words)
    if len(key) <= 80:
        return key
    # Cut to fit, with a digest of the whole, so two long names that begin alike keep apart.
    return key[:67].strip("-") + "-" + _digest(key)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _ids(description: str) -> Any:
    return Field(default=[], description=description)


def _aliases() -> Any:
    return Field(
        default=[],
        description="Other names it goes by, in other languages or short, each with its "
        "language's ISO 639 code first: 'fr: Organisation internationale du Travail', "
        "'es: OIT'. Search finds it by any of them.",
    )


# --- What each kind stores on its node -------------------------------------------------


class OrganizationFields(Strict):
    name: Text = Field(description="Its name, as its own publications write it.")
    description: str | None = Field(default=None, description="What it is, in your own words.")
    acronym: str | None = Field(default=None, description="Its usual acronym, such as ILO.")
    aliases: list[Alias] = _aliases()
    type: OrganizationType = Field(description="What kind of body it is.")
    founded: PartialDate | None = Field(
        default=None, description="When it was founded or launched. " + _DATE
    )
    iati_ref: str | None = Field(
        default=None,
        description="Its IATI organisation identifier (such as GB-GOV-1), by which IATI "
        "files name it; imports match it before the name.",
    )


class ActionGroupFields(Strict):
    name: Text = Field(description="Its name, as its own publications write it.")
    description: str | None = Field(default=None, description="What it is, in your own words.")
    acronym: str | None = Field(default=None, description="Its usual acronym, such as ILO.")
    aliases: list[Alias] = _aliases()
    kind: ActionGroupKind = Field(description="Which kind of Alliance body it is.")
    membership: MembershipRecorded = Field(
        default=MembershipRecorded.PARTIAL,
        description="How much of its membership the map records: complete, chairs_only or "
        "partial. Only a complete membership shows a constituency as absent; otherwise a "
        "constituency no recorded member holds is unknown.",
    )
    membership_as_of: PartialDate | None = Field(
        default=None, description="The date the recorded membership holds for. " + _DATE
    )


class InitiativeFields(Strict):
    name: Text = Field(description="Its name, as its own publications write it.")
    description: str | None = Field(default=None, description="What it is, in your own words.")
    aliases: list[Alias] = _aliases()
    kind: InitiativeKind = Field(description="What the initiative is.")
    status: InitiativeStatus = Field(description="Where it stands, as its source tells.")
    status_since: PartialDate | None = Field(
        default=None,
        description="The date its status is known to hold from. Left out, the seed takes its "
        "source's date and an edit the day it is made. " + _DATE,
    )
    # Imported projects (3W rows, IATI activities) do not say what kind of work they do.
    work: list[WorkType] = Field(
        default=[],
        description="research, data_collection, mapping, platform, capacity_building, "
        "advocacy or coordination",
    )
    start: PartialDate | None = Field(default=None, description=_DATE)
    end: PartialDate | None = Field(default=None, description=_DATE)
    sectors: list[Text] = Field(
        default=[],
        description="The sectors or clusters its source names that are no theme on the map, "
        "as written (a 3W sheet's 'Food Security', say).",
    )
    iati_identifier: str | None = Field(
        default=None,
        description="Its IATI activity identifier (such as GB-1-123456), when it came from an "
        "IATI file; the IATI export writes it back.",
    )


class EventFields(Strict):
    name: Text = Field(description="Its name, as its own publications write it.")
    description: str | None = Field(default=None, description="What it is, in your own words.")
    aliases: list[Alias] = _aliases()
    kind: EventKind = Field(description="What kind of gathering it is.")
    status: EventStatus = Field(description="Held, planned or recurring.")
    date: PartialDate | None = Field(default=None, description=_DATE)
    end_date: PartialDate | None = Field(default=None, description=_DATE)
    city: str | None = Field(default=None, description="The city it is held in.")


class ThemeFields(Strict):
    name: Text = Field(description="Its name, as its own publications write it.")
    description: str | None = Field(default=None, description="What it is, in your own words.")


class SourceFields(Strict):
    title: Text = Field(description="The document's title.")
    publisher: str | None = Field(default=None, description="Who published it.")
    date: PartialDate | None = Field(default=None, description=_DATE)
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = Field(
        default=None, description="Where it can be read: an http or https address."
    )
    description: str | None = Field(default=None, description="What it is, in your own words.")
    sections: list[Text] = Field(
        default=[], description="The sections citations may name, if it has any."
    )
    document_type: DocumentType | None = Field(
        default=None,
        description="What kind of document it is: report, dataset, evaluation, law or "
        "policy, guideline or meeting record.",
    )
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}$")] | None = Field(
        default=None, description="The language it is written in, as an ISO 639 code (en, fr)."
    )
    file_format: Annotated[str, Field(pattern=r"^[a-z]+/[a-z0-9.+-]+$")] | None = Field(
        default=None,
        description="Its file format as a media type (application/pdf), as an IATI file gives "
        "it; the IATI export writes a document's link only where it is known.",
    )


class PersonFields(Strict):
    name: Text = Field(description="Their name, as the source writes it, without titles.")
    honorific: str | None = Field(
        default=None,
        description="The title the source gives them, such as H.E. or Deputy Minister.",
    )
    job_title: str | None = Field(
        default=None, description="Their post, where the source gives it."
    )
    description: str | None = Field(default=None, description="Who they are, in your own words.")
    contact: str | None = Field(
        default=None,
        description="How to reach them (an e-mail address, say). Recorded only with their "
        "consent (contactConsent), and shown only then.",
    )
    contact_consent: bool = Field(
        default=False,
        description="True only if the person agreed to their contact details being recorded "
        "and shown.",
    )

    @model_validator(mode="after")
    def _consented(self) -> "PersonFields":
        if self.contact and not self.contact_consent:
            raise ValueError(
                "contact: contact details are recorded only with the person's consent; "
                "set contactConsent to true once they have agreed, or leave contact out"
            )
        return self


class CommitmentFields(Strict):
    name: Text = Field(description="A short title for it, in your own words.")
    description: str | None = Field(
        default=None, description="What was committed to, in your own words."
    )
    status: CommitmentStatus = Field(
        description="Where it stands: proposed, made, in_progress, met, lapsed or withdrawn."
    )
    status_since: PartialDate | None = Field(
        default=None,
        description="The date its status is known to hold from. Left out, the seed takes its "
        "source's date and an edit the day it is made. " + _DATE,
    )
    made_on: PartialDate | None = Field(default=None, description="When it was made. " + _DATE)
    due: PartialDate | None = Field(
        default=None,
        description="When it is due, where its source says (a due date of 2018 runs to the "
        "end of 2018). " + _DATE,
    )


class IndicatorFields(Strict):
    name: Text = Field(description="Its name, as its custodian writes it.")
    code: str | None = Field(
        default=None, description="Its code in its framework, such as 8.7.1 for an SDG indicator."
    )
    definition: str | None = Field(
        default=None, description="What it measures and how, in your own words."
    )
    unit: str | None = Field(default=None, description="The unit of its values, such as %.")
    baseline_year: Annotated[int, Field(ge=1990, le=2100)] | None = Field(
        default=None,
        description="The year whose observed values are its baseline, where one is set.",
    )
    target_value: Annotated[float, Field(allow_inf_nan=False)] | None = Field(
        default=None, description="The value it is to reach, where a target is set."
    )
    target_year: Annotated[int, Field(ge=1990, le=2100)] | None = Field(
        default=None, description="The year the target is to be reached by."
    )


class MergeVerdict(StrEnum):
    """Whether two organization records are one organization: same, different or unsure."""

    SAME = "same"
    DIFFERENT = "different"
    UNSURE = "unsure"


class MergeJudgementFields(Strict):
    verdict: MergeVerdict = Field(description="same, different or unsure.")
    decided_by: Text = Field(description="Who decided: an editor, or the review that did.")
    decided_on: PartialDate = Field(description="When it was decided. " + _DATE)
    reason: str | None = Field(default=None, description="Why, in your own words.")


class PeriodReportFields(Strict):
    period_start: PartialDate = Field(description="The first day of the period. " + _DATE)
    period_end: PartialDate = Field(description="The last day of the period. " + _DATE)
    people_targeted: Annotated[int, Field(ge=0)] | None = Field(
        default=None,
        description="How many people the initiative set out to reach in the period; "
        "left out: not reported (not zero).",
    )
    people_reached: Annotated[int, Field(ge=0)] | None = Field(
        default=None,
        description="How many people it reached in the period; left out: not reported.",
    )
    funding: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = Field(
        default=None,
        description="The money it spent in the period, in `currency`; left out: not reported.",
    )
    currency: Currency | None = Field(
        default=None, description="The ISO 4217 code of the funding's currency, such as USD."
    )
    observed_value: Annotated[float, Field(allow_inf_nan=False)] | None = Field(
        default=None,
        description="The value of `indicator` the organization observed in the period, "
        "where it reports one; its source is the report's citation.",
    )
    closed: bool = Field(
        default=False,
        description="A closed period is locked: only an admin key changes it again (to "
        "reopen it), and that change is in its history.",
    )
    description: str | None = Field(
        default=None, description="What the figures count, in your own words."
    )


# --- The records as editors and imports send them -----------------------------------


class CitationDraft(Strict):
    """A source and, if it has sections, the one the fact is from."""

    source: MapId = Field(description="The id of the source, such as source:gcg-2017-report.")
    section: str | None = Field(
        default=None, description="The section of it, if the source has sections."
    )
    note: Note = Field(description="What the source says, in your own words.")


class Draft(Strict):
    """A record's fields. `LINKS` maps the fields that hold ids to the relationship type each
    becomes; the rest are stored on the node. `FILE` names its file in imports and exports."""

    KIND: ClassVar[str]
    FILE: ClassVar[str]
    LINKS: ClassVar[dict[str, str]] = {}
    # Editors create and change it one record at a time (GraphQL); False: by import only.
    EDITED: ClassVar[bool] = True
    # The seed curates it in a file of its own; False: editors and imports make it.
    SEEDED: ClassVar[bool] = True
    # The property that, when true, locks the record: only an admin key changes it then
    # (service/editing/permissions.py, `may_change_locked`); None: never locked.
    LOCKED_BY: ClassVar[str | None] = None
    # The relationship type to the initiative a record is part of, for kinds a partner's
    # key may keep for the initiatives its organization takes part in; None: none.
    PART_OF_INITIATIVE: ClassVar[str | None] = None
    key: Key | None = Field(
        default=None,
        description="Optional; the id becomes kind:key. Left out, it is made from the "
        "acronym or name.",
    )
    cited: Annotated[list[CitationDraft], Field(min_length=1)] = Field(
        description="The sources that say so: at least one."
    )
    last_verified: PartialDate | None = Field(
        default=None,
        description="When its facts were last checked against a source; an edit that leaves "
        "it out is taken as checked on the day of the edit.",
    )
    inferred: list[Inferred] = Field(
        default=[],
        description="Its fields that its sources do not state but that are inferred from "
        "them, each as the field's name, a colon and what it is inferred from: 'date: the "
        "report says July, in a report of 13 November 2017'.",
    )

    @model_validator(mode="after")
    def _inferred_fields_are_given(self) -> "Draft":
        for entry in self.inferred:
            field, _ = inferred_parts(entry)
            if field not in type(self).model_fields or field in _NOT_INFERRED:
                raise ValueError(f"inferred: '{field}' is no field of this record")
            if getattr(self, field) in (None, [], ""):
                raise ValueError(f"inferred: '{field}' is inferred but not given")
        return self

    def node_id(self) -> str:
        named = getattr(self, "acronym", None) or getattr(self, "name", None) or ""
        return f"{self.KIND}:{self.key or slug(named)}"

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


class OrganizationDraft(Draft, OrganizationFields):
    """An organization, as an editor sends it."""

    KIND: ClassVar[str] = "organization"
    FILE: ClassVar[str] = "organizations"
    LINKS: ClassVar[dict[str, str]] = field_links("organization")
    based_in: list[CountryCode] = _ids("ISO 3166 codes of the countries it is based in.")


class ActionGroupDraft(Draft, ActionGroupFields):
    """An action group or other Alliance body, as an editor sends it."""

    KIND: ClassVar[str] = "action-group"
    FILE: ClassVar[str] = "action_groups"
    LINKS: ClassVar[dict[str, str]] = field_links("action-group")
    themes: list[MapId] = _ids("Theme ids.")


class InitiativeDraft(Draft, InitiativeFields):
    """An initiative, as an editor sends it."""

    KIND: ClassVar[str] = "initiative"
    FILE: ClassVar[str] = "initiatives"
    LINKS: ClassVar[dict[str, str]] = field_links("initiative")
    countries: list[CountryCode] = _ids("ISO 3166 codes of the countries it works in.")
    # First-level administrative areas (provinces, states), as 3W tables name them.
    areas: list[Text] = _ids("Provinces or states it works in, by name.")
    regions: list[MapId] = _ids("Region ids, such as region:ilo-africa.")
    themes: list[MapId] = _ids("Theme ids, such as theme:child-labour.")
    sdg_targets: list[SdgTargetCode] = _ids("SDG target codes, such as 8.7.")

    @model_validator(mode="after")
    def _in_order(self) -> "InitiativeDraft":
        _check_order(self.start, self.end, "end")
        return self

    def properties(self) -> dict[str, Any]:
        return {**super().properties(), **date_bounds(self.start, self.end)}


class EventDraft(Draft, EventFields):
    """An event, as an editor sends it."""

    KIND: ClassVar[str] = "event"
    FILE: ClassVar[str] = "events"
    LINKS: ClassVar[dict[str, str]] = field_links("event")
    held_in: CountryCode | None = Field(default=None, description="An ISO 3166 code.")

    @model_validator(mode="after")
    def _in_order(self) -> "EventDraft":
        _check_order(self.date, self.end_date, "end_date")
        return self

    def properties(self) -> dict[str, Any]:
        bounds = date_bounds(self.date, self.end_date or self.date)
        return {**super().properties(), **bounds}


class ThemeDraft(Draft, ThemeFields):
    """A theme is added by import only; the seed's themes are curated."""

    KIND: ClassVar[str] = "theme"
    FILE: ClassVar[str] = "themes"
    EDITED: ClassVar[bool] = False


class SourceDraft(SourceFields):
    """A document facts come from. It cites nothing itself."""

    KIND: ClassVar[str] = "source"
    FILE: ClassVar[str] = "sources"
    LINKS: ClassVar[dict[str, str]] = {}
    EDITED: ClassVar[bool] = True
    SEEDED: ClassVar[bool] = True
    key: Key | None = Field(
        default=None,
        description="Optional; the id becomes kind:key. Left out, it is made from the title.",
    )

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


class PersonDraft(Draft, PersonFields):
    """A person named in a public source, as an editor sends them. Their seats are
    relationships of their own (SEATED)."""

    KIND: ClassVar[str] = "person"
    FILE: ClassVar[str] = "people"


class CommitmentDraft(Draft, CommitmentFields):
    """A pledge or commitment, as an editor sends it; progress updates are relationships to
    the documents that report them (PROGRESS_REPORTED)."""

    KIND: ClassVar[str] = "commitment"
    FILE: ClassVar[str] = "commitments"
    LINKS: ClassVar[dict[str, str]] = field_links("commitment")
    made_by: list[MapId] = _ids("Ids of the organizations or Alliance bodies that made it.")
    owners: list[MapId] = _ids(
        "Ids of the organizations or Alliance bodies that are to carry it out."
    )
    requested_by: list[MapId] = _ids("Ids of the organizations or bodies that called for it.")
    made_at: MapId | None = Field(default=None, description="The id of the event it was made at.")
    due_at: MapId | None = Field(
        default=None,
        description="The id of the meeting it is to be met or reported at, where it is due "
        "at one (such as the next GCG meeting).",
    )
    initiative: MapId | None = Field(
        default=None,
        description="The id of the initiative it is for: the work plan it is part of, or "
        "the work it commits to.",
    )
    themes: list[MapId] = _ids("Theme ids.")
    sdg_targets: list[SdgTargetCode] = _ids("SDG target codes, such as 8.7.")
    countries: list[CountryCode] = _ids("ISO 3166 codes of the countries it concerns.")
    regions: list[MapId] = _ids("Ids of the regions it concerns.")

    @model_validator(mode="after")
    def _in_order(self) -> "CommitmentDraft":
        _check_order(self.made_on, self.due, "due")
        return self

    def properties(self) -> dict[str, Any]:
        return {**super().properties(), **due_on(self.due)}


class IndicatorDraft(Draft, IndicatorFields):
    """An indicator progress is measured by, as an editor sends it; its observed values are
    the published figures on the map (need estimates) that name it."""

    KIND: ClassVar[str] = "indicator"
    FILE: ClassVar[str] = "indicators"
    LINKS: ClassVar[dict[str, str]] = field_links("indicator")
    themes: list[MapId] = _ids("Theme ids.")
    sdg_targets: list[SdgTargetCode] = _ids("Codes of the SDG targets it measures, such as 8.7.")


class MergeJudgementDraft(Draft, MergeJudgementFields):
    """A decision of the identity work that two organization records are, or are not, one
    organization, as an editor records it; the source it rests on is its citation. Editors
    make them; the seed curates none."""

    KIND: ClassVar[str] = "merge-judgement"
    FILE: ClassVar[str] = "merge_judgements"
    LINKS: ClassVar[dict[str, str]] = field_links("merge-judgement")
    SEEDED: ClassVar[bool] = False
    organizations: list[MapId] = _ids("The ids of the two organization records judged.")

    @model_validator(mode="after")
    def _two(self) -> "MergeJudgementDraft":
        if len(set(self.organizations)) != 2:
            raise ValueError("organizations: a judgement names two different organizations")
        return self

    def node_id(self) -> str:
        # Named by the pair and the day: judging the same pair again that day is an update.
        pair = " ".join([*sorted(self.organizations), self.decided_on])
        return f"{self.KIND}:{self.key or slug(pair)}"


class PeriodReportDraft(Draft, PeriodReportFields):
    """A partner's figures for one initiative over one reporting period: people targeted
    and reached, money spent, and an indicator's observed value, each with the report's
    source. A partner's key reports for the initiatives its organization takes part in;
    a closed period is locked against edits until an admin reopens it."""

    KIND: ClassVar[str] = "period-report"
    FILE: ClassVar[str] = "period_reports"
    LINKS: ClassVar[dict[str, str]] = field_links("period-report")
    SEEDED: ClassVar[bool] = False
    LOCKED_BY: ClassVar[str | None] = "closed"
    PART_OF_INITIATIVE: ClassVar[str | None] = "PERIOD_OF"
    initiative: MapId = Field(description="The id of the initiative the figures are for.")
    indicator: MapId | None = Field(
        default=None, description="The id of the indicator `observedValue` is a value of."
    )

    @model_validator(mode="after")
    def _consistent(self) -> "PeriodReportDraft":
        _check_order(self.period_start, self.period_end, "period_end")
        if self.funding is not None and self.currency is None:
            raise ValueError("currency: funding needs its currency, such as USD")
        if (self.observed_value is None) != (self.indicator is None):
            raise ValueError("indicator: an observed value and its indicator go together")
        return self

    def node_id(self) -> str:
        # Named by the initiative and the period: one report per initiative and period.
        named = " ".join([self.initiative.split(":", 1)[1], self.period_start, self.period_end])
        return f"{self.KIND}:{self.key or slug(named)}"


def due_on(due: str | None) -> dict[str, Any]:
    """The last day a partial due date can mean, so "overdue on" compares real dates."""
    return {"due_on": date_bounds(None, due)["end_on"]}


AnyDraft = (
    OrganizationDraft
    | ActionGroupDraft
    | InitiativeDraft
    | EventDraft
    | SourceDraft
    | ThemeDraft
    | PersonDraft
    | CommitmentDraft
    | IndicatorDraft
    | MergeJudgementDraft
    | PeriodReportDraft
)
# Every kind an editor or an import may write, in the order files are read and written:
# sources first (records cite them), then what the others name.
DRAFTS: dict[str, type[AnyDraft]] = {
    d.KIND: d
    for d in (
        SourceDraft,
        ThemeDraft,
        OrganizationDraft,
        ActionGroupDraft,
        InitiativeDraft,
        EventDraft,
        PersonDraft,
        IndicatorDraft,
        CommitmentDraft,
        MergeJudgementDraft,
        PeriodReportDraft,
    )
}


# The kinds editors create and change one record at a time.
EDITED_KINDS = tuple(kind for kind, draft in DRAFTS.items() if draft.EDITED)


def part_of_initiative(kind: str) -> str | None:
    """The relationship type to the initiative a record of the kind is kept with, if any."""
    found: str | None = getattr(DRAFTS.get(kind), "PART_OF_INITIATIVE", None)
    return found


def locked_by(kind: str) -> str | None:
    """The property that locks a record of the kind when true, if any."""
    found: str | None = getattr(DRAFTS.get(kind), "LOCKED_BY", None)
    return found


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
