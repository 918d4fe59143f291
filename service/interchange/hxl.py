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

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from string import ascii_letters
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
from service.model.ids import country_named, iso3
from service.model.kinds import slug
from service.model.values import InitiativeKind

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
    "activity": ["#activity+name-project", "#activity-code-id-type-status-project"],
    # A project's name, for rows that name no activity.
    "project": ["#activity+project+name", "#project+name", "#project-code"],
    "activity_code": ["#activity+code"],
    # A map region by id (region:western-africa), as the map's own 3W export writes it.
    "region": ["#region+code"],
    "sector": ["#sector-code", "#sector"],
    "country": ["#country-code", "#country", "#adm0-code", "#adm0"],
    "adm1": ["#adm1-code", "#adm1"],
    "adm2": ["#adm2-code", "#adm2"],
    "adm3": ["#adm3-code", "#adm3"],
    # P-codes, which name the country a sheet without a country column is about.
    "pcode1": ["#adm1+code"],
    "pcode2": ["#adm2+code"],
    "pcode3": ["#adm3+code"],
    "status": ["#status", "#activity+status", "#activity+project+status"],
    "start": ["#date+start"],
    "end": ["#date+end"],
}
_SAYS_WHAT_OR_WHERE = frozenset(
    ("activity", "project", "sector", "country", "adm1", "adm2", "adm3")
)
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
    # The country of each file by its name, where several read together are about
    # different countries (the benchmark reads the field's sample so); before `country`.
    countries: Mapping[str, str] = field(default_factory=dict)

    def country_of(self, file: str) -> str | None:
        return self.countries.get(file, self.country)


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
    columns = _find_columns(sheet)
    country = _default_country(name, sheet, columns, options)
    # No activity and no project column: each row says an organization works in a sector
    # and a place (operational presence), and each organization's work in a sector is
    # one presence record.
    presence = "activity" not in columns and "project" not in columns
    mark = len(organizations.new)
    on_map = frozenset(themes.values())
    activities: dict[str, Row] = {}
    links: list[Row] = []
    counted = people_columns(sheet.tags)
    tags = seen.written_tags(sheet.tags)
    places: dict[tuple[str, str], PlaceCounts] = {}
    for index in range(sheet.first_data_row, len(sheet.rows)):
        where = sheet.where(index)
        values = _reader(sheet.rows[index], columns, vocabulary, presence)
        if values is None:
            continue
        value = values.get
        lead_names, impl_names = _several(value("org")), _several(value("impl"))
        others = {role: _several(value(c)) for c, role in _OTHER_ROLES.items()}
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
        if origin.issues:
            # What naming its organizations found wrong (two names, one id) costs the row:
            # its work would otherwise be put on the wrong organization.
            links.append(Row(name, where, None, skipped=origin.issues))
            continue
        owner = next(iter([*leads, *impls, *(o for _, o in held)]), "")
        # A presence is in one country; a sheet about one country (no country column)
        # keeps its activities apart from the same names in another country's sheet.
        scope = place if presence else country
        key = _activity_key(value("activity_code"), owner, value("activity") or "", scope)
        kind = InitiativeKind.PRESENCE if presence else InitiativeKind.PROJECT
        record = activities.setdefault(
            key, Row(name, where, "initiative", _activity(key, note, kind))
        )
        seen.add_written(record, seen.as_written(tags, sheet.rows[index], columns), where)
        _add_row(record, value, themes, on_map, vocabulary, place)
        links += _count_people(
            sheet.rows[index],
            counted,
            Row(name, where, None),
            key,
            place,
            places,
            sheet.decimal_comma,
            vocabulary,
        )
        for role, ends, column in (("LEADS", leads, "org"), ("IMPLEMENTS", impls, "impl")):
            # The organization's cell as written, beside the id it was found or made as.
            said = seen.as_written(tags, sheet.rows[index], columns, (column, "activity"))
            links += [
                Row(name, where, None, {"from": o, "type": role, "to": key, **note}, original=said)
                for o in ends
            ]
        links += [
            Row(name, where, None, {"from": o, "type": role, "to": key, **note}) for role, o in held
        ]
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
    decimal_comma: bool,
    vocabulary: Vocabulary,
) -> list[Row]:
    """Adds a row's people counts to its initiative's in its country; the rows that list
    what could not be counted (a cell that is no count, a row with no country)."""
    counts: dict[str, int] = {}
    wrong: list[tuple[str, str]] = []
    for name, index in columns.items():
        # A placeholder ("N/A", "not specified") is no figure, as an empty cell.
        text = vocabulary.given(cells[index]) if index < len(cells) else None
        try:
            found = count(text, decimal_comma)
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


def _find_columns(sheet: Sheet) -> dict[str, int]:
    """The column of each thing the reader takes: the first its patterns match, a column
    the sheet tags before one read from its heading."""
    found: dict[str, int] = {}
    order = sorted(range(len(sheet.tags)), key=lambda i: (i in sheet.headed, i))
    for name, patterns in _COLUMNS.items():
        for pattern in patterns:
            index = next(
                (i for i in order if (t := sheet.tags[i]) is not None and pattern.match(t)), None
            )
            if index is not None:
                found[name] = index
                break
    return found


def _default_country(
    file: str, sheet: Sheet, columns: dict[str, int], options: SheetOptions
) -> str | None:
    """The country rows without one are in: the one the user names, which must be a
    country, else the one all the sheet's P-codes are in. A sheet with no country column
    that names no country that way is refused whole; so is one that names no
    organization (a table of figures by place or sector says nothing of who does what)."""
    where = sheet.where(sheet.first_data_row - 1)
    if "org" not in columns and "impl" not in columns:
        reason = (
            "no column names an organization (#org, or a heading such as Organization): "
            "an aggregate table (figures by place or sector) says nothing of who does what "
            "where, so nothing in it can be read"
        )
        raise ImportInvalid([Problem(file, where, None, reason)])
    if not _SAYS_WHAT_OR_WHERE & set(columns):
        reason = "needs a column saying what (#activity, #sector) or where (#country, #adm1)"
        raise ImportInvalid([Problem(file, where, None, reason)])
    named = options.country_of(file)
    if named is None:
        if "country" in columns:
            return None
        found = pcode_country(sheet, columns)
        if found is None:
            reason = (
                "it has no country column and no P-codes naming one: name the country it "
                "is about (--country NER)"
            )
            raise ImportInvalid([Problem(file, None, "country", reason)])
        return found
    found = country_named(named)
    if found is None:
        reason = f"'{named}' is not a country name or ISO code"
        raise ImportInvalid([Problem(file, None, "country", reason)])
    return found


def _map_id(code: str | None) -> str | None:
    return code if code and code.startswith("initiative:") else None


@lru_cache(maxsize=65_536)
def _activity_key(code: str | None, owner: str, activity: str, country: str | None) -> str:
    """A code that is a map id keeps the row on that initiative; otherwise one
    organization's activity of one name (in one country, where given) is one initiative,
    however many rows."""
    if _map_id(code):
        return str(code)
    words = [owner.split(":", 1)[-1], activity, *([country.lower()] if country else [])]
    return "initiative:" + slug(" ".join(words))


def pcode_country(sheet: Sheet, columns: dict[str, int]) -> str | None:
    """The country every P-code of the sheet is in (OCHA's P-codes begin with the ISO
    3166 code: CF21 is in the Central African Republic, NGA036 in Nigeria), or None if
    it has none, or they are in more than one."""
    found: set[str] = set()
    for column in ("pcode1", "pcode2", "pcode3"):
        index = columns.get(column)
        if index is None:
            continue
        for row in sheet.rows[sheet.first_data_row :]:
            code = _pcode_prefix(row[index].strip() if index < len(row) else "")
            if code:
                found.add(code)
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1024)
def _pcode_prefix(code: str) -> str | None:
    """The country a P-code begins with: two or three letters, then digits (IQG01 is
    Iraq's: IQG is no ISO code, so IQ is read)."""
    letters = len(code) - len(code.lstrip(ascii_letters))
    if letters not in (2, 3) or not code[letters : letters + 1].isdigit():
        return None
    return (iso3(code[:3]) if letters == 3 else None) or iso3(code[:2])


def _reader(
    cells: list[str], columns: dict[str, int], vocabulary: Vocabulary, presence: bool
) -> dict[str, str | None] | None:
    """A row's value by column, None for a row with nothing in them; placeholders ("Not
    specified") read as empty. A row with no activity is named for its project, else its
    sector; on a presence sheet, for the sector the organization works in."""
    width = len(cells)
    found = {c: vocabulary.given(cells[i]) if i < width else None for c, i in columns.items()}
    if not any(found.values()):
        return None
    sector = found.get("sector")
    if presence:
        found["activity"] = f"{sector} (operational presence)" if sector else "Operational presence"
    else:
        named = found.get("activity") or found.get("project")
        found["activity"] = named or (f"{sector} (no activity named)" if sector else None)
    return found


def _activity(node_id: str, note: dict[str, Any], kind: InitiativeKind) -> dict[str, Any]:
    return {
        "id": node_id,
        "kind": kind.value,
        "countries": [],
        "regions": [],
        "areas": [],
        "themes": [],
        "sectors": [],
        **note,
    }


def _add_row(
    record: Row,
    value: Any,
    themes: dict[str, str],
    on_map: frozenset[str],
    vocabulary: Vocabulary,
    place: str | None,
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


@lru_cache(maxsize=16_384)
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


@lru_cache(maxsize=16_384)
def _several(text: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").replace("|", ";").split(";") if p.strip())


def _unique(rows: list[Row]) -> list[Row]:
    seen: dict[tuple[Any, ...], Row] = {}
    for row in rows:
        ends = (row.values.get("from"), row.values.get("type"), row.values.get("to"))
        # A row's reports (what it left out, what is wrong) are each kept.
        reports = (row.where, *row.skipped, *row.issues)
        seen.setdefault(ends if row.values else reports, row)
    return list(seen.values())
