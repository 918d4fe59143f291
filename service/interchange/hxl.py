"""3W, 4W and 5W sheets ("who does what where"), as the field writes them: CSV or XLSX,
with HXL hashtags (read with libhxl, attributes in any order, spaces allowed) or with the
column headings `seed/field_words.yaml` lists. Columns are found by tag pattern:

    #org              who leads the activity (+name preferred to +acronym; several
                      separated by ';')
    #org+impl         who implements it (several separated by ';'); without an #org
                      column, the implementer is the organization the row is about
    #org+funder       who funds it; #org+partners_in, #org+hosts, #org+requested and
                      #org+proposed the map's other roles (its own 3W export writes them)
    #org+type, #org+impl+type   the type of an organization not yet on the map
    #activity         the activity's name (a sheet or row without one is named for its
                      sector); #activity+code, when it holds a map id
    #sector           sectors or clusters, by name or code: themes through
                      `seed/sector_themes.yaml`, the rest kept as the initiative's sectors
    #region+code      a map region by id (region:western-africa)
    #country          by name (English, French, Spanish...) or ISO or M49 code; a sheet
                      about one country may have none, and the import names the country
    #adm1 #adm2 #adm3 places within the country, by name (P-codes where no name is given)
    #status           in the words of field_words.yaml; "unknown" where none is given
    #date+start, #date+end   ISO dates, Excel dates or the common written forms

Rows of one activity (same organization and name) become one initiative working in every
country and place its rows name. A row that says nothing of who or what is skipped."""

from dataclasses import dataclass
from typing import Any

import hxl.datatypes
import hxl.model

from service.errors import ImportInvalid, Problem
from service.interchange import seen
from service.interchange.organizations import OrganizationIndex
from service.interchange.people import PlaceCounts, count, people_columns
from service.interchange.rows import Row
from service.interchange.sheets import Sheet, excel_date, read_sheet
from service.interchange.vocabulary import Vocabulary
from service.model.fields import plain
from service.model.ids import country_named
from service.model.kinds import slug

# Each column the reader takes, and the tag patterns that find it, best first.
_PATTERNS = {
    "org": [
        "#org+name-impl-funder-type",
        "#org-impl-funder-type-code-id-acronym",
        "#org-impl-funder-type",
    ],
    "org_type": ["#org+type-impl-funder"],
    # The other roles an organization may hold, as the map's own 3W export writes them.
    **{
        name: [f"#org+{name}-type"]
        for name in ("funder", "partners_in", "hosts", "requested", "proposed")
    },
    "impl": ["#org+impl+name-type", "#org+impl-type-code-id-acronym", "#org+impl-type"],
    "impl_type": ["#org+impl+type"],
    # An implementer's acronym beside its full name (Cameroon's 5W has both columns).
    "impl_acronym": ["#org+impl+acronym", "#org+impl-name-type-code-id"],
    "activity": [
        "#activity+name-project",
        "#activity-code-id-type-status-project",
        "#activity+project+name",
    ],
    "activity_code": ["#activity+code"],
    # A map region by id (region:western-africa), as the map's own 3W export writes it.
    "region": ["#region+code"],
    "sector": ["#sector-code", "#sector"],
    "country": ["#country-code", "#country"],
    "adm1": ["#adm1-code", "#adm1"],
    "adm2": ["#adm2-code", "#adm2"],
    "adm3": ["#adm3-code", "#adm3"],
    "status": ["#status", "#activity+status", "#activity+project+status"],
    "start": ["#date+start"],
    "end": ["#date+end"],
}
# The role each organization column gives, beyond #org (LEADS) and #org+impl (IMPLEMENTS).
_OTHER_ROLES = {
    "funder": "FUNDS",
    "partners_in": "PARTNERS_IN",
    "hosts": "HOSTS",
    "requested": "REQUESTED",
    "proposed": "PROPOSED",
}
_COLUMNS = {
    name: [hxl.model.TagPattern.parse(p) for p in patterns] for name, patterns in _PATTERNS.items()
}


@dataclass(frozen=True)
class Citing:
    """The source an imported file is recorded as, and the section of it, if any."""

    source: str
    section: str | None = None


@dataclass(frozen=True)
class SheetOptions:
    """What the user says of a sheet: the country it is about (for a sheet with no
    country column), and which sheet of a workbook to read."""

    country: str | None = None
    sheet: str | None = None


def read_3w(
    name: str,
    data: bytes,
    citing: Citing,
    organizations: OrganizationIndex,
    themes: dict[str, str],
    vocabulary: Vocabulary,
    options: SheetOptions | None = None,
) -> list[Row]:
    """The initiatives, new organizations and roles a 3W sheet describes. `themes` maps each
    theme's plain name (and key) to its id."""
    options = options or SheetOptions()
    sheet = read_sheet(name, data, vocabulary, options.sheet)
    columns = _find_columns(sheet.tags)
    country = _default_country(name, sheet, columns, options)
    mark = len(organizations.new)
    activities: dict[str, Row] = {}
    links: list[Row] = []
    counted = people_columns(sheet.tags)
    places: dict[tuple[str, str], PlaceCounts] = {}
    for index in range(sheet.first_data_row, len(sheet.rows)):
        where = sheet.where(index)
        value = _reader(sheet.rows[index], columns, vocabulary)
        lead_names, impl_names = _several(value("org")), _several(value("impl"))
        others = {role: _several(value(c)) for c, role in _OTHER_ROLES.items()}
        if not any(value(c) for c in columns):
            continue
        named = value("country")
        place = country_named(named) if named else country
        # An initiative the map's own export names by id may have no organization.
        known = _map_id(value("activity_code"))
        anyone = lead_names or impl_names or any(others.values()) or known
        reasons = [
            (c, "is empty")
            for c, v in (("#org", anyone), ("#activity", value("activity")))
            if not v
        ]
        if named and place is None:
            reasons.append(("#country", f"'{named}' is not a country name or code"))
        start, end = _date(value("start")), _date(value("end"))
        if start and end and end < start:
            reasons.append(("#date+end", f"{end} is before the start, {start}"))
        if reasons:
            links.append(Row(name, where, None, skipped=reasons))
            continue
        # A date that is not one costs that date; the row goes in without it.
        unread = [
            (f"#date+{key}", f"'{value(key)}' is not a date; it is not taken")
            for key, day in (("start", start), ("end", end))
            if value(key) and day is None
        ]
        if unread:
            links.append(Row(name, where, None, skipped=unread))
        origin = Row(name, where, "initiative")
        note = {
            "source": citing.source,
            "section": citing.section,
            "note": f"From {name}, {where}.",
        }
        # Implementers first: a sheet may name one by its full name and acronym, and a lead
        # written as that acronym is then the same organization.
        acronyms = _acronyms(value, columns, len(impl_names))
        impls = [
            organizations.resolve(
                p, vocabulary.organization_type(value("impl_type")), origin, note, acronym=a
            )
            for p, a in zip(impl_names, acronyms, strict=True)
        ]
        leads = [
            organizations.resolve(n, vocabulary.organization_type(value("org_type")), origin, note)
            for n in lead_names
        ]
        held = [
            (role, organizations.resolve(n, vocabulary.organization_type(None), origin, note))
            for role, names in others.items()
            for n in names
        ]
        owner = next(iter([*leads, *impls, *(o for _, o in held)]), "")
        key = _activity_key(value("activity_code"), owner, value("activity") or "")
        record = activities.setdefault(key, Row(name, where, "initiative", _activity(key, note)))
        seen.add_written(record, seen.as_written(sheet.tags, sheet.rows[index], columns), where)
        _add_row(record, value, themes, vocabulary, place)
        links += _count_people(
            sheet.rows[index], counted, Row(name, where, None), key, place, places
        )
        for role, ends, column in (("LEADS", leads, "org"), ("IMPLEMENTS", impls, "impl")):
            # The organization's cell as written, beside the id it was found or made as.
            said = seen.as_written(sheet.tags, sheet.rows[index], columns, (column, "activity"))
            links += [
                Row(name, where, None, {"from": o, "type": role, "to": key, **note}, original=said)
                for o in ends
            ]
        links += [
            Row(name, where, None, {"from": o, "type": role, "to": key, **note}) for role, o in held
        ]
        if origin.issues:
            # What naming its organizations found wrong (two names, one id) is this row's.
            links.append(Row(name, where, None, issues=origin.issues))
    note = {"source": citing.source, "section": citing.section}
    reached = [
        Row(name, counts.first_row, None, counts.values(key, place, name, note))
        for (key, place), counts in places.items()
    ]
    return [*organizations.added_after(mark), *activities.values(), *_unique(links), *reached]


def _count_people(
    cells: list[str],
    columns: dict[str, int],
    origin: Row,
    initiative: str,
    place: str | None,
    places: dict[tuple[str, str], PlaceCounts],
) -> list[Row]:
    """Adds a row's people counts to its initiative's in its country; the rows that list
    what could not be counted (a cell that is no count, a row with no country)."""
    counts: dict[str, int] = {}
    wrong: list[tuple[str, str]] = []
    for name, index in columns.items():
        text = cells[index] if index < len(cells) else None
        try:
            found = count(text)
        except ValueError:
            wrong.append((name, f"'{text}' is no count of people; it is not counted"))
            continue
        if found is not None:
            counts[name] = found
    if counts and place is None:
        wrong.append(("#country", "the row names no country, so its people are not counted"))
    elif counts and place is not None:
        where = origin.where
        places.setdefault((initiative, place), PlaceCounts(where)).add(counts)
    return [Row(origin.file, origin.where, None, skipped=wrong)] if wrong else []


def _acronyms(value: Any, columns: dict[str, int], count: int) -> list[str | None]:
    """The acronyms of a row's implementers, where the sheet gives them in a column of
    their own, one for each name; else none."""
    if columns.get("impl_acronym") in (None, columns.get("impl")):
        return [None] * count
    found = _several(value("impl_acronym"))
    return list(found) if len(found) == count else [None] * count


def _find_columns(tags: list[hxl.model.Column | None]) -> dict[str, int]:
    found: dict[str, int] = {}
    for name, patterns in _COLUMNS.items():
        for pattern in patterns:
            index = next(
                (i for i, t in enumerate(tags) if t is not None and pattern.match(t)), None
            )
            if index is not None:
                found[name] = index
                break
    return found


def _default_country(
    file: str, sheet: Sheet, columns: dict[str, int], options: SheetOptions
) -> str | None:
    """The country rows without one are in: the one the user names, which must be a
    country. A sheet with no country column and no country named is refused whole."""
    # Who: a lead or an implementer; what: an activity, or at least a sector.
    missing = [
        f"#{c}"
        for c, other in (("org", "impl"), ("activity", "sector"))
        if c not in columns and other not in columns
    ]
    if missing:
        where = sheet.where(sheet.first_data_row - 1)
        raise ImportInvalid([Problem(file, where, None, f"needs the columns {', '.join(missing)}")])
    if options.country is None:
        if "country" not in columns:
            reason = "it has no country column: name the country it is about (--country NER)"
            raise ImportInvalid([Problem(file, None, "country", reason)])
        return None
    found = country_named(options.country)
    if found is None:
        reason = f"'{options.country}' is not a country name or ISO code"
        raise ImportInvalid([Problem(file, None, "country", reason)])
    return found


def _map_id(code: str | None) -> str | None:
    return code if code and code.startswith("initiative:") else None


def _activity_key(code: str | None, owner: str, activity: str) -> str:
    """A code that is a map id keeps the row on that initiative; otherwise one
    organization's activity of one name is one initiative, however many rows."""
    if _map_id(code):
        return str(code)
    return "initiative:" + slug(owner.split(":", 1)[1] + " " + activity)


def _reader(cells: list[str], columns: dict[str, int], vocabulary: Vocabulary) -> Any:
    """A row's value by column; placeholders ("Not specified") read as empty, and an
    activity without a name is named for its sector."""

    def cell(column: str) -> str | None:
        index = columns.get(column)
        return vocabulary.given(cells[index]) if index is not None and index < len(cells) else None

    def value(column: str) -> str | None:
        if column == "activity":
            sector = cell("sector")
            return cell("activity") or (f"{sector} (no activity named)" if sector else None)
        return cell(column)

    return value


def _activity(node_id: str, note: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": node_id,
        "kind": "project",
        "countries": [],
        "regions": [],
        "areas": [],
        "themes": [],
        "sectors": [],
        **note,
    }


def _add_row(
    record: Row, value: Any, themes: dict[str, str], vocabulary: Vocabulary, place: str | None
) -> None:
    """Adds what one row says to its activity: name, places, themes, status and dates."""
    v = record.values
    v.setdefault("name", value("activity"))
    if place and place not in v["countries"]:
        v["countries"].append(place)
    region = value("region")
    if region and region.startswith("region:") and region not in v["regions"]:
        v["regions"].append(region)
    for level in ("adm1", "adm2", "adm3"):
        for area in _several(value(level)):
            if area not in v["areas"]:
                v["areas"].append(area)
    for sector in _several(value("sector")):
        # Only themes this map has; a sector the table ties to none of them stays text.
        on_map = set(themes.values())
        tied = [t for t in vocabulary.sectors.get(plain(sector), []) if t in on_map]
        found = tied or _theme(themes, sector)
        if found:
            v["themes"] += [t for t in found if t not in v["themes"]]
        elif sector not in v["sectors"]:
            v["sectors"].append(sector)
    status = value("status")
    if status or "status" not in v:
        v["status"] = vocabulary.status(status or "")
    for key, pick in (("start", min), ("end", max)):
        day = _date(value(key))
        if day:
            v[key] = pick(filter(None, (v.get(key), day)))


def _theme(themes: dict[str, str], sector: str) -> list[str]:
    found = themes.get(plain(sector))
    return [found] if found else []


def _date(text: str | None) -> str | None:
    """YYYY-MM-DD from an ISO date, an Excel serial number or a written date; a bare
    year or year-month is kept as it is."""
    if not text:
        return None
    if len(text) in (4, 7) and text[:4].isdigit():
        return text
    serial = excel_date(text)
    if serial:
        return serial
    try:
        written: str = hxl.datatypes.normalise_date(text, dayfirst=True)
    except (hxl.HXLException, ValueError, OverflowError):
        return None
    return written


def _several(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").replace("|", ";").split(";") if part.strip()]


def _unique(rows: list[Row]) -> list[Row]:
    seen: dict[tuple[Any, ...], Row] = {}
    for row in rows:
        ends = (row.values.get("from"), row.values.get("type"), row.values.get("to"))
        # A row's reports (what it left out, what is wrong) are each kept.
        reports = (row.where, *row.skipped, *row.issues)
        seen.setdefault(ends if row.values else reports, row)
    return list(seen.values())
