"""What readers see of each kind, declared once: the type's name and description, and its
fields in order. A field is one of three things:

- a `Prop`, read straight off the record's node (its GraphQL name, the property it reads
  where that differs, what it holds, and the description clients read);
- a relationship's side, named by its field: declared beside the relationship type in
  `relationships.py` (`Side`), forward or reverse;
- a `Special`, written by hand beside the kind's GraphQL type because it is more than a
  property or one relationship (an analysis, a field with arguments, a computed value),
  with the reason it is one.

The GraphQL output types, the compiled read path's table and the explorer's detail fields
(the fields given a `label`, written to explorer/src/generated/fields.json) are all made
from `SHOWN`; a side or a special left out of a
kind's list is still shown, after the listed ones."""

from dataclasses import dataclass

from service.model.relationships import sides

# What a property holds: text (dates as text too), a list of texts, a whole number, a
# number, true or false, or one of the model's value lists, named by its GraphQL enum
# ("enum:OrganizationType").
TEXT, TEXTS, INTEGER, NUMBER, FLAG = "text", "texts", "integer", "number", "flag"
_DATE = "As precise as known: YYYY, YYYY-MM or YYYY-MM-DD."
_OURS = "What it is, in this project's words."


@dataclass(frozen=True)
class Prop:
    """A field read off the node: `stored` names the property where it is not the field's
    own name; `required`: never null (`default` stands in for a missing value, and
    `or_id` has the record's id stand in); `label`: the words the explorer's detail panel
    shows it under (None: the panel leaves it out)."""

    field: str
    description: str
    holds: str = TEXT
    stored: str | None = None
    required: bool = False
    default: str | None = None
    or_id: bool = False
    label: str | None = None

    @property
    def stored_as(self) -> str:
        return self.stored or self.field

    @property
    def enum(self) -> str | None:
        return self.holds.removeprefix("enum:") if self.holds.startswith("enum:") else None


@dataclass(frozen=True)
class Special:
    """A field written by hand beside the kind's GraphQL type, and why it is one; `label`
    as a property's."""

    field: str
    why: str
    label: str | None = None


@dataclass(frozen=True)
class Shown:
    """A kind as readers see it."""

    kind: str
    name: str
    description: str
    fields: tuple[Prop | Special | str, ...]

    def props(self) -> tuple[Prop, ...]:
        return tuple(f for f in self.fields if isinstance(f, Prop))

    def specials(self) -> tuple[Special, ...]:
        return tuple(f for f in self.fields if isinstance(f, Special))

    def order(self) -> tuple[str, ...]:
        """Every field's name in order: the listed ones, then the sides left unlisted."""
        listed = [f if isinstance(f, str) else f.field for f in self.fields]
        return (*listed, *(name for name in sides(self.kind) if name not in listed))


def _enum(name: str) -> str:
    return f"enum:{name}"


_ROLES = "takes roles to filter by, and each answer carries the relationship's provenance"
_LISTED = "gathered from several relationship types, each record once, by id"
_SEATS = "seats come with the person, the body and the organization each is held for"
_NAMES = "each alias is stored as its language and name in one text, read back as two fields"

SHOWN: dict[str, Shown] = {
    s.kind: s
    for s in (
        Shown(
            "organization",
            "Organization",
            "An organization: UN agency, government, union, employer, business, NGO...",
            (
                Prop("acronym", "Its usual acronym, such as ILO.", label="Acronym"),
                Prop(
                    "type",
                    "What kind of body it is.",
                    _enum("OrganizationType"),
                    required=True,
                    label="Type",
                ),
                Prop(
                    "founded",
                    "When it was founded or launched, as precise as known (see its sources "
                    "for whether the date is stated or inferred).",
                ),
                Prop("iati_ref", "Its IATI organisation identifier, by which IATI files name it."),
                Prop("description", _OURS),
                Special("aliases", _NAMES),
                Special("initiatives", _ROLES),
                Special("action_groups", _ROLES),
                Special("events", _ROLES),
                Special("partnerships", "each carries its status and reason"),
                Special("memberships", "a seat on a body is a membership in standing"),
                Special("commitments", _LISTED),
                Special("people", _SEATS),
                "priority_countries",
                "based_in",
                Special("themes", "its own themes, else its initiatives' (an inference)"),
                Special("themes_basis", "says whether its themes are inferred"),
            ),
        ),
        Shown(
            "country",
            "Country",
            "A country, with its ISO codes and its UN and ILO regions.",
            (
                Prop("iso3", "ISO 3166 alpha-3 code.", required=True, label="ISO code"),
                Prop("iso2", "ISO 3166 alpha-2 code.", required=True),
                Prop("m49", "UN M49 numeric code."),
                Prop("un_region", "Its UN M49 region, such as Africa.", label="UN region"),
                Prop(
                    "un_sub_region",
                    "Its UN M49 sub-region, such as Western Africa.",
                    label="UN sub-region",
                ),
                Prop(
                    "ilo_region",
                    "Its ILO region, which regional need figures are given by.",
                    label="ILO region",
                ),
                Special("goods_list", "context read from several properties, with its source"),
                Special("tip_tiers", "context read from several properties, by year"),
                "regions",
                "evidence",
                "organizations",
                "initiatives",
                "events",
                Special("alliance_status", "standings over time, earliest first"),
                Special("coordination_bodies", "organizations based here, of one type"),
                "priority_of",
            ),
        ),
        Shown(
            "region",
            "Region",
            "A UN M49 region or sub-region, an ILO region, or the world.",
            (
                Prop(
                    "scheme",
                    "World, UN M49 region, UN M49 sub-region, ILO region or OSCE area.",
                    required=True,
                    default="",
                    label="Scheme",
                ),
                "countries",
                "sub_regions",
                "initiatives",
                "evidence",
            ),
        ),
        Shown(
            "sdg",
            "Sdg",
            "One of the 17 Sustainable Development Goals.",
            (
                Prop("number", "The goal's number, 1 to 17.", INTEGER, required=True),
                Special("targets", "in the framework's order, not the map's"),
            ),
        ),
        Shown(
            "sdg-target",
            "SdgTarget",
            "One of the 169 SDG targets; the name is this project's short title.",
            (
                Prop("code", "The target's code, such as 8.7.", required=True, label="Target"),
                Prop(
                    "goal_number",
                    "The number of the goal it belongs to.",
                    INTEGER,
                    stored="goal",
                    required=True,
                ),
                "goal",
                "initiatives",
            ),
        ),
        Shown(
            "theme",
            "Theme",
            "A theme work is organised around, such as child labour or migration.",
            (
                Prop("description", "What the theme covers, in this project's words."),
                "initiatives",
                "action_groups",
                "sdgs",
                "indicators",
                "evidence",
            ),
        ),
        Shown(
            "initiative",
            "Initiative",
            "A project, platform, study, report, tool, process or plan.",
            (
                Prop(
                    "initiative_kind",
                    "What the initiative is: a platform, a study, a plan, a project...",
                    _enum("InitiativeKind"),
                    stored="kind",
                    required=True,
                    label="Kind of initiative",
                ),
                Prop(
                    "status",
                    "Where it stands, as its source tells.",
                    _enum("InitiativeStatus"),
                    required=True,
                    label="Status",
                ),
                Prop("description", _OURS),
                Prop("start", _DATE, label="Start"),
                Prop("end", _DATE, label="End"),
                Prop(
                    "areas",
                    "Provinces, states and districts it works in, by name (from 3W tables).",
                    TEXTS,
                ),
                Prop(
                    "sectors",
                    "Sectors its source names that are no theme on the map, as written.",
                    TEXTS,
                ),
                Prop(
                    "iati_identifier",
                    "Its IATI activity identifier, when it came from an IATI file.",
                ),
                Prop(
                    "status_since",
                    "The date its status is known to hold from: the date its source gives, "
                    "else the source's own date (the seed's) or the day of the edit that set "
                    "it; null for an import that gives none.",
                ),
                Special("aliases", _NAMES),
                Special("participants", _ROLES),
                "operates_in",
                Special("people", "counts by group and place, from the relationship's properties"),
                "themes",
                "sdg_targets",
                "coordinated_by",
                "endorsed_by",
                "events",
                Special("commitments", _LISTED),
                "indicators",
                "priority_countries",
                "evidence",
            ),
        ),
        Shown(
            "action-group",
            "ActionGroup",
            "An action group, or another Alliance body (GCG, Friends, Secretariat).",
            (
                Prop("acronym", "Its usual acronym, such as GCG.", label="Acronym"),
                Prop(
                    "group_kind",
                    "Action group, coordinating group, friends group or secretariat.",
                    _enum("ActionGroupKind"),
                    stored="kind",
                    required=True,
                    label="Kind of body",
                ),
                Prop("description", _OURS),
                Special("aliases", _NAMES),
                Special("members", _ROLES),
                Special("chairs", _ROLES),
                "initiatives",
                "themes",
                Special("partnerships", "each carries its status and reason"),
                "events",
                Special("seats", _SEATS),
                Special("memberships", "a seat on a body is a membership in standing"),
                Special("commitments", _LISTED),
                "priority_countries",
            ),
        ),
        Shown(
            "event",
            "Event",
            "A meeting, consultation, workshop, conference or convening.",
            (
                Prop(
                    "event_kind",
                    "Meeting, consultation, workshop, conference or convening.",
                    _enum("EventKind"),
                    stored="kind",
                    required=True,
                    label="Kind of event",
                ),
                Prop(
                    "status",
                    "Held, planned or recurring.",
                    _enum("EventStatus"),
                    required=True,
                    label="Status",
                ),
                Prop("date", "As precise as known.", label="Date"),
                Prop(
                    "end_date", "The last day, as precise as known, for events of more than a day."
                ),
                Prop("city", "The city it was held in.", label="City"),
                Prop("description", "What it was, in this project's words."),
                Special("aliases", _NAMES),
                "country",
                Special("participants", _ROLES),
                Special("people", _SEATS),
                Special("commitments", _LISTED),
            ),
        ),
        Shown(
            "source",
            "Source",
            "A document the map's facts come from.",
            (
                Prop("title", "The document's title.", stored="name", required=True, or_id=True),
                Prop("publisher", "Who published it.", label="Publisher"),
                Prop("date", "When it was published, as precise as known.", label="Date"),
                Prop("url", "Where it can be read."),
                Prop("description", _OURS),
                Prop("sections", "The sections citations may name, if it has any.", TEXTS),
                Prop(
                    "document_type",
                    "What kind of document it is; null: not recorded.",
                    _enum("DocumentType"),
                ),
                Prop("language", "The language it is written in (ISO 639); null: not recorded."),
                "evidence_about",
            ),
        ),
        Shown(
            "person",
            "Person",
            "A person a public source names, with the seats they hold. Contact details are "
            "shown only where the person consented to them being recorded.",
            (
                Prop("honorific", "The title the source gives them, such as H.E.", label="Title"),
                Prop("job_title", "Their post, where the source gives it.", label="Post"),
                Prop("description", "Who they are, in this project's words."),
                Special("contact", "shown only with the person's consent"),
                Special("seats", _SEATS),
                Special("organizations", "the organizations of their seats"),
            ),
        ),
        Shown(
            "commitment",
            "Commitment",
            "A pledge or commitment: who made it, who is to carry it out, to what, made where "
            "and when, due when, and where it stands, with dated progress updates.",
            (
                Prop("description", "What was committed to, in our words."),
                Prop(
                    "recorded_status",
                    "The status on the record itself, as an editor last set it (see status for "
                    "the latest word, which a newer progress update may give).",
                    _enum("CommitmentStatus"),
                    stored="status",
                    required=True,
                ),
                Prop("made_on", "When it was made, as precise as known.", label="Made"),
                Prop(
                    "due",
                    "When it is due, as precise as known; null: its source gives no date.",
                    label="Due",
                ),
                Special("status", "the record's status or a newer progress update's", "Status"),
                Special(
                    "status_since",
                    "the record's status or a newer progress update's",
                    "Status known as of",
                ),
                Special("status_from_progress", "the record's status or a newer progress update's"),
                Special("overdue", "an analysis, on a day given"),
                "made_by",
                "owners",
                "requested_by",
                "made_at",
                "due_at",
                "initiative",
                "themes",
                "sdg_targets",
                "places",
                Special("progress", "dated updates from the relationship's properties"),
                "indicators",
            ),
        ),
        Shown(
            "indicator",
            "Indicator",
            "An indicator progress is measured by (such as SDG indicator 8.7.1), with its "
            "definition, target and observed values by place and year.",
            (
                Prop("code", "Its code in its framework, such as 8.7.1.", label="Code"),
                Prop("definition", "What it measures, in our words.", label="Definition"),
                Prop("unit", "The unit of its values.", label="Unit"),
                Prop(
                    "baseline_year",
                    "The year whose values are its baseline; null: none is set.",
                    INTEGER,
                ),
                Special("target", "a value and a year, read together"),
                "themes",
                "sdg_targets",
                "reported_on_by",
                Special("values", "published figures by place and year, an analysis"),
                Special("latest", "published figures by place and year, an analysis"),
            ),
        ),
        Shown(
            "merge-judgement",
            "MergeJudgement",
            "A decision of the identity work that two organization records are, or are not, "
            "one organization: the verdict, who decided, when and why; `sources` gives the "
            "source it rests on.",
            (
                Prop(
                    "verdict",
                    "SAME, DIFFERENT or UNSURE.",
                    _enum("MergeVerdict"),
                    required=True,
                ),
                Prop("decided_by", "Who decided.", required=True),
                Prop("decided_on", "When it was decided, as precise as known.", required=True),
                Prop("reason", "Why, in the words of who decided; null: none recorded."),
                "organizations",
            ),
        ),
        Shown(
            "period-report",
            "PeriodReport",
            "A partner's figures for one initiative over one reporting period: people "
            "targeted and reached, money spent, and an indicator's observed value, with the "
            "report's sources. A figure left out is not reported, not zero.",
            (
                "initiative",
                Prop("period_start", "The first day of the period. " + _DATE, required=True),
                Prop("period_end", "The last day of the period. " + _DATE, required=True),
                Prop(
                    "people_targeted",
                    "People it set out to reach in the period; null: not reported.",
                    INTEGER,
                ),
                Prop(
                    "people_reached",
                    "People it reached in the period; null: not reported.",
                    INTEGER,
                ),
                Prop("funding", "Money spent in the period; null: not reported.", NUMBER),
                Prop("currency", "The funding's currency (ISO 4217)."),
                "indicator",
                Prop(
                    "observed_value",
                    "The indicator's value the organization observed; null: none reported.",
                    NUMBER,
                ),
                Prop(
                    "closed",
                    "Whether the period is closed: locked until an admin reopens it.",
                    FLAG,
                    required=True,
                    default="false",
                ),
                Prop("description", "What the figures count, in the reporter's words."),
            ),
        ),
    )
}
