"""3W tables ("who does what where") tagged with HXL hashtags. The hashtag row may follow
a row of human headers; columns are found by hashtag and attributes, in any order:

    #org              the organization responsible (it LEADS the activity)
    #org+impl         the implementing partner (it IMPLEMENTS the activity)
    #org+type, #org+impl+type   optional: the type of an organization not yet on the map
    #activity         the activity's name; #activity+code, optional, its map id
    #sector           one or more themes, by name (';' between them)
    #country+code     ISO 3166 code;  #adm1  the province or state
    #status           planned, ongoing, completed (or proposed)
    #date+start, #date+end

Rows of one activity (same code, or same organization and name) become one initiative
working in every country and province its rows name. Libhxl, the HXL project's library, is
not among the packages this project can install, so the little this needs is here."""

from dataclasses import dataclass
from typing import Any

from service.errors import ImportInvalid, Problem
from service.interchange.organizations import OrganizationIndex
from service.interchange.rows import Row, read_table
from service.model.fields import plain
from service.model.kinds import slug

# column: (hashtag, attributes it must have, attributes it must not have)
_COLUMNS = {
    "org": ("#org", set(), {"impl", "type", "code", "id"}),
    "org_type": ("#org", {"type"}, {"impl"}),
    "impl": ("#org", {"impl"}, {"type", "code", "id"}),
    "impl_type": ("#org", {"impl", "type"}, set()),
    "activity": ("#activity", set(), {"code", "type"}),
    "activity_code": ("#activity", {"code"}, set()),
    "sector": ("#sector", set(), {"code"}),
    "country": ("#country", {"code"}, set()),
    "adm1": ("#adm1", set(), {"code"}),
    "status": ("#status", set(), set()),
    "start": ("#date", {"start"}, set()),
    "end": ("#date", {"end"}, set()),
}
REQUIRED = ("org", "activity", "country")
STATUS_WORDS = {
    "proposed": "proposed",
    "planned": "planned",
    "pipeline": "planned",
    "ongoing": "active",
    "active": "active",
    "in progress": "active",
    "implementation": "active",
    "completed": "completed",
    "complete": "completed",
    "closed": "completed",
    "finished": "completed",
}


@dataclass(frozen=True)
class Citing:
    """The source an imported file is recorded as, and the section of it, if any."""

    source: str
    section: str | None = None


def is_hxl(name: str, text: str) -> bool:
    return _tag_row(read_table(name, text)) is not None


def _tag_row(rows: list[list[str]]) -> int | None:
    for n, row in enumerate(rows[:25]):
        cells = [c.strip() for c in row if c.strip()]
        if cells and all(c.startswith("#") for c in cells):
            return n
    return None


def _parse_tag(text: str) -> tuple[str, set[str]]:
    base, *attributes = text.replace(" ", "").lower().split("+")
    return base, set(attributes)


def _find_columns(tags: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, tag in enumerate(tags):
        base, attributes = _parse_tag(tag)
        for name, (wanted, required, forbidden) in _COLUMNS.items():
            if base == wanted and required <= attributes and not forbidden & attributes:
                found.setdefault(name, index)
    return found


def read_3w(
    name: str, text: str, citing: Citing, organizations: OrganizationIndex, themes: dict[str, str]
) -> list[Row]:
    """The initiatives, new organizations and roles a 3W table describes. `themes` maps each
    theme's plain name (and key) to its id."""
    table = read_table(name, text)
    at = _tag_row(table)
    if at is None:
        raise ImportInvalid([Problem(name, None, None, "no row of HXL hashtags (#org, ...)")])
    columns = _find_columns(table[at])
    missing = [
        f"#{c.replace('_', '+')}" if c != "country" else "#country+code"
        for c in REQUIRED
        if c not in columns
    ]
    if missing:
        raise ImportInvalid(
            [Problem(name, f"row {at + 1}", None, f"needs the hashtags {', '.join(missing)}")]
        )
    mark = len(organizations.new)
    activities: dict[str, Row] = {}
    links: list[Row] = []
    for n, cells in enumerate(table[at + 1 :], at + 2):
        value = _reader(cells, columns)
        if not any(value(c) for c in columns):
            continue
        empty = [f"#{c}" for c in ("org", "activity") if not value(c)]
        if empty:
            links.append(Row(name, f"row {n}", None, issues=[(t, "is empty") for t in empty]))
            continue
        origin = Row(name, f"row {n}", "initiative")
        note = {
            "source": citing.source,
            "section": citing.section,
            "note": f"From {name}, row {n}.",
        }
        lead = organizations.resolve(value("org") or "", value("org_type"), origin, note)
        key = value("activity_code") or _activity_id(lead, value("activity") or "")
        record = activities.setdefault(
            key, Row(name, f"row {n}", "initiative", _activity(key, note))
        )
        _add_row(record, value, themes, f"row {n}")
        links.append(
            Row(name, f"row {n}", None, {"from": lead, "type": "LEADS", "to": key, **note})
        )
        for partner in _several(value("impl")):
            impl = organizations.resolve(partner, value("impl_type"), origin, note)
            links.append(
                Row(name, f"row {n}", None, {"from": impl, "type": "IMPLEMENTS", "to": key, **note})
            )
        if origin.issues:
            # What naming its organizations found wrong (two names, one id) is this row's.
            links.append(Row(name, f"row {n}", None, issues=origin.issues))
    return [*organizations.added_after(mark), *activities.values(), *_unique(links)]


def _activity_id(lead: str, activity: str) -> str:
    """One organization's activity of one name is one initiative, however many rows."""
    return "initiative:" + slug(lead.split(":", 1)[1] + " " + activity)


def _reader(cells: list[str], columns: dict[str, int]) -> Any:
    def value(column: str) -> str | None:
        index = columns.get(column)
        text = cells[index].strip() if index is not None and index < len(cells) else ""
        return text or None

    return value


def _activity(node_id: str, note: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": node_id,
        "kind": "project",
        "countries": [],
        "areas": [],
        "themes": [],
        **note,
    }


def _add_row(record: Row, value: Any, themes: dict[str, str], where: str) -> None:
    """Adds what one row says to its activity: name, places, themes, status and dates."""
    v = record.values
    v.setdefault("name", value("activity"))
    for key, found in (("countries", value("country")), ("areas", value("adm1"))):
        if found and found not in v[key]:
            v[key].append(found)
    for sector in _several(value("sector")):
        theme = themes.get(plain(sector))
        if theme is None:
            record.issues.append(("#sector", f"{where}: '{sector}' is not a theme on the map"))
        elif theme not in v["themes"]:
            v["themes"].append(theme)
    status = value("status")
    if status:
        v["status"] = STATUS_WORDS.get(plain(status), status)
    for key, pick in (("start", min), ("end", max)):
        if value(key):
            v[key] = pick(filter(None, (v.get(key), value(key))))


def _several(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").replace(",", ";").split(";") if part.strip()]


def _unique(rows: list[Row]) -> list[Row]:
    seen: dict[tuple[Any, ...], Row] = {}
    for row in rows:
        ends = (row.values.get("from"), row.values.get("type"), row.values.get("to"))
        seen.setdefault(ends if row.values else (row.where,), row)
    return list(seen.values())
