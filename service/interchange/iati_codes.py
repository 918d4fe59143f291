"""IATI's codes: the codelists as IATI publishes them (read from the data the pyIATI
package ships, one folder per version of the standard; the package is installed for its
data only, without its 2018 pins, and never imported), and `seed/iati_codes.yaml`, which
says where each code lands on the map. The seed table is checked against the codelists when
it is read: a code IATI does not list is an error, and so is a code IATI lists that the
table leaves out, so a new code can never fall through silently."""

import importlib.util
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from defusedxml import ElementTree
from pydantic import Field, ValidationError

from service.errors import Problem, SeedInvalid
from service.model.fields import MapId, Strict, Text
from service.model.values import DocumentType, OrganizationType

IATI_CODES = "iati_codes.yaml"
# The codelists of 1.01 to 1.03 are those of 1.04 (the first version pyIATI ships lists for).
_LIST_VERSIONS = {"1.01": "1-04", "1.02": "1-04", "1.03": "1-04"}
_XML = "{http://www.w3.org/XML/1998/namespace}lang"


class CodelistsMissing(RuntimeError):
    """pyIATI's data is not installed; `make install` installs it."""


def standard_dir() -> Path:
    """The folder of IATI's standard (codelists and schemas, by version) that pyIATI ships,
    found without importing the package (its imports need its 2018 pins)."""
    spec = importlib.util.find_spec("iati")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        found = Path(location) / "resources" / "standard"
        if found.is_dir():
            return found
    raise CodelistsMissing("IATI's codelists are not installed: run `make install` (pyIATI)")


def _folder(version: str) -> str:
    return _LIST_VERSIONS.get(version, version.replace(".", "-"))


@lru_cache(maxsize=64)
def codelist(name: str, version: str = "2.03") -> dict[str, str]:
    """IATI's codelist `name` (such as OrganisationType) as code -> English name."""
    path = standard_dir() / _folder(version) / "codelists" / f"{name}.xml"
    if not path.is_file():
        path = standard_dir() / _folder("2.03") / "codelists" / f"{name}.xml"
    root = ElementTree.fromstring(path.read_bytes())
    found = {}
    for item in root.iter("codelist-item"):
        code = (item.findtext("code") or "").strip()
        holder = item.find("name")
        if holder is None or not code:
            continue
        narratives = [n for n in holder.findall("narrative") if n.get(_XML, "en") == "en"]
        text = narratives[0].text if narratives else holder.text
        found[code] = " ".join((text or "").split())
    return found


def schema_path(version: str = "2.03") -> Path:
    """IATI's XML schema of activity files for `version`."""
    return standard_dir() / _folder(version) / "schemas" / "iati-activities-schema.xsd"


class _Region(Strict):
    regions: list[MapId]
    why: Text


class _IatiCodes(Strict):
    organisation_types: dict[str, OrganizationType]
    organisation_types_out: dict[OrganizationType, str]
    regions: dict[str, _Region]
    transactions: dict[str, list[str]] = Field(min_length=1)
    document_categories: dict[str, DocumentType | None]
    document_categories_out: dict[DocumentType, str]


@dataclass(frozen=True)
class RegionPlace:
    """Where a DAC region lands on the map (no region: it is not placed) and why."""

    name: str
    regions: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class IatiCodes:
    """Each IATI code the importer reads, and what it stands for on the map."""

    organisation_types: dict[str, str]
    # The IATI code the export writes for a map type, where IATI has one for it.
    organisation_types_out: dict[str, str]
    regions: dict[str, RegionPlace]
    # Transaction type codes (2.0x numbers and 1.0x letters) by the amount they add to:
    # committed, disbursed or spent.
    transactions: dict[str, str]
    # Document category codes by the map's type of document (None: no type on the map).
    document_categories: dict[str, str | None]
    # The category code the export writes for a map type of document, where it has one.
    document_categories_out: dict[str, str]


@lru_cache(maxsize=4)
def load_iati_codes(seed_dir: Path) -> IatiCodes:
    """The table in `seed_dir`, checked against IATI's codelists; SeedInvalid naming each
    code that is unknown to IATI or missing from the table."""
    path = seed_dir / IATI_CODES
    try:
        table = _IatiCodes.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise SeedInvalid([Problem(path.name, None, None, "the file is missing")]) from None
    except ValidationError as error:
        raise SeedInvalid(
            [
                Problem(path.name, None, ".".join(map(str, e["loc"])), e["msg"])
                for e in error.errors()
            ]
        ) from None
    types, regions = codelist("OrganisationType"), codelist("Region")
    transaction_codes = {**codelist("TransactionType", "1.04"), **codelist("TransactionType")}
    problems = _against(path.name, "organisation_types", table.organisation_types, types)
    problems += _against(path.name, "regions", table.regions, regions)
    categories = codelist("DocumentCategory")
    problems += _against(path.name, "document_categories", table.document_categories, categories)
    problems += [
        Problem(path.name, "document_categories_out", str(kind), f"'{code}' is not a category")
        for kind, code in table.document_categories_out.items()
        if code not in categories
    ]
    problems += [
        Problem(path.name, "organisation_types_out", str(kind), f"'{code}' is not an IATI type")
        for kind, code in table.organisation_types_out.items()
        if code not in types
    ]
    given = {code for codes in table.transactions.values() for code in codes}
    problems += [
        Problem(path.name, "transactions", code, "is not an IATI transaction type code")
        for code in sorted(given - set(transaction_codes))
    ]
    if problems:
        raise SeedInvalid(problems)
    return IatiCodes(
        organisation_types={code: str(kind) for code, kind in table.organisation_types.items()},
        organisation_types_out={str(k): code for k, code in table.organisation_types_out.items()},
        regions={
            code: RegionPlace(regions[code], tuple(place.regions), place.why)
            for code, place in table.regions.items()
        },
        transactions={
            code: amount for amount, codes in table.transactions.items() for code in codes
        },
        document_categories={
            code: None if kind is None else str(kind)
            for code, kind in table.document_categories.items()
        },
        document_categories_out={str(k): c for k, c in table.document_categories_out.items()},
    )


def _against(file: str, part: str, table: Collection[str], listed: dict[str, str]) -> list[Problem]:
    unknown = [
        Problem(file, part, code, "is not in IATI's codelist")
        for code in table
        if code not in listed
    ]
    missing = [
        Problem(file, part, code, f"IATI lists '{name}'; say where it lands on the map")
        for code, name in listed.items()
        if code not in table
    ]
    return unknown + missing
