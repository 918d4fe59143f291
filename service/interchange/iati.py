"""IATI activity files, versions 1.0 to 2.03 (the version on the root, or on each activity,
or none; 1.0 and 1.00 are read as 1.01, whose words they share, and a version no standard
has as 2.03, listed; a file may also hold one `iati-activity` without the wrapper). Each
activity with an identifier and a title becomes an initiative of kind project, keyed by its
`iati-identifier` (a bad value in it costs that value, and the report lists it):

- `title` and `description` narratives (English if given, else the first) name it;
- `activity-status` 1 (pipeline) is planned, 2 (implementation) and 3 (finalisation) are
  active, 4 (closed) is completed; a cancelled (5) or suspended (6) activity is left out and
  listed, since the map has no such state;
- `activity-date` types 1/2 (planned/actual start) and 3/4 (planned/actual end), or in 1.0x
  start-planned, start-actual, end-planned and end-actual, give the dates, actual before
  planned; a placeholder date before 1950 is no date;
- `recipient-country` codes are ISO 3166 alpha-2; `recipient-region` codes (OECD DAC,
  vocabulary 1) are mapped onto the map's regions where one fits; a region in another
  vocabulary (99, a publisher's own) or with no counterpart is not placed, and the report
  says so;
- `sector` with vocabulary 7 (SDG goal) is skipped, 8 (SDG target) gives SDG targets, and any
  sector whose narrative names a theme gives that theme;
- `participating-org` roles 1 Funding, 2 Accountable, 3 Extending, 4 Implementing (in 1.0x
  the words) become FUNDS, LEADS, PARTNERS_IN and IMPLEMENTS; an organization not on the
  map is added, its type from the IATI organization type code ("unknown" without one), its
  `ref` kept as its IATI identifier when it is one (GB-1, not a local number); an
  organization is found by that identifier before its name, and one with no name, only a
  reference, is not added (the report says so);
- `document-link` (the activity's own, not a result's) becomes a source in the evidence
  directory, "evidence about" the initiative: its title (else its address), address,
  language, date and type of document from its first category the map has a type for
  (`seed/iati_codes.yaml`); a link whose address is not an http or https one is left out,
  and the report says so. A document two activities link is one source, keyed by its
  address."""

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from service.errors import ImportInvalid, Problem
from service.interchange.hxl import Citing
from service.interchange.iati_codes import codelist
from service.interchange.iati_money import Reporter, activity_money, code_of
from service.interchange.organizations import OrganizationIndex
from service.interchange.rows import Row
from service.interchange.seen import ACTIVITY
from service.interchange.vocabulary import Vocabulary
from service.model.fields import plain
from service.model.ids import iso3
from service.model.kinds import slug

_KNOWN_AS = re.compile(r"^Known as (\d{4}(?:-\d{2})?)$")
_WEB = re.compile(r"^https?://\S+$")
_MEDIA_TYPE = re.compile(r"^[a-z]+/[a-z0-9.+-]+$")
_DAY = re.compile(r"^(19[5-9]\d|2\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_IDENTIFIER = re.compile(r"^[A-Z]{2}-[A-Za-z0-9._-]+$")
_VERSION = re.compile(r"^([12])(?:\.(\d{1,2}))?$")
VERSIONS = ("1.01", "1.02", "1.03", "1.04", "1.05", "2.01", "2.02", "2.03")
ROLES = {"1": "FUNDS", "2": "LEADS", "3": "PARTNERS_IN", "4": "IMPLEMENTS"}
# IATI 1.0x wrote roles and date types as words.
ROLE_WORDS = {"funding": "1", "accountable": "2", "extending": "3", "implementing": "4"}
DATE_WORDS = {"start-planned": "1", "start-actual": "2", "end-planned": "3", "end-actual": "4"}
# 1.0x named sector vocabularies: DAC is the five-digit list (2.0x's 1), DAC-3 the
# three-digit one (2).
SECTOR_WORDS = {"DAC": "1", "DAC-3": "2"}
LEFT_OUT = {"5": "cancelled", "6": "suspended"}
STATUSES = {"1": "planned", "2": "active", "3": "active", "4": "completed"}


def read_activities(
    name: str,
    data: bytes,
    citing: Citing,
    organizations: OrganizationIndex,
    themes: dict[str, str],
    vocabulary: Vocabulary,
) -> list[Row]:
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException) as error:
        raise ImportInvalid([Problem(name, None, None, f"not readable XML: {error}")]) from None
    if root.tag == "iati-activity":
        activities = [root]  # one activity, without the wrapper
    elif root.tag == "iati-activities":
        activities = root.findall("iati-activity")
    else:
        reason = "expected <iati-activities> or <iati-activity>"
        raise ImportInvalid([Problem(name, root.tag, None, reason)])
    mark = len(organizations.new)
    rows: list[Row] = []
    for n, activity in enumerate(activities, 1):
        given = activity.get("version") or root.get("version")
        version = standard_version(given)
        if given is not None and version is None:
            # A version no standard has: read as the latest, and the report says so.
            version = VERSIONS[-1]
            why = f"IATI '{given}' is no version of the standard; read as {version}"
            rows.append(Row(name, f"iati-activity[{n}]", None, skipped=[("version", why)]))
        reader = _Reader(name, citing, organizations, themes, vocabulary, version or VERSIONS[-1])
        rows += reader.activity(f"iati-activity[{n}]", activity)
    return [*organizations.added_after(mark), *_once(rows)]


def standard_version(given: str | None) -> str | None:
    """The version of the standard a file's `version` names, or None for none. 1.0 and
    1.00 (still served, written "1.0", "1.00" or "1") are the first publication, whose
    words and codes 1.01 kept; a later 1.x or 2.x the map does not list is read as the
    last of its series it does."""
    text = (given or "").strip()
    if text in VERSIONS:
        return text
    found = _VERSION.match(text)
    if found is None:
        return None
    major, minor = found.group(1), int(found.group(2) or 0)
    series = [v for v in VERSIONS if v.startswith(f"{major}.")]
    if not series:
        return None
    return series[0] if minor <= int(series[0].split(".")[1]) else series[-1]


def _once(rows: list[Row]) -> list[Row]:
    """The rows with a document two activities link given once (its first row), as a
    record may be named only once in an import."""
    seen: set[str] = set()
    kept = []
    for row in rows:
        if row.kind == "source":
            if row.values["id"] in seen:
                continue
            seen.add(row.values["id"])
        kept.append(row)
    return kept


@dataclass(frozen=True)
class _Reader:
    """Reads the activities of one file: what they are, where, on what, and who takes
    part with which money."""

    file: str
    citing: Citing
    organizations: OrganizationIndex
    themes: dict[str, str]
    vocabulary: Vocabulary
    version: str

    def activity(self, where: str, activity: Element) -> list[Row]:
        identifier = (activity.findtext("iati-identifier") or "").strip()
        note = {
            "source": self.citing.source,
            "section": self.citing.section,
            "note": f"From {self.file}, {identifier or where}.",
        }
        record = {"id": f"initiative:{slug(identifier)}", "kind": "project", **note}
        row = Row(self.file, where, "initiative", {**record, "iati_identifier": identifier or None})
        row.original = _as_written(activity, identifier)
        v = row.values
        v["name"] = _narrative(activity, "title")
        v["description"] = _general_description(activity)
        # An activity the map cannot key or name is left out, and the report says why; the
        # file's other activities still go in.
        if not identifier:
            return [Row(self.file, where, None, skipped=[("iati-identifier", "is missing")])]
        if not v["name"]:
            return [Row(self.file, where, None, skipped=[("title", "is missing")])]
        code = code_of(activity.find("activity-status"))
        if code in LEFT_OUT:
            named = codelist("ActivityStatus", self.version).get(code, code)
            reason = f"the activity is {named.lower()} ({code}); the map records no such state"
            return [Row(self.file, where, None, skipped=[("activity-status", reason)])]
        unplaced: list[tuple[str, str]] = []
        if code in STATUSES:
            v["status"] = STATUSES[code]
        else:
            v["status"] = "unknown"
            why = f"code '{code}' is not one of 1-6" if code else "is missing"
            unplaced.append(("activity-status", f"{why}; the status is recorded as unknown"))
        v.update(_dates(activity, unplaced))
        v["countries"] = _countries(activity, unplaced)
        v["regions"] = self._regions(activity, unplaced)
        v["themes"], v["sdg_targets"], v["sectors"] = self._sectors(activity)
        links = [row, *self._participants(activity, where, v["id"], note, row, unplaced)]
        links += self._documents(activity, where, v["id"], note, unplaced)
        if unplaced:
            # What of the activity could not go on the map; the rest of it did.
            links.append(Row(self.file, where, None, skipped=unplaced))
        return links

    def _regions(self, activity: Element, unplaced: list[tuple[str, str]]) -> list[str]:
        found: list[str] = []
        for region in activity.findall("recipient-region"):
            code, vocabulary = region.get("code", ""), region.get("vocabulary", "1")
            place = self.vocabulary.iati.regions.get(code) if vocabulary == "1" else None
            if place and place.regions:
                found += [r for r in place.regions if r not in found]
                continue
            if place:
                why = f"'{code}' ({place.name}) has no region on the map: {place.why}"
            elif vocabulary == "1":
                why = f"'{code}' is not in IATI's Region codelist"
            else:
                why = f"'{code}' is in vocabulary {vocabulary}, not the DAC regions the map reads"
            unplaced.append(("recipient-region", f"{why}; the activity is not placed there"))
        return found

    def _participants(
        self,
        activity: Element,
        where: str,
        initiative: str,
        note: dict[str, Any],
        row: Row,
        unplaced: list[tuple[str, str]],
    ) -> list[Row]:
        """The roles of the participating organizations, and the money each gives."""
        roles: dict[tuple[str, str], dict[str, Any]] = {}
        said = {ACTIVITY: row.original.get(ACTIVITY, [])}
        for org in activity.findall("participating-org"):
            given = org.get("role", "")
            role = ROLES.get(ROLE_WORDS.get(given.lower(), given))
            org_name = _narrative(org)
            if role is None or not org_name:
                what = org_name or f"ref '{org.get('ref')}'"
                why = f"{what} has no role 1-4" if role is None else f"{what} has no name"
                unplaced.append(("participating-org", f"{why}; it is not added"))
                continue
            org_id = self._organization(org_name, org, row, note, "participating-org")
            roles.setdefault((org_id, role), {"from": org_id, "type": role, "to": initiative})
        reporter = self._reporter(activity.find("reporting-org"), row, note)

        def resolve(name: str | None, ref: str | None) -> str | None:
            known = self.organizations.known_ref(_identifier(ref))
            if known or not name:
                return known
            return self.organizations.resolve(
                name, None, row, note, "provider-org", _identifier(ref)
            )

        funders = {org_id for org_id, role in roles if role == "FUNDS"}
        if reporter.secondary and len(funders) == 1:
            # A secondary reporter's budgets are the activity's; with one funder, its own.
            [funder] = funders
            reporter = Reporter(funder, lambda: funder)
        money = activity_money(
            activity, self.version, reporter, funders, resolve, self.vocabulary.iati
        )
        for funder, amounts in money.by_funder.items():
            roles.setdefault((funder, "FUNDS"), {"from": funder, "type": "FUNDS", "to": initiative})
            roles[(funder, "FUNDS")].update(amounts)
        unplaced += money.left_out
        return [
            Row(self.file, where, None, {**link, **note}, original=said) for link in roles.values()
        ]

    def _documents(
        self,
        activity: Element,
        where: str,
        initiative: str,
        note: dict[str, Any],
        unplaced: list[tuple[str, str]],
    ) -> list[Row]:
        """Each document the activity links, as a source and its "evidence about" link."""
        rows: list[Row] = []
        for link in activity.findall("document-link"):
            url = (link.get("url") or "").strip()
            title = _narrative(link, "title") or url
            if not _WEB.match(url):
                unplaced.append(
                    ("document-link", f"'{title}': '{url}' is not an http or https address")
                )
                continue
            source = f"source:iati-document-{_digest(url)}"
            categories = [c.get("code", "") for c in link.findall("category")]
            kinds = [self.vocabulary.iati.document_categories.get(c) for c in categories]
            language = link.find("language")
            day = _document_date(link)
            values = {
                "id": source,
                "title": title,
                "url": url,
                "document_type": next((k for k in kinds if k), None),
                "language": (language.get("code") or "").lower() or None
                if language is not None
                else None,
                "date": day,
                "file_format": _media_type(link.get("format")),
            }
            said = {"document-link": [url]}
            rows.append(Row(self.file, f"{where}.document-link", "source", values, original=said))
            about = {"from": source, "type": "EVIDENCE_ABOUT", "to": initiative, **note}
            rows.append(Row(self.file, f"{where}.document-link", None, about, original=said))
        return rows

    def _reporter(self, element: Element | None, row: Row, note: dict[str, Any]) -> Reporter:
        """The reporting organization, added to the map only if its money makes it a
        funder; a secondary reporter's money is never its own."""
        name = _narrative(element) if element is not None else None
        secondary = element is not None and element.get("secondary-reporter") in ("1", "true")
        if element is None or not name or secondary:
            return Reporter(None, lambda: None, secondary=secondary)
        known = self.organizations.find(name, _identifier(element.get("ref")))
        return Reporter(
            known, lambda: self._organization(name, element, row, note, "reporting-org")
        )

    def _organization(
        self, name: str, element: Element, row: Row, note: dict[str, Any], field_name: str
    ) -> str:
        kind = self.vocabulary.iati.organisation_types.get(element.get("type", ""), "unknown")
        ref = _identifier(element.get("ref"))
        return self.organizations.resolve(name, kind, row, note, field_name, ref)

    def _sectors(self, activity: Element) -> tuple[list[str], list[str], list[str]]:
        """Themes, SDG targets and the sectors that stand for no theme, as IATI names them:
        a DAC code (vocabulary 1, five digits, or 2, three) by its name in IATI's codelist
        and its narrative, any other by its narrative; each goes through
        `seed/sector_themes.yaml`, and a sector neither ties to a theme is kept by name."""
        themes: list[str] = []
        targets: list[str] = []
        others: list[str] = []
        dac = {
            "1": codelist("Sector", self.version),
            "2": codelist("SectorCategory", self.version),
        }
        for sector in activity.findall("sector"):
            given = sector.get("vocabulary", "1")
            vocabulary, code = SECTOR_WORDS.get(given, given), sector.get("code", "")
            if vocabulary in ("7", "8"):
                # SDG goals (7) say too little; SDG targets (8) are the map's own.
                targets += [code] if vocabulary == "8" else []
                continue
            # IATI's name for the code, and the publisher's own words, which may say more.
            names = [n for n in (dac.get(vocabulary, {}).get(code), _narrative(sector)) if n]
            found = [t for n in names for t in self._themes_of(n)]
            themes += [t for t in found if t not in themes]
            if names and not found and names[0] not in others:
                others.append(names[0])
        return themes, targets, others

    def _themes_of(self, sector: str) -> list[str]:
        on_map = set(self.themes.values())
        tied = [t for t in self.vocabulary.sectors.get(plain(sector), []) if t in on_map]
        text = plain(sector)
        return tied or [t for key, t in self.themes.items() if key and key in text]


def _identifier(ref: str | None) -> str | None:
    """An IATI organisation identifier (an agency prefix, then the organization's number
    with it: GB-COH-123456, XM-DAC-41122), or None: a publisher's local number or a bare
    country code names no one organization, so it is never matched on."""
    ref = (ref or "").strip()
    return ref if _IDENTIFIER.match(ref) else None


def _as_written(activity: Element, identifier: str) -> dict[str, list[str]]:
    """What the activity's file writes for the fields the map reads, as written (codes,
    not their names), kept beside the cleaned values as their provenance."""
    found = {
        ACTIVITY: [identifier],
        "title": [_narrative(activity, "title") or ""],
        "activity-status": [code_of(activity.find("activity-status"))],
        "activity-date": [
            f"{d.get('type', '')} {d.get('iso-date', '')}".strip()
            for d in activity.findall("activity-date")
        ],
        "recipient-country": [code_of(c) for c in activity.findall("recipient-country")],
        "recipient-region": [code_of(r) for r in activity.findall("recipient-region")],
        "sector": [f"{s.get('vocabulary', '1')}:{code_of(s)}" for s in activity.findall("sector")],
        "participating-org": [
            f"{_narrative(o) or o.get('ref') or ''} (role {o.get('role', '')})"
            for o in activity.findall("participating-org")
        ],
    }
    return {k: [t for t in v if t] for k, v in found.items() if any(v)}


def _narrative(element: Element, child: str | None = None) -> str | None:
    holder = element.find(child) if child else element
    if holder is None:
        return None
    narratives = holder.findall("narrative")
    english = [
        n for n in narratives if n.get("{http://www.w3.org/XML/1998/namespace}lang", "en") == "en"
    ]
    text = (english or narratives or [holder])[0].text
    return text.strip() if text and text.strip() else None


def _media_type(given: str | None) -> str | None:
    """A file format as a media type in lower case (IATI's older lists wrote them in capitals),
    or None if it is not one."""
    text = (given or "").strip().lower()
    return text if _MEDIA_TYPE.match(text) else None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _document_date(link: Element) -> str | None:
    """The document's date (2.0x `document-date`), if it is a real calendar date."""
    found = link.find("document-date")
    day = (found.get("iso-date") or "").strip()[:10] if found is not None else ""
    return day if _DAY.match(day) else None


def _general_description(activity: Element) -> str | None:
    """The general description (type 1, or no type, as 1.0x writes it); objectives, target
    groups and other notes are not the initiative's description."""
    for description in activity.findall("description"):
        if description.get("type", "1") in ("1", "general"):
            return _narrative(description)
    return None


def _countries(activity: Element, unplaced: list[tuple[str, str]]) -> list[str]:
    """The recipient countries with an ISO 3166 code; any other code (XK, XX, a number)
    costs that country only, and the report says so."""
    found: list[str] = []
    for country in activity.findall("recipient-country"):
        code = (country.get("code") or "").strip()
        if iso3(code) is None:
            why = f"'{code}' is not an ISO 3166 country code; the activity is not placed there"
            unplaced.append(("recipient-country", why))
        elif code not in found:
            found.append(code)
    return found


def _dates(activity: Element, unplaced: list[tuple[str, str]]) -> dict[str, str]:
    """Start and end, actual before planned. A date that is not a calendar date is not
    taken, nor are both when the end comes before the start (which of the two is wrong
    cannot be told); the report says which."""
    by_type: dict[str, str] = {}
    for d in activity.findall("activity-date"):
        kind = DATE_WORDS.get(d.get("type", ""), d.get("type", ""))
        day = (d.get("iso-date") or d.text or "").strip()[:10]
        # A date the map's own IATI export wrote as known only to the year or month.
        known = _KNOWN_AS.match(_narrative(d) or "")
        if known and day.startswith(known.group(1)):
            day = known.group(1)
        elif not day:
            continue
        elif not _calendar_day(day):
            why = f"'{day}' (type {d.get('type')}) is not a date; it is not taken"
            unplaced.append(("activity-date", why))
            continue
        # 1900-01-01 and the like stand for "no date" in some publishers' files.
        if day[:4].isdigit() and int(day[:4]) >= 1950:
            by_type[kind] = day
    found = {}
    for field, actual, planned in (("start", "2", "1"), ("end", "4", "3")):
        given = by_type.get(actual) or by_type.get(planned)
        if given:
            found[field] = given
    start, end = found.get("start"), found.get("end")
    if start and end and end < start[: len(end)]:
        why = f"the end, {end}, is before the start, {start}; neither date is taken"
        unplaced.append(("activity-date", why))
        return {}
    return found


def _calendar_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
