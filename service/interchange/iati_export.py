"""The map's initiatives as an IATI 2.03 activity file, checked against IATI's own XML
schema before it is returned (an export that would not validate is an error, never a file).

The map publishes as a secondary reporter (`secondary-reporter="1"`): it reports others'
activities, under the reporting organization the settings name (set your own IATI
organisation identifier before publishing). Each initiative keeps the IATI identifier it
came with; one without gets the reporting organization's identifier and its key.

What IATI requires and the map may not hold is said, not made up: an initiative with no
organization in a role IATI has (funding, accountable, extending, implementing), no status
IATI has (an unknown one), or no date at all is left out, and so is a place with no DAC
region; each is named in a comment at the top of the file. A date known to the year or
month is written as its first (start) or last (end) day, with the date as known in the
activity date's narrative; an initiative with no description says so in its description,
which IATI requires. Themes, and the initiative's own sectors, are sectors in the
publisher's own vocabulary (99), SDG targets sectors of vocabulary 8, and money each
funder's budget and transactions, as totals over the period the map holds. The documents
that are evidence about an initiative are its `document-link`s, where the map knows each
one's address, file format and an IATI category for its type."""

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from lxml import etree

from service.errors import MapError
from service.interchange.export import Exported
from service.interchange.iati_codes import IatiCodes, schema_path
from service.interchange.rows import RELATIONSHIPS
from service.model.fields import date_bounds
from service.model.ids import iso2
from service.model.kinds import slug

# The map's roles in IATI's OrganisationRole codes.
ROLE_CODES = {"FUNDS": "1", "LEADS": "2", "PARTNERS_IN": "3", "IMPLEMENTS": "4"}
STATUS_CODES = {"proposed": "1", "planned": "1", "active": "2", "completed": "4"}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class ExportInvalid(MapError, RuntimeError):
    """The IATI file made from the map does not validate against IATI's schema: a fault
    of the map's writer, not of the request."""


@dataclass(frozen=True)
class Publisher:
    """Who the IATI file says reports it."""

    ref: str
    name: str
    type: str


def iati_activities(exported: Exported, publisher: Publisher, codes: IatiCodes) -> bytes:
    """The file, validated; ExportInvalid naming the first schema error if it fails."""
    writer = _Writer(exported, publisher, codes)
    root = etree.Element("iati-activities", version="2.03")
    root.set("generated-datetime", _now())
    left_out: list[str] = []
    for initiative in exported.files["initiatives"]:
        activity, reasons = writer.activity(initiative)
        if activity is None:
            left_out.append(f"{initiative['id']}: {'; '.join(reasons)}")
            continue
        root.append(activity)
        left_out += [f"{initiative['id']}: {reason}" for reason in reasons]
    if left_out:
        note = "Not written, as IATI cannot say it:\n  " + "\n  ".join(left_out) + "\n"
        root.insert(0, etree.Comment(" " + note.replace("--", "- -")))
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    _validate(data)
    return data


class _Writer:
    def __init__(self, exported: Exported, publisher: Publisher, codes: IatiCodes) -> None:
        self.publisher = publisher
        self.organizations = {o["id"]: o for o in exported.files["organizations"]}
        self.themes = {t["id"]: t.get("name") or t["id"] for t in exported.files["themes"]}
        self.roles: dict[str, list[dict[str, Any]]] = {}
        for link in exported.files[RELATIONSHIPS]:
            if link["type"] in ROLE_CODES and link["from"] in self.organizations:
                self.roles.setdefault(link["to"], []).append(link)
        # A map region written as a DAC region only where one DAC region is exactly it.
        self.dac_regions = {
            place.regions[0]: code
            for code, place in codes.regions.items()
            if len(place.regions) == 1
        }
        # A map type written as IATI's only where IATI has one general code for it.
        self.org_types = codes.organisation_types_out
        # The documents that are evidence about each initiative, and IATI's category for
        # each map type of document.
        sources = {s["id"]: s for s in exported.files["sources"]}
        self.documents: dict[str, list[dict[str, Any]]] = {}
        for link in exported.files[RELATIONSHIPS]:
            if link["type"] == "EVIDENCE_ABOUT" and link["from"] in sources:
                self.documents.setdefault(link["to"], []).append(sources[link["from"]])
        self.categories = codes.document_categories_out

    def activity(self, initiative: dict[str, Any]) -> tuple[etree._Element | None, list[str]]:
        roles = sorted(
            self.roles.get(initiative["id"], []), key=lambda r: (ROLE_CODES[r["type"]], r["from"])
        )
        status = STATUS_CODES.get(initiative.get("status") or "")
        missing = [
            why
            for why, lacking in (
                ("no organization in a role IATI has", not roles),
                (
                    f"its status is {initiative.get('status')}, which IATI has no code for",
                    not status,
                ),
                ("no start or end date", not (initiative.get("start") or initiative.get("end"))),
            )
            if lacking
        ]
        if missing:
            return None, missing
        activity = etree.Element("iati-activity")
        activity.set(_XML_LANG, "en")
        activity.set("last-updated-datetime", _now())
        _text(activity, "iati-identifier", self._identifier(initiative))
        reporting = etree.SubElement(
            activity,
            "reporting-org",
            ref=self.publisher.ref,
            type=self.publisher.type,
        )
        reporting.set("secondary-reporter", "1")
        _narrative(reporting, self.publisher.name)
        _narrative(etree.SubElement(activity, "title"), initiative["name"])
        # IATI needs a description; where the map holds none, one of type 4 (other) says
        # so, which is never read back as the initiative's general description (type 1).
        given = initiative.get("description")
        described = given or f"A {initiative.get('kind')}; the map holds no description of it."
        kind = "1" if given else "4"
        _narrative(etree.SubElement(activity, "description", type=kind), described)
        for role in roles:
            self._participant(activity, role)
        etree.SubElement(activity, "activity-status", code=str(status))
        self._dates(activity, initiative)
        left_out = self._places(activity, initiative)
        self._sectors(activity, initiative)
        self._money(activity, roles)
        left_out += self._documents(activity, initiative)
        return activity, left_out

    def _documents(self, activity: etree._Element, initiative: dict[str, Any]) -> list[str]:
        """A `document-link` for each document with an address that is evidence about the
        initiative, where the map knows its file format and has an IATI category for its
        type (IATI requires both); the others are named as left out."""
        left_out = []
        for document in sorted(self.documents.get(initiative["id"], []), key=lambda d: d["id"]):
            if not document.get("url"):
                continue
            category = self.categories.get(document.get("document_type") or "")
            if not document.get("file_format") or not category:
                lacking = "file format" if not document.get("file_format") else "IATI category"
                left_out.append(
                    f"document {document['id']} is not linked: its {lacking} is not known"
                )
                continue
            link = _sub(
                activity,
                "document-link",
                {"url": document["url"], "format": document["file_format"]},
            )
            _narrative(etree.SubElement(link, "title"), document.get("title") or document["url"])
            etree.SubElement(link, "category", code=category)
            if document.get("language"):
                etree.SubElement(link, "language", code=document["language"])
            if document.get("date") and len(str(document["date"])) == 10:
                etree.SubElement(link, "document-date", {"iso-date": str(document["date"])})
        return left_out

    def _identifier(self, initiative: dict[str, Any]) -> str:
        given = initiative.get("iati_identifier")
        return str(given) if given else f"{self.publisher.ref}-{initiative['id'].split(':', 1)[1]}"

    def _participant(self, activity: etree._Element, role: dict[str, Any]) -> None:
        org = self.organizations[role["from"]]
        element = etree.SubElement(activity, "participating-org", role=ROLE_CODES[role["type"]])
        if org.get("iati_ref"):
            element.set("ref", org["iati_ref"])
        if org.get("type") in self.org_types:
            element.set("type", self.org_types[org["type"]])
        _narrative(element, org["name"])

    def _dates(self, activity: etree._Element, initiative: dict[str, Any]) -> None:
        done = initiative["status"] in ("active", "completed")
        bounds = date_bounds(initiative.get("start"), initiative.get("end"))
        for field, day, actual in (
            ("start", bounds["start_on"], done),
            ("end", bounds["end_on"], initiative["status"] == "completed"),
        ):
            if day is None:
                continue
            code = {"start": ("1", "2"), "end": ("3", "4")}[field][actual]
            element = _sub(activity, "activity-date", {"type": code, "iso-date": day.isoformat()})
            if len(str(initiative[field])) < 10:
                _narrative(element, f"Known as {initiative[field]}")

    def _places(self, activity: etree._Element, initiative: dict[str, Any]) -> list[str]:
        for country in initiative.get("countries") or []:
            etree.SubElement(activity, "recipient-country", code=str(iso2(country)))
        left_out = []
        for region in initiative.get("regions") or []:
            code = self.dac_regions.get(region)
            if code is None:
                left_out.append(f"{region} is no DAC region, so it is not written")
                continue
            etree.SubElement(activity, "recipient-region", code=code, vocabulary="1")
        return left_out

    def _sectors(self, activity: etree._Element, initiative: dict[str, Any]) -> None:
        for theme in initiative.get("themes") or []:
            element = etree.SubElement(
                activity, "sector", vocabulary="99", code=theme.split(":", 1)[1]
            )
            _narrative(element, str(self.themes.get(theme, theme)))
        for sector in initiative.get("sectors") or []:
            element = etree.SubElement(activity, "sector", vocabulary="99", code=slug(sector))
            _narrative(element, sector)
        for target in initiative.get("sdg_targets") or []:
            etree.SubElement(
                activity, "sector", vocabulary="8", code=target.removeprefix("sdg-target:")
            )

    def _money(self, activity: etree._Element, roles: list[dict[str, Any]]) -> None:
        funded = [r for r in roles if r["type"] == "FUNDS" and r.get("currency")]
        # IATI's budget names no funder: written only where one funder holds a budget, so
        # that reading the file back gives that funder's budget again.
        budgets = [r for r in funded if r.get("budget") is not None]
        for role in budgets if len(budgets) == 1 else []:
            if role.get("period_start") and role.get("period_end"):
                budget = etree.SubElement(activity, "budget", type="1", status="2")
                _sub(budget, "period-start", {"iso-date": role["period_start"]})
                _sub(budget, "period-end", {"iso-date": role["period_end"]})
                _value(budget, role["budget"], role)
        for role in funded:
            for amount, code in (("committed", "2"), ("disbursed", "3"), ("spent", "4")):
                if role.get(amount) is None:
                    continue
                transaction = etree.SubElement(activity, "transaction")
                etree.SubElement(transaction, "transaction-type", code=code)
                day = role.get("period_end") or role.get("period_start") or ""
                if not day:
                    activity.remove(transaction)
                    continue
                _sub(transaction, "transaction-date", {"iso-date": day})
                _value(transaction, role[amount], role)
                what = f"The {amount} amounts the map holds, added up"
                span = (
                    f" from {role.get('period_start')} to {day}" if role.get("period_start") else ""
                )
                _narrative(etree.SubElement(transaction, "description"), what + span + ".")
                provider = etree.SubElement(transaction, "provider-org")
                org = self.organizations[role["from"]]
                if org.get("iati_ref"):
                    provider.set("ref", org["iati_ref"])
                _narrative(provider, org["name"])


def _value(parent: etree._Element, amount: float, role: dict[str, Any]) -> None:
    day = role.get("period_end") or role.get("period_start")
    element = _sub(parent, "value", {"currency": role["currency"], "value-date": str(day)})
    element.text = f"{amount:.2f}".rstrip("0").rstrip(".")


def _sub(parent: etree._Element, tag: str, attributes: dict[str, str]) -> etree._Element:
    """A child element with attributes whose names are no Python names (iso-date)."""
    element = etree.SubElement(parent, tag)
    for name, value in attributes.items():
        element.set(name, value)
    return element


def _text(parent: etree._Element, tag: str, text: str) -> None:
    etree.SubElement(parent, tag).text = text


def _narrative(parent: etree._Element, text: str) -> None:
    etree.SubElement(parent, "narrative").text = text


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    # IATI's own files, read from the package's data; nothing is fetched.
    return etree.XMLSchema(etree.parse(str(schema_path("2.03"))))


def _validate(data: bytes) -> None:
    """Checks the file as written, so a schema error names its line."""
    schema = _schema()
    if not schema.validate(etree.fromstring(data)):
        raise ExportInvalid(f"the IATI export does not validate: {schema.error_log}")
