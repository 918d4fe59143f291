"""Turn validated seed files into the rows to write, and check what no single file can:
that ids are unique, that every link points at a node that exists and of a kind that
makes sense, and that every citation names a known source and one of its sections."""

from dataclasses import dataclass
from typing import Any

from service.errors import BadId, Problem, SeedInvalid
from service.model.fields import date_bounds
from service.model.ids import kind_of, region_id, sdg_target_id
from service.model.kinds import DRAFTS, due_on, inferred_parts
from service.model.records import LinkRow, MapRecord, cited_in
from service.model.relationships import (
    EXTRA_PROPERTIES,
    ID_PROPERTIES,
    RELATIONSHIPS,
    RelationshipRecord,
)
from service.seed import reference
from service.seed.country_context import GOODS_SOURCE, TIERS_SOURCE
from service.seed.files import SeedFiles
from service.seed.models import SEED_LINKS, Citation, Record


@dataclass(frozen=True)
class SeedGraph:
    nodes: list[MapRecord]
    links: list[LinkRow]


class _Builder:
    def __init__(self, files: SeedFiles) -> None:
        self.files = files
        self.nodes: dict[str, MapRecord] = {}
        self.links: list[LinkRow] = []
        self.problems: list[Problem] = []
        # Links from the curated files, checked once every node is known.
        self.pending: list[tuple[str, str, LinkRow]] = []
        self.sections = {s.id: set(s.sections) for s in files.sources.sources}
        # A seeded fact was last verified when the document it comes from was published.
        self.dates = {s.id: s.date for s in files.sources.sources if s.date}

    def problem(self, file: str, record: str, field: str | None, message: str) -> None:
        self.problems.append(Problem(file, record, field, message))

    def add_node(self, file: str, node: MapRecord) -> None:
        if node.id in self.nodes:
            self.problem(file, node.id, "id", "this id is used twice")
        self.nodes[node.id] = node

    def cite(
        self, file: str, node_id: str, default: str, cited: list[Citation], links: set[str]
    ) -> None:
        """The record's citations, one per section (they are told apart by section, so a
        second would replace the first). A citation whose `about` names only links of the
        record (`links`: their fields and targets) is the source of those links alone, which
        carry it themselves, stated or inferred; it is no citation of the record. What is
        inferred of the record itself is in its `inferred` list, which travels with it."""
        seen: set[tuple[str, str | None]] = set()
        for i, citation in enumerate(cited, 1):
            source = citation.source or default
            if not self._citation_ok(file, node_id, f"cited[{i}]", source, citation.section):
                continue
            if citation.about and set(citation.about) <= links:
                continue
            if citation.basis is not None:
                self.problem(
                    file,
                    node_id,
                    f"cited[{i}].basis",
                    "only a citation of links (named in `about`) is inferred; write what is "
                    "inferred of the record itself in its `inferred` list",
                )
            if (source, citation.section) in seen:
                self.problem(
                    file,
                    node_id,
                    f"cited[{i}].section",
                    "this section is already cited; cite it once, or name in `about` only "
                    "the links it is the source of",
                )
            seen.add((source, citation.section))
            self.links.append(cited_in(node_id, source, citation.section, citation.note))

    def _citation_ok(
        self, file: str, record: str, field: str, source: str, section: str | None
    ) -> bool:
        if source not in self.sections:
            self.problem(file, record, f"{field}.source", f"unknown source '{source}'")
            return False
        if self.sections[source] and section not in self.sections[source]:
            self.problem(
                file,
                record,
                f"{field}.section",
                f"'{section}' is not a section of {source} (see sources.yaml)",
            )
            return False
        return True

    def link(self, file: str, record: str, link: LinkRow) -> None:
        self.links.append(link)
        self.pending.append((file, record, link))


def build_graph(files: SeedFiles) -> SeedGraph:
    """Every node and relationship the seed describes; raises SeedInvalid on any problem."""
    builder = _Builder(files)
    _add_reference(builder)
    _add_context(builder)
    _add_records(builder)
    _add_relationships(builder)
    _add_needs(builder)
    _add_country_needs(builder)
    _check_links(builder)
    if builder.problems:
        raise SeedInvalid(builder.problems)
    return SeedGraph(list(builder.nodes.values()), _unique_links(builder))


def _add_reference(b: _Builder) -> None:
    for source in b.files.sources.sources:
        b.add_node(
            "sources.yaml",
            MapRecord(
                source.id,
                {
                    "name": source.title,
                    "publisher": source.publisher,
                    "date": source.date,
                    "url": source.url,
                    "description": source.description,
                    "sections": source.sections,
                    "document_type": source.document_type,
                    "language": source.language,
                    "file_format": source.file_format,
                },
            ),
        )
    for part in (reference.countries_and_regions(), reference.sdgs(b.files.sdg)):
        for node in part[0]:
            b.add_node("sdg.yaml" if node.id.startswith("sdg") else "(countries)", node)
        b.links.extend(part[1])
    for goal in b.files.sdg.goals:
        for code in goal.targets:
            if code.split(".")[0] != str(goal.number):
                b.problem(
                    "sdg.yaml",
                    f"goal {goal.number}",
                    f"targets.{code}",
                    f"target {code} is listed under goal {goal.number}",
                )


def _add_context(b: _Builder) -> None:
    """The goods list and TIP tiers on each country they name, citing both lists."""
    for iso3, context in sorted(b.files.context.items()):
        node = b.nodes.get(f"country:{iso3}")
        if node is None:
            continue  # a code the map has no country for (Kosovo's XKX)
        props = context.props()
        node.props.update(props)
        if "goods_list_year" in props:
            b.links.append(cited_in(node.id, GOODS_SOURCE, None, "Goods listed for it, 2016."))
        if "tip_tiers" in props:
            b.links.append(cited_in(node.id, TIERS_SOURCE, None, "Its TIP tiers, 2001-2015."))


def _add_records(b: _Builder) -> None:
    for kind, found in b.files.records.items():
        file = f"{DRAFTS[kind].FILE}.yaml"
        for record in getattr(found, DRAFTS[kind].FILE):
            _add_record(b, file, kind, found.default_source, record)


def _add_record(b: _Builder, file: str, kind: str, default: str, record: Record) -> None:
    if not record.id.startswith(f"{kind}:"):
        b.problem(file, record.id, "id", f"ids in {file} start with '{kind}:'")
        return
    props = record.model_dump(exclude={"id", "cited", *DRAFTS[kind].LINKS, *SEED_LINKS})
    props.update(
        date_bounds(
            props.get("start") or props.get("date"),
            props.get("end") or props.get("end_date") or props.get("date"),
        )
    )
    first = _general(record.cited)
    verified = b.dates.get(first.source or default)
    fields = DRAFTS[kind].model_fields
    if "due" in fields:
        props.update(due_on(props.get("due")))
    # A record is known as of its source's date, and so is its status (an initiative's, a
    # commitment's).
    for dated in ("last_verified", *(["status_since"] if "status_since" in fields else [])):
        if verified and props.get(dated) is None:
            props[dated] = verified
    b.add_node(file, MapRecord(record.id, {k: v for k, v in props.items() if v is not None}))
    links = _inline_links(kind, record)
    linked = {f for f, _, _ in links} | {t for _, _, found in links for t in found}
    b.cite(file, record.id, default, record.cited, linked)
    _check_about(b, file, record, {*props, *linked})
    _check_inferred(b, file, record, props)
    for field, link_type, targets in links:
        for target in targets:
            citation = _citing(record.cited, field, target)
            provenance = _provenance(b, citation, default)
            b.link(
                file, f"{record.id} ({field})", LinkRow(record.id, link_type, target, provenance)
            )


def _basis(citation: Citation) -> dict[str, Any]:
    """How a citation's facts are known, where it is inferred (stated is the default)."""
    if citation.basis is None:
        return {}
    return {"basis": citation.basis, "inferred_from": citation.inferred_from}


def _general(cited: list[Citation]) -> Citation:
    """The citation of the record as a whole: the first that names nothing in `about`."""
    return next((c for c in cited if not c.about), cited[0])


def _citing(cited: list[Citation], field: str, target: str) -> Citation:
    """The citation a link of the record comes from: the one naming its target, else the
    one naming its field, else the record's own."""
    return next(
        (c for c in cited if target in c.about),
        next((c for c in cited if field in c.about), _general(cited)),
    )


def _provenance(b: _Builder, citation: Citation, default: str) -> dict[str, Any]:
    source = citation.source or default
    provenance = {"source": source, "section": citation.section, "note": citation.note}
    provenance.update(_basis(citation))
    if as_of := b.dates.get(source):
        provenance["as_of"] = as_of
    return provenance


def _check_inferred(b: _Builder, file: str, record: Record, props: dict[str, Any]) -> None:
    """Each field named in `inferred` is one of the record's own, and given."""
    for entry in props.get("inferred") or []:
        field, _ = inferred_parts(entry)
        if field in ("cited", "inferred", "last_verified") or props.get(field) in (None, [], ""):
            b.problem(file, record.id, "inferred", f"'{field}' is no field given on this record")


def _check_about(b: _Builder, file: str, record: Record, named_by: set[str]) -> None:
    """Each name in a citation's `about` is one of the record's fields or one of its links'
    targets: a misspelt one would leave the fact it meant on the record's own citation."""
    for i, citation in enumerate(record.cited, 1):
        for named in citation.about:
            if named not in named_by:
                b.problem(
                    file,
                    record.id,
                    f"cited[{i}].about",
                    f"'{named}' is neither a field of this record nor an id it links to",
                )


def _inline_links(kind: str, record: Record) -> list[tuple[str, str, list[str]]]:
    """Links written inside a record: the fields its kind's draft makes relationships of
    (an action group's themes, an event's country...), as map ids, and an initiative's
    places, written as one list of countries and regions. SDG targets may be written as
    their codes."""
    links = {**DRAFTS[kind].LINKS, **SEED_LINKS}
    found: list[tuple[str, str, list[str]]] = []
    for field, link_type in links.items():
        value = getattr(record, field, None)
        ids = value if isinstance(value, list) else [value] if value else []
        if link_type == "CONTRIBUTES_TO":
            ids = [i if ":" in i else sdg_target_id(i) for i in ids]
        found.append((field, link_type, ids))
    return found


def _add_relationships(b: _Builder) -> None:
    default = b.files.relationships.default_source
    for g, group in enumerate(b.files.relationships.groups, 1):
        source = group.source or default
        record = f"groups[{g}]"
        if not b._citation_ok("relationships.yaml", record, "section", source, group.section):
            continue
        for r, rel in enumerate(group.relationships, 1):
            props = _relationship_props(b, f"{record}.relationships[{r}]", rel)
            props.update(source=source, section=group.section, note=rel.note or group.note)
            if as_of := b.dates.get(source):
                props.setdefault("as_of", as_of)
            b.link(
                "relationships.yaml",
                f"{record}.relationships[{r}]",
                LinkRow(rel.from_, rel.type, rel.to, props),
            )


def _add_needs(b: _Builder) -> None:
    """One NeedEstimate node per region, measure and data year, tied to region and theme."""
    for e, estimate in enumerate(b.files.need.estimates, 1):
        record = f"estimates[{e}]"
        if not b._citation_ok("need.yaml", record, "source", estimate.source, ""):
            continue
        measure = estimate.measure.lower().replace(" ", "-")
        for ilo_region, value in estimate.values.items():
            region = str(ilo_region)  # the region's name, as a plain string to store
            place = region_id("ILO region", region)
            node_id = f"need:{measure}-{estimate.data_year}-{place.removeprefix('region:')}"
            b.add_node(
                "need.yaml",
                MapRecord(
                    node_id,
                    {
                        "name": f"{estimate.measure} in {region}, {estimate.data_year}",
                        "measure": estimate.measure,
                        "unit": estimate.unit,
                        "value": value,
                        "data_year": estimate.data_year,
                        "region": region,
                        "level": "region",
                        **(
                            {"people": estimate.people[ilo_region]}
                            if ilo_region in estimate.people
                            else {}
                        ),
                    },
                ),
            )
            b.links.append(
                cited_in(
                    node_id,
                    estimate.source,
                    None,
                    f"{estimate.measure}, {region}, {estimate.data_year} data.",
                )
            )
            provenance = {"source": estimate.source}
            b.link("need.yaml", record, LinkRow(node_id, "FOR_REGION", place, provenance))
            b.link("need.yaml", record, LinkRow(node_id, "FOR_THEME", estimate.theme, provenance))
            if indicator := estimate.indicator:
                b.link("need.yaml", record, LinkRow(node_id, "OBSERVES", indicator, provenance))


def _add_country_needs(b: _Builder) -> None:
    """One NeedEstimate node per country and published set, tied to its country and theme
    and citing its publisher (and, where people are worked out from a population, that
    population's source too)."""
    for s, found in enumerate(b.files.country_sets, 1):
        f = found.figures
        record = f"country_figures[{s}]"
        if not b._citation_ok("need.yaml", record, "source", f.source, f.section):
            continue
        given = f.people_from
        if given and not b._citation_ok(
            "need.yaml", record, "people_from.source", given.source, given.section
        ):
            continue
        measure = f.measure.lower().replace(" ", "-")
        for row in found.rows:
            node_id = f"need:{measure}-{f.id_part}-country-{row.iso3.lower()}"
            props = {
                "name": f"{f.measure} in {row.iso3}, {f.edition}",
                "measure": f.measure,
                "unit": f.unit,
                "value": row.rate,
                "people": row.people,
                "people_unit": f.people_unit
                or (f.people_from.note if f.people_from and row.people is not None else None),
                "data_year": row.data_year,
                "data_period": row.data_period,
                "data_year_from": row.data_year_from,
                "data_year_to": row.data_year_to,
                "edition": f.edition,
                "publisher": f.publisher,
                "flag": row.flag,
                "level": "country",
                "origin": row.origin,
            }
            b.add_node(
                "need.yaml", MapRecord(node_id, {k: v for k, v in props.items() if v is not None})
            )
            b.links.append(cited_in(node_id, f.source, f.section, f"{f.measure}, {f.edition}."))
            if given and row.people is not None:
                b.links.append(cited_in(node_id, given.source, given.section, given.note))
            provenance = {"source": f.source}
            country = f"country:{row.iso3}"
            b.link("need.yaml", record, LinkRow(node_id, "FOR_COUNTRY", country, provenance))
            b.link("need.yaml", record, LinkRow(node_id, "FOR_THEME", f.theme, provenance))
            if f.indicator:
                b.link("need.yaml", record, LinkRow(node_id, "OBSERVES", f.indicator, provenance))


def _relationship_props(b: _Builder, record: str, rel: RelationshipRecord) -> dict[str, Any]:
    given = {k for k in EXTRA_PROPERTIES if getattr(rel, k) is not None}
    allowed = RELATIONSHIPS[rel.type].properties
    for extra in sorted(given - allowed):
        b.problem("relationships.yaml", record, extra, f"{rel.type} does not take '{extra}'")
    for missing in sorted(RELATIONSHIPS[rel.type].required - given):
        b.problem("relationships.yaml", record, missing, f"{rel.type} needs '{missing}'")
    return {k: getattr(rel, k) for k in sorted(given & allowed)}


def _check_links(b: _Builder) -> None:
    seen: dict[str, str] = {}
    for file, record, link in b.pending:
        for end, node_id, allowed in (
            ("from", link.source_id, RELATIONSHIPS[link.type].starts),
            ("to", link.target_id, RELATIONSHIPS[link.type].ends),
        ):
            _check_end(b, file, record, end, node_id, allowed, link.type)
        for prop, kind in ID_PROPERTIES.items():
            if (named := link.props.get(prop)) and _kind_or_none(named) != kind:
                b.problem(file, record, prop, f"'{named}' is not a {kind} id")
            elif named and named not in b.nodes:
                b.problem(file, record, prop, f"'{named}' is not on the map")
        if link.key in seen:
            b.problem(file, record, None, f"{link.key} is also given at {seen[link.key]}")
        seen[link.key] = record


def _check_end(
    b: _Builder,
    file: str,
    record: str,
    end: str,
    node_id: str,
    allowed: frozenset[str],
    link_type: str,
) -> None:
    try:
        kind = kind_of(node_id)
    except BadId as error:
        b.problem(file, record, end, str(error))
        return
    if node_id not in b.nodes:
        b.problem(file, record, end, f"'{node_id}' is not on the map")
    elif kind not in allowed:
        b.problem(
            file,
            record,
            end,
            f"{link_type} cannot {'start at' if end == 'from' else 'point to'} a {kind}",
        )


def _kind_or_none(node_id: str) -> str | None:
    try:
        return kind_of(node_id)
    except BadId:
        return None


def _unique_links(b: _Builder) -> list[LinkRow]:
    return list({link.key: link for link in b.links}.values())
