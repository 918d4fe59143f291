"""Global ids: every node on the map is `kind:key`, such as `organization:ilo`, `country:ARG`
or `sdg-target:8.7`. The kind names the node's label; the id never changes once published."""

import gettext
import logging
import re
from functools import lru_cache
from typing import Final

import country_converter as coco
import pycountry

from service.errors import BadId, BadInput
from service.model.fields import plain
from service.model.shown import SHOWN

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
    "person": "Person",
    "commitment": "Commitment",
    "indicator": "Indicator",
}
# A kind declared since (service/model/shown.py) is labelled by its GraphQL type's name.
LABELS.update({kind: shown.name for kind, shown in SHOWN.items() if kind not in LABELS})
KINDS: Final[dict[str, str]] = {label: kind for kind, label in LABELS.items()}
# The kinds the map takes from reference lists (ISO 3166, UN M49, the SDG framework), not
# from curated records: imports and exports name them but never carry them.
REFERENCE_KINDS = frozenset({"country", "region", "sdg", "sdg-target"})
WORLD = "region:world"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# The region schemes on the map, each with the prefix of its region ids; the World is a
# scheme of its own, with one region, and so is the OSCE area (its participating States).
SCHEME_PREFIXES = {"UN M49 region": "un", "UN M49 sub-region": "un", "ILO region": "ilo"}
OSCE_AREA = "region:osce-area"
SCHEMES = ("World", *SCHEME_PREFIXES, "OSCE area")


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


def iso2(country: str) -> str | None:
    """The ISO 3166 alpha-2 code of a country given by its id or another code."""
    found = pycountry.countries.get(alpha_3=iso3(country.removeprefix("country:")) or "")
    return None if found is None else str(found.alpha_2)


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


# The languages whose country names files may use, from pycountry's ISO 3166 translations.
NAME_LANGUAGES = ("fr", "es", "pt", "ar", "ru", "zh_CN")


def country_named(text: str) -> str | None:
    """The ISO alpha-3 code of a country a file names: by ISO alpha-3, alpha-2 or M49
    code, or by its name in English, French, Spanish, Portuguese, Arabic, Russian or
    Chinese (any case, accents aside); None if it names no country."""
    word = text.strip()
    if not word:
        return None
    found = iso3(word) if len(word) in (2, 3) and word.isalpha() else None
    if found is None and word.isdigit():
        numeric = pycountry.countries.get(numeric=word.zfill(3))
        found = str(numeric.alpha_3) if numeric else None
    return found or _country_names().get(plain(word)) or _converter_match(word)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        english = [getattr(country, k, None) for k in ("name", "official_name", "common_name")]
        for name in filter(None, english):
            names.setdefault(plain(name), country.alpha_3)
        for language in NAME_LANGUAGES:
            translated = gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
            )
            for name in filter(None, english):
                names.setdefault(plain(translated.gettext(name)), country.alpha_3)
    return names


@lru_cache(maxsize=4096)
def _converter_match(text: str) -> str | None:
    """country_converter's regular expressions, for the other ways English writes a name
    ("Ivory Coast", "DR Congo"); it answers with the text itself when nothing matches."""
    found = _converter().convert(text, to="ISO3", not_found=None)
    if not isinstance(found, str) or found == text:
        return None
    return iso3(found)


@lru_cache(maxsize=1)
def _converter() -> coco.CountryConverter:
    # It warns of every name it does not know; an unknown name is reported by the import.
    logging.getLogger("country_converter").setLevel(logging.ERROR)
    return coco.CountryConverter()
