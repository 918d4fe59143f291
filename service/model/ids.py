"""Global ids: every node on the map is `kind:key`, such as `organization:ilo`, `country:ARG`
or `sdg-target:8.7`. The kind names the node's label; the id never changes once published."""

import re
from typing import Final

import pycountry

from service.errors import BadId, BadInput

LABELS: Final[dict[str, str]] = {
    "organization": "Organization",
    "initiative": "Initiative",
    "action-group": "ActionGroup",
    "country": "Country",
    "region": "Region",
    "sdg": "Sdg",
    "sdg-target": "SdgTarget",
    "theme": "Theme",
    "event": "Event",
    "source": "Source",
    "need": "NeedEstimate",
}
KINDS: Final[dict[str, str]] = {label: kind for kind, label in LABELS.items()}
# The kinds the map takes from reference lists (ISO 3166, UN M49, the SDG framework), not
# from curated records: imports and exports name them but never carry them.
REFERENCE_KINDS = frozenset({"country", "region", "sdg", "sdg-target"})
WORLD = "region:world"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# The region schemes on the map, each with the prefix of its region ids; the World is a
# scheme of its own, with one region.
SCHEME_PREFIXES = {"UN M49 region": "un", "UN M49 sub-region": "un", "ILO region": "ilo"}
SCHEMES = ("World", *SCHEME_PREFIXES)


def region_id(scheme: str, name: str) -> str:
    prefix = SCHEME_PREFIXES[scheme]
    return f"region:{prefix}-{_slug(name)}"


def split_id(global_id: str) -> tuple[str, str]:
    """The kind and key of a global id; raises BadId naming what is wrong."""
    kind, sep, key = global_id.partition(":")
    if not sep or not key:
        raise BadId(f"'{global_id}' is not a map id; ids look like 'organization:ilo'")
    if kind not in LABELS:
        raise BadId(f"'{global_id}' has unknown kind '{kind}'; kinds are {', '.join(LABELS)}")
    return kind, key


def kind_of(global_id: str) -> str:
    return split_id(global_id)[0]


def expect_kind(global_id: str, *kinds: str) -> str:
    """The id itself, if it is of one of `kinds`."""
    kind = kind_of(global_id)
    if kind not in kinds:
        raise BadId(f"'{global_id}' is a {kind} id; expected a {' or '.join(kinds)} id")
    return global_id


def iso3(code: str) -> str | None:
    """The ISO 3166 alpha-3 code of a country given by its alpha-3 or alpha-2 code."""
    found = None
    if len(code) == 3:
        found = pycountry.countries.get(alpha_3=code.upper())
    elif len(code) == 2:
        found = pycountry.countries.get(alpha_2=code.upper())
    return None if found is None else str(found.alpha_3)


def country_id(value: str, field: str = "country") -> str:
    """A country's map id from its ISO alpha-3 or alpha-2 code or its id; BadInput naming
    `field` if it is none of those."""
    found = iso3(value.removeprefix("country:").strip())
    if found is None:
        raise BadInput(f"{field}: '{value}' is not an ISO 3166 country code (such as ARG or AR)")
    return f"country:{found}"


def sdg_target_id(code: str) -> str:
    return f"sdg-target:{code}"
