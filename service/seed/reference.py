"""Reference data from well-kept packages and files: every country (pycountry) with its UN
M49 region and sub-region (country_converter) and its ILO region (derived below), the OSCE
area (its participating States, listed below), and the 17 SDGs with their 169 targets
(seed/sdg.yaml)."""

from functools import lru_cache

import country_converter as coco
import pycountry

from service.model.ids import OSCE_AREA, WORLD, region_id
from service.model.records import LinkRow, MapRecord, cited_in
from service.seed.models import SdgFile

ISO_SOURCE = "source:iso-3166"
M49_SOURCE = "source:un-m49"
SDG_SOURCE = "source:un-sdg-framework"
OSCE_SOURCE = "source:osce-participating-states"
# The OSCE's 57 participating States, by ISO 3166 alpha-3 code (the Holy See is VAT): the
# OSCE area, where its Special Representative and the platforms it hosts work.
OSCE_STATES = frozenset(
    {
        "ALB", "AND", "ARM", "AUT", "AZE", "BLR", "BEL", "BIH", "BGR", "CAN", "HRV", "CYP",
        "CZE", "DNK", "EST", "FIN", "FRA", "GEO", "DEU", "GRC", "VAT", "HUN", "ISL", "IRL",
        "ITA", "KAZ", "KGZ", "LVA", "LIE", "LTU", "LUX", "MLT", "MDA", "MCO", "MNG", "MNE",
        "NLD", "MKD", "NOR", "POL", "PRT", "ROU", "RUS", "SMR", "SRB", "SVK", "SVN", "ESP",
        "SWE", "CHE", "TJK", "TUR", "TKM", "UKR", "GBR", "USA", "UZB",
    }
)  # fmt: skip

# The ILO groups countries into five regions. Arab States and the Caucasus, Cyprus, Israel
# and Türkiye are the exceptions to "follow the UN M49 region"; the rule is ours, after the
# ILO's regional offices' coverage.
_ARAB_STATES = {"BHR", "IRQ", "JOR", "KWT", "LBN", "OMN", "QAT", "SAU", "SYR", "ARE", "YEM", "PSE"}
_ILO_EUROPE_EXTRA = {"ARM", "AZE", "GEO", "CYP", "ISR", "TUR"}
_M49_REGION = {
    "Africa": "Africa",
    "America": "Americas",
    "Asia": "Asia",
    "Europe": "Europe",
    "Oceania": "Oceania",
}


def ilo_region(iso3: str, m49_region: str | None, sub_region: str | None) -> str | None:
    if iso3 in _ARAB_STATES:
        return "Arab States"
    if m49_region == "Europe" or sub_region == "Central Asia" or iso3 in _ILO_EUROPE_EXTRA:
        return "Europe and Central Asia"
    if m49_region in {"Asia", "Oceania"}:
        return "Asia and the Pacific"
    return m49_region  # Africa, Americas, or None (Antarctica)


@lru_cache(maxsize=1)
def _m49_table() -> dict[str, tuple[str | None, str | None]]:
    data = coco.CountryConverter().data
    table: dict[str, tuple[str | None, str | None]] = {}
    for iso3, continent, sub in zip(data["ISO3"], data["continent"], data["UNregion"], strict=True):
        region = _M49_REGION.get(str(continent))
        table[str(iso3)] = (region, None if region is None else str(sub))
    return table


def countries_and_regions() -> tuple[list[MapRecord], list[LinkRow]]:
    nodes: dict[str, MapRecord] = {WORLD: MapRecord(WORLD, {"name": "World", "scheme": "World"})}
    links: list[LinkRow] = [cited_in(WORLD, M49_SOURCE, None, "The whole world (M49 code 001).")]
    for country in pycountry.countries:
        region, sub = _m49_table().get(country.alpha_3, (None, None))
        ilo = ilo_region(country.alpha_3, region, sub)
        node_id = f"country:{country.alpha_3}"
        nodes[node_id] = MapRecord(
            node_id,
            {
                "name": getattr(country, "common_name", country.name),
                "iso3": country.alpha_3,
                "iso2": country.alpha_2,
                "m49": country.numeric,
                "un_region": region,
                "un_sub_region": sub,
                "ilo_region": ilo,
            },
        )
        links.append(cited_in(node_id, ISO_SOURCE, None, "Name and ISO 3166-1 codes."))
        links.append(cited_in(node_id, M49_SOURCE, None, "UN M49 region and sub-region."))
        for scheme, name in (
            ("UN M49 region", region),
            ("UN M49 sub-region", sub),
            ("ILO region", ilo),
        ):
            if name is not None:
                links.extend(_region(nodes, scheme, name, region, node_id))
        if country.alpha_3 in OSCE_STATES:
            links.append(LinkRow(node_id, "IN_REGION", OSCE_AREA, {"source": OSCE_SOURCE}))
    nodes[OSCE_AREA] = MapRecord(OSCE_AREA, {"name": "OSCE area", "scheme": "OSCE area"})
    links.append(LinkRow(OSCE_AREA, "IN_REGION", WORLD, {"source": OSCE_SOURCE}))
    links.append(cited_in(OSCE_AREA, OSCE_SOURCE, None, "The OSCE's 57 participating States."))
    return list(nodes.values()), links


def _region(
    nodes: dict[str, MapRecord], scheme: str, name: str, parent: str | None, country: str
) -> list[LinkRow]:
    """The country's link into a region, and the region itself the first time it is seen."""
    rid = region_id(scheme, name)
    links = [LinkRow(country, "IN_REGION", rid, {"source": M49_SOURCE})]
    if rid not in nodes:
        nodes[rid] = MapRecord(rid, {"name": name, "scheme": scheme})
        above = (
            region_id("UN M49 region", parent)
            if scheme == "UN M49 sub-region" and parent
            else WORLD
        )
        links.append(LinkRow(rid, "IN_REGION", above, {"source": M49_SOURCE}))
        links.append(cited_in(rid, M49_SOURCE, None, f"A {scheme}."))
    return links


def sdgs(sdg_file: SdgFile) -> tuple[list[MapRecord], list[LinkRow]]:
    nodes: list[MapRecord] = []
    links: list[LinkRow] = []
    for goal in sdg_file.goals:
        goal_id = f"sdg:{goal.number}"
        nodes.append(MapRecord(goal_id, {"name": goal.title, "number": goal.number}))
        links.append(cited_in(goal_id, SDG_SOURCE, None, "Goal number; title is our summary."))
        for position, (code, title) in enumerate(goal.targets.items(), 1):
            target_id = f"sdg-target:{code}"
            nodes.append(
                MapRecord(
                    target_id,
                    {"name": title, "code": code, "goal": goal.number, "position": position},
                )
            )
            links.append(LinkRow(target_id, "PART_OF", goal_id, {"source": SDG_SOURCE}))
            links.append(
                cited_in(target_id, SDG_SOURCE, None, "Target code; title is our summary.")
            )
    return nodes, links
