"""IATI activity files, versions 1.01 to 2.03 (the version on the root, or on each activity;
a file may also hold one `iati-activity` without the wrapper). Each activity becomes an
initiative of kind project, keyed by its `iati-identifier`:

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
  reference, is not added (the report says so)."""

import re
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from service.errors import ImportInvalid, Problem
from service.interchange.hxl import Citing
from service.interchange.organizations import OrganizationIndex
from service.interchange.rows import Row
from service.model.fields import plain
from service.model.kinds import slug

_IDENTIFIER = re.compile(r"^[A-Z]{2}-[A-Za-z0-9._-]+$")
VERSIONS = ("1.01", "1.02", "1.03", "1.04", "1.05", "2.01", "2.02", "2.03")
ROLES = {"1": "FUNDS", "2": "LEADS", "3": "PARTNERS_IN", "4": "IMPLEMENTS"}
# IATI 1.0x wrote roles and date types as words.
ROLE_WORDS = {"funding": "1", "accountable": "2", "extending": "3", "implementing": "4"}
DATE_WORDS = {"start-planned": "1", "start-actual": "2", "end-planned": "3", "end-actual": "4"}
LEFT_OUT = {"5": "cancelled", "6": "suspended"}
STATUSES = {"1": "planned", "2": "active", "3": "active", "4": "completed"}
# IATI OrganisationType codes and the map's type for each.
ORGANIZATION_TYPES = {
    "10": "government",
    "11": "government",
    "15": "government",
    "21": "ngo",
    "22": "ngo",
    "23": "ngo",
    "24": "ngo",
    "30": "network",
    "40": "intergovernmental",
    "60": "funder",
    "70": "business",
    "71": "business",
    "72": "business",
    "73": "business",
    "80": "academic",
}
# OECD DAC recipient regions (vocabulary 1) with a counterpart on the map.
REGIONS = {
    "89": "region:un-europe",
    "189": "region:un-northern-africa",
    "289": "region:un-africa",  # south of the Sahara: the map has no such region, so Africa
    "298": "region:un-africa",
    "380": "region:un-caribbean",
    "489": "region:un-south-america",
    "498": "region:un-americas",
    "589": "region:ilo-arab-states",
    "619": "region:un-central-asia",
    "679": "region:un-southern-asia",
    "789": "region:un-eastern-asia",
    "798": "region:un-asia",
    "889": "region:un-oceania",
    "998": "region:world",
}


def read_activities(
    name: str, data: bytes, citing: Citing, organizations: OrganizationIndex, themes: dict[str, str]
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
    for version in {root.get("version"), *(a.get("version") for a in activities)}:
        if version is not None and version not in VERSIONS:
            reason = f"IATI {version} is not read; versions {VERSIONS[0]} to {VERSIONS[-1]} are"
            raise ImportInvalid([Problem(name, root.tag, "version", reason)])
    mark = len(organizations.new)
    rows: list[Row] = []
    for n, activity in enumerate(activities, 1):
        rows += _activity(name, f"iati-activity[{n}]", activity, citing, organizations, themes)
    return [*organizations.added_after(mark), *rows]


def _activity(
    name: str,
    where: str,
    activity: Element,
    citing: Citing,
    organizations: OrganizationIndex,
    themes: dict[str, str],
) -> list[Row]:
    identifier = (activity.findtext("iati-identifier") or "").strip()
    note = {
        "source": citing.source,
        "section": citing.section,
        "note": f"From {name}, {identifier or where}.",
    }
    row = Row(
        name,
        where,
        "initiative",
        {"id": f"initiative:{slug(identifier)}", "kind": "project", **note},
    )
    if not identifier:
        row.issues.append(("iati-identifier", "is missing"))
    v = row.values
    v["name"], v["description"] = _narrative(activity, "title"), _narrative(activity, "description")
    status = activity.find("activity-status")
    code = status.get("code", "") if status is not None else ""
    if code in LEFT_OUT:
        reason = f"the activity is {LEFT_OUT[code]} ({code}); the map records no such state"
        return [Row(name, where, None, skipped=[("activity-status", reason)])]
    if code in STATUSES:
        v["status"] = STATUSES[code]
    else:
        row.issues.append(("activity-status", f"code '{code}' is not one of 1-6"))
    v.update(_dates(activity))
    v["countries"] = [c.get("code", "") for c in activity.findall("recipient-country")]
    v["regions"] = []
    unplaced: list[tuple[str, str]] = []
    for region in activity.findall("recipient-region"):
        mapped = REGIONS.get(region.get("code", ""))
        vocabulary = region.get("vocabulary", "1")
        if mapped and vocabulary == "1":
            v["regions"].append(mapped)
        else:
            why = f"code '{region.get('code')}' in vocabulary {vocabulary} has no region on the map"
            unplaced.append(("recipient-region", f"{why}; the activity is not placed there"))
    v["themes"], v["sdg_targets"] = _sectors(activity, themes)
    links = [row]
    for org in activity.findall("participating-org"):
        given = org.get("role", "")
        role = ROLES.get(ROLE_WORDS.get(given.lower(), given))
        org_name = _narrative(org)
        if role is None or not org_name:
            what = org_name or f"ref '{org.get('ref')}'"
            why = f"{what} has no role 1-4" if role is None else f"{what} has no name"
            unplaced.append(("participating-org", f"{why}; it is not added"))
            continue
        kind = ORGANIZATION_TYPES.get(org.get("type", ""), "unknown")
        ref = _identifier(org.get("ref"))
        org_id = organizations.resolve(org_name, kind, row, note, "participating-org", ref)
        links.append(Row(name, where, None, {"from": org_id, "type": role, "to": v["id"], **note}))
    if unplaced:
        # What of the activity could not go on the map; the rest of it did.
        links.append(Row(name, where, None, skipped=unplaced))
    return links


def _identifier(ref: str | None) -> str | None:
    """An IATI organisation identifier (an agency prefix, then the organization's number
    with it: GB-COH-123456, XM-DAC-41122), or None: a publisher's local number or a bare
    country code names no one organization, so it is never matched on."""
    ref = (ref or "").strip()
    return ref if _IDENTIFIER.match(ref) else None


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


def _dates(activity: Element) -> dict[str, str]:
    by_type: dict[str, str] = {}
    for d in activity.findall("activity-date"):
        kind = DATE_WORDS.get(d.get("type", ""), d.get("type", ""))
        day = (d.get("iso-date") or d.text or "").strip()[:10]
        # 1900-01-01 and the like stand for "no date" in some publishers' files.
        if day[:4].isdigit() and int(day[:4]) >= 1950:
            by_type[kind] = day
    found = {}
    for field, actual, planned in (("start", "2", "1"), ("end", "4", "3")):
        date = by_type.get(actual) or by_type.get(planned)
        if date:
            found[field] = date
    return found


def _sectors(activity: Element, themes: dict[str, str]) -> tuple[list[str], list[str]]:
    found_themes: list[str] = []
    targets: list[str] = []
    for sector in activity.findall("sector"):
        if sector.get("vocabulary") == "8":
            targets.append(sector.get("code", ""))
            continue
        text = plain(_narrative(sector) or "")
        found_themes += [
            t for key, t in themes.items() if key and key in text and t not in found_themes
        ]
    return found_themes, targets
