"""Global ids: every node on the map is `kind:key`, such as `organization:ilo`, `country:ARG`
or `sdg-target:8.7`. The kind names the node's label; the id never changes once published."""

from typing import Final

from service.errors import BadId

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


def country_id(iso3: str) -> str:
    return f"country:{iso3.upper()}"


def sdg_target_id(code: str) -> str:
    return f"sdg-target:{code}"
