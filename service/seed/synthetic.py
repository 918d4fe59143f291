"""Generated initiatives for testing and benchmarking overlap detection at scale, with
duplicates planted on purpose. Never part of the real seed: every id carries `synthetic-`
so the generated rows can be told apart and removed.

Initiatives get three themes, two kinds of work, two or three countries (some a region, a
few the world) and one or two organizations from a shared pool, as
real initiatives do; a planted duplicate copies an initiative's places, themes, work and
lead organization, with its name and description reworded a little."""

import random
from dataclasses import dataclass, replace
from datetime import date

import pycountry

from service.db.driver import Database
from service.model.records import LinkRow, MapRecord
from service.model.values import WorkType
from service.seed.graph import SeedGraph

PREFIX = "synthetic-"
THEMES = [
    "forced-labour",
    "modern-slavery",
    "human-trafficking",
    "child-labour",
    "migration",
    "conflict-humanitarian-settings",
    "supply-chains",
    "rural-development",
    "gender",
    "education",
    "evidence-and-research",
    "accountability",
    "civil-society-voice",
]
WORK = [w.value for w in WorkType]
REGIONS = [
    "region:ilo-africa",
    "region:ilo-americas",
    "region:ilo-arab-states",
    "region:ilo-asia-and-the-pacific",
    "region:ilo-europe-and-central-asia",
]
ROLES = ["LEADS", "IMPLEMENTS", "FUNDS", "PARTNERS_IN"]
WORDS = [
    "abuse",
    "adoption",
    "agencies",
    "aid",
    "association",
    "audits",
    "bargaining",
    "baseline",
    "beading",
    "begging",
    "bondage",
    "border",
    "brick",
    "brokers",
    "budget",
    "buyers",
    "campaign",
    "camps",
    "care",
    "carpet",
    "case",
    "cash",
    "caste",
    "cattle",
    "census",
    "charcoal",
    "children",
    "cobalt",
    "cocoa",
    "coffee",
    "compensation",
    "construction",
    "contracts",
    "cooperatives",
    "cotton",
    "counselling",
    "courts",
    "crews",
    "database",
    "debt",
    "delivery",
    "dialogue",
    "diamonds",
    "disclosure",
    "displaced",
    "district",
    "domestic",
    "dowry",
    "economy",
    "electronics",
    "embroidery",
    "employers",
    "enumeration",
    "estate",
    "exploitation",
    "extension",
    "factories",
    "farms",
    "fees",
    "fisheries",
    "fishing",
    "focus",
    "footwear",
    "freedom",
    "furniture",
    "garment",
    "gig",
    "girls",
    "gold",
    "grievance",
    "grooming",
    "groups",
    "harvest",
    "helpline",
    "hospitality",
    "hotels",
    "hotline",
    "household",
    "indigenous",
    "informal",
    "inspection",
    "interviews",
    "judges",
    "kilns",
    "labour",
    "law",
    "leather",
    "legal",
    "logging",
    "management",
    "mapping",
    "marriage",
    "media",
    "mica",
    "microfinance",
    "mining",
    "municipal",
    "nursing",
    "observers",
    "online",
    "organizing",
    "orphanages",
    "palm",
    "panel",
    "parliament",
    "passports",
    "plantation",
    "platform",
    "police",
    "policy",
    "ports",
    "prevalence",
    "procurement",
    "prosecutors",
    "quarry",
    "radio",
    "recruitment",
    "referral",
    "refugees",
    "registry",
    "reintegration",
    "remedy",
    "remittances",
    "reporting",
    "restaurants",
    "restitution",
    "returnees",
    "rubber",
    "rural",
    "sampling",
    "sanctions",
    "sand",
    "satellite",
    "savings",
    "schools",
    "seafood",
    "season",
    "sensing",
    "shelters",
    "shipping",
    "smuggling",
    "stone",
    "street",
    "sugar",
    "survey",
    "survivors",
    "tea",
    "textiles",
    "timber",
    "tobacco",
    "tourism",
    "toys",
    "traceability",
    "trafficking",
    "training",
    "transfers",
    "unions",
    "urban",
    "vessels",
    "victims",
    "visas",
    "wages",
    "women",
    "workers",
    "youth",
]


# Generated rows deleted a transaction at a time, so a large generated map is removed
# within the default heap.
REMOVE_BATCH = 2_000


async def remove(db: Database) -> None:
    """Delete every generated initiative and organization, with their relationships."""
    for kind in ("initiative", "organization"):
        prefix = f"{kind}:{PREFIX}"
        await db.delete_in_batches("maintenance/delete_by_prefix", REMOVE_BATCH, prefix=prefix)


@dataclass(frozen=True)
class Synthetic:
    graph: SeedGraph
    duplicates: frozenset[tuple[str, str]]  # planted pairs, each sorted


@dataclass(frozen=True)
class _Profile:
    id: str
    words: list[str]
    places: list[str]
    themes: list[str]
    work: list[str]
    organizations: list[str]
    start: int


def _reword(rng: random.Random, words: list[str]) -> list[str]:
    """The same description with two words swapped for others and one moved."""
    changed = list(words)
    for index in rng.sample(range(len(changed)), 2):
        changed[index] = rng.choice(WORDS)
    changed.insert(rng.randrange(len(changed)), changed.pop(rng.randrange(len(changed))))
    return changed


def _original(
    rng: random.Random, n: int, countries: list[str], organizations: list[str]
) -> _Profile:
    roll = rng.random()
    places = (
        ["region:world"]
        if roll < 0.02
        else [rng.choice(REGIONS)]
        if roll < 0.12
        else rng.sample(countries, rng.randint(1, 3))
    )
    return _Profile(
        id=f"initiative:{PREFIX}{n}",
        words=rng.sample(WORDS, 12),
        places=places,
        themes=rng.sample(THEMES, rng.randint(2, 3)),
        work=rng.sample(WORK, rng.randint(1, 2)),
        organizations=rng.sample(organizations, rng.randint(1, 2)),
        start=rng.randint(2012, 2024),
    )


def generate(initiatives: int, duplicate_share: float = 0.05, seed: int = 87) -> Synthetic:
    """`initiatives` initiatives in all, of which `duplicate_share` are planted duplicates."""
    rng = random.Random(seed)
    countries = [f"country:{c.alpha_3}" for c in pycountry.countries]
    organizations = [f"organization:{PREFIX}{n}" for n in range(max(initiatives // 4, 2))]
    planted = int(initiatives * duplicate_share)
    profiles = [_original(rng, n, countries, organizations) for n in range(initiatives - planted)]
    duplicates = set()
    for n, original in enumerate(rng.sample(profiles, planted)):
        copy = replace(
            original,
            id=f"initiative:{PREFIX}dup-{n}",
            words=_reword(rng, original.words),
            organizations=original.organizations[:1] + rng.sample(organizations, 1),
            start=original.start + rng.randint(0, 1),
        )
        profiles.append(copy)
        a, b = sorted((original.id, copy.id))
        duplicates.add((a, b))
    nodes = [
        MapRecord(o, {"name": f"Generated organization {o[-6:]}", "type": "ngo"})
        for o in organizations
    ]
    links: list[LinkRow] = []
    for profile in profiles:
        nodes.append(_node(profile))
        links.extend(_links(profile, rng))
    return Synthetic(SeedGraph(nodes, links), frozenset(duplicates))


def _node(p: _Profile) -> MapRecord:
    return MapRecord(
        p.id,
        {
            "name": " ".join(p.words[:4]).capitalize(),
            "description": " ".join(p.words[4:]),
            "kind": "research",
            "status": "active",
            "work": p.work,
            "start": str(p.start),
            "end": str(p.start + 3),
            "start_on": date(p.start, 1, 1),
            "end_on": date(p.start + 3, 12, 31),
        },
    )


def _links(p: _Profile, rng: random.Random) -> list[LinkRow]:
    source = {"source": "source:gcg-2017-report", "note": "generated"}
    links = [LinkRow(p.id, "OPERATES_IN", place, source) for place in p.places]
    links += [LinkRow(p.id, "ADDRESSES", f"theme:{theme}", source) for theme in p.themes]
    links.append(LinkRow(p.id, "CONTRIBUTES_TO", "sdg-target:8.7", source))
    links += [LinkRow(o, rng.choice(ROLES), p.id, source) for o in p.organizations]
    return links
