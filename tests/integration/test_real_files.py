"""The field's own files, as a new user would bring them (`../shared/real-files/`, beside
the project; these tests skip where it is absent): each is previewed with nothing written,
then imported onto a scratch map, and what a user would check (how many organizations,
initiatives and places came in, which rows were left out) is counted from the file itself,
read here with csv and python-calamine, and compared with the import's report and the map."""

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pycountry
import pytest
import python_calamine
from defusedxml import ElementTree
from fastapi.testclient import TestClient

from service.config import PROJECT_ROOT, Settings
from service.db.driver import Database
from service.editing import keys
from service.model.fields import plain
from service.seed.graph import SeedGraph
from service.seed.loader import load, prepare
from tests.conftest import run_db

REAL = PROJECT_ROOT.parent / "shared" / "real-files"
pytestmark = pytest.mark.skipif(
    not REAL.is_dir(),
    reason="the field's sample files (../shared/real-files/) are not beside the project",
)
# Cells that say "not given", as the field writes them.
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NOT_GIVEN = {"", "not specified", "n a", "na", "none", "#n/a"}
# IATI transaction types that carry money the map records (2.0x numbers, 1.0x letters).
IATI_ORG_ID = re.compile(r"^[A-Z]{2}-[A-Za-z0-9._-]+$")
READ_TRANSACTIONS = {"1", "2", "3", "4", "11", "C", "D", "E", "IF"}


@pytest.fixture(scope="module")
def scratch(seeded: Settings) -> Iterator[Settings]:
    """The tests change the map; the seed is put back when they end."""
    yield seeded

    async def reset(db: Database) -> None:
        await db.delete_in_batches("maintenance/wipe_map", limit=10_000)
        await load(db, prepare(seeded.seed_dir), seeded.load_batch_size)

    run_db(seeded, reset)


@pytest.fixture
def auth(scratch: Settings) -> dict[str, str]:
    """A scratch map for each file, holding the places, SDGs and themes every map has and
    nothing else, and a key to import with."""

    async def make(db: Database) -> str:
        await db.delete_in_batches("maintenance/wipe_map", limit=10_000)
        graph = prepare(scratch.seed_dir)
        keep = {n.id for n in graph.nodes if n.id.split(":")[0] in ("theme", "source")}
        reference = prepare(scratch.seed_dir, reference_only=True)
        await load(db, reference, scratch.load_batch_size)
        themes = SeedGraph(
            [n for n in graph.nodes if n.id in keep],
            [
                k
                for k in graph.links
                if k.source_id in keep and k.target_id in keep | {n.id for n in reference.nodes}
            ],
        )
        await load(db, themes, scratch.load_batch_size)
        return (await keys.create_key(db, "test-real-files", "editor"))[1]

    return {"Authorization": f"Bearer {run_db(scratch, make)}"}


@dataclass(frozen=True)
class Counted:
    """What a file says, counted by hand: organizations, initiatives (one per organization
    and activity), rows naming no organization or no activity, and rows that end before
    they start."""

    organizations: int
    initiatives: int
    empty_rows: int
    backwards_rows: int = 0
    # People, over the rows that go in: the totals targeted and reached, and the cells of
    # people columns that hold no count (below zero, or not a number).
    targeted: int = 0
    reached: int = 0
    bad_counts: int = 0


def _rows(name: str, sheet: int | str = 0) -> list[list[str]]:
    """The sheet's cells as text (a sheet by its place or name), read here with csv or
    python-calamine: numbers as calamine gives them (65.0), dates as YYYY-MM-DD."""
    path = REAL / "3w" / name
    if path.suffix == ".csv":
        return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    chosen = book.sheet_names[sheet] if isinstance(sheet, int) else sheet
    rows = book.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    return [["" if v is None else str(v).strip() for v in row] for row in rows]


def _given(cell: str) -> str:
    return "" if plain(cell) in NOT_GIVEN or cell.strip() == "#N/A" else cell.strip()


def _day(cell: str) -> str:
    """A date cell as YYYY-MM-DD: openpyxl's datetimes, Excel serial numbers, or dates
    written day first (28/05/2020, 28-03-2021), as these sheets have them."""
    if cell.isdigit():
        return (date(1899, 12, 30) + timedelta(days=int(cell))).isoformat()
    # Day first, else month first where day first cannot be (6-19-2019).
    for written in ("%d/%m/%Y", "%d-%m-%Y", "%m/%d/%Y", "%m-%d-%Y"):
        try:
            return datetime.strptime(cell, written).date().isoformat()
        except ValueError:  # '08/072020' is no date: nothing to compare
            continue
    # An ISO date or datetime; other writings ('5th -04-2021') are not compared here.
    return cell[:10] if cell[:4].isdigit() and cell[4:5] == "-" else ""


def _count(
    rows: list[list[str]],
    lead: int | None,
    impl: int | None,
    what: int | None,
    sector: int | None,
    dates: tuple[int, int] | None = None,
    acronym: int | None = None,
    people: tuple[int | None, int | None, list[int] | range] | None = None,
    project: int | None = None,
    presence: bool = False,
    funder: int | None = None,
) -> Counted:
    """`what`: the activity column; `funder`: a column of funders (#org+funder), each an
    organization that funds the row's activity, and the activity's owner where the row
    names no lead or implementer; `presence`: a sheet with no activity (each
    organization's work in a sector is one record, whatever else the row gives);
    `project`: a project's name, for rows naming no activity. `acronym`: a column holding
    each implementer's acronym beside its full name in `impl`; the two name one
    organization, and so does a lead written as that acronym. `people`: the columns of
    people targeted and reached in all, and every people column."""
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        parent.setdefault(name, name)
        while parent[name] != name:
            name = parent[name]
        return name

    named: set[str] = set()
    activities: set[tuple[str, str]] = set()
    empty = backwards = 0
    targeted = reached = bad = 0
    for row in rows:
        if not any(c.strip() for c in row):
            continue
        led = _given(row[lead]) if lead is not None else ""
        done_by = _given(row[impl]) if impl is not None else ""
        funded_by = _given(row[funder]) if funder is not None else ""
        named_sector = _given(row[sector]) if sector is not None else ""
        written = _given(row[what]) if what is not None else ""
        activity = (
            f"{named_sector} presence"
            if presence
            else written
            or (_given(row[project]) if project is not None else "")
            or (f"{named_sector} (no activity named)" if named_sector else "")
        )
        owner = led or done_by or funded_by
        # Each reason a row is left out is listed: no one, nothing, an end before its start.
        given = dates and _given(row[dates[0]]) and _given(row[dates[1]])
        first, last = (_day(row[d]) for d in dates) if dates and given else ("", "")
        wrong = bool(first and last and last < first)
        backwards += wrong
        empty += (not owner) + (not activity)
        if not owner or not activity or wrong:
            continue
        short = _given(row[acronym]) if acronym is not None and done_by else ""
        if short:
            parent[root(plain(done_by))] = root(plain(short))
        named |= {plain(o) for o in (led, done_by, funded_by) if o}
        activities.add((plain(owner), plain(activity)))
        if people:
            counts = {i: _people(row[i]) for i in people[2] if _given(row[i])}
            bad += sum(c is None for c in counts.values())
            targeted += (counts.get(people[0]) if people[0] is not None else 0) or 0
            reached += (counts.get(people[1]) if people[1] is not None else 0) or 0
    organizations = {root(n) for n in named}
    initiatives = {(root(o), a) for o, a in activities}
    return Counted(len(organizations), len(initiatives), empty, backwards, targeted, reached, bad)


def _people(cell: str) -> int | None:
    """A count of people, rounded to whole people; None for a cell that holds no count."""
    try:
        number = float(cell.replace(",", ""))
    except ValueError:
        return None
    return round(number) if number >= 0 else None


def _import(client: TestClient, auth: dict[str, str], name: str, **form: str) -> dict[str, Any]:
    """Preview, then import; the preview must have said exactly what the import did."""
    files = [("files", (name, (REAL / "3w" / name).read_bytes()))]
    preview = client.post("/import?dryRun=true", files=files, data=form, headers=auth)
    assert preview.status_code == 200, preview.text
    done = client.post("/import", files=files, data=form, headers=auth)
    assert done.status_code == 200, done.text
    report: dict[str, Any] = done.json()
    assert report == preview.json()
    return report


def _who_in(client: TestClient, country: str) -> int:
    query = f'{{ whoIsDoingWhatWhere(where: {{country: "{country}"}}, first: 1) {{ totalCount }} }}'
    body = client.post("/graphql", json={"query": query}).json()
    return int(body["data"]["whoIsDoingWhatWhere"]["totalCount"])


def _initiatives_in(client: TestClient, country: str) -> int:
    query = f'{{ initiatives(filter: {{country: "{country}"}}, first: 1) {{ totalCount }} }}'
    body = client.post("/graphql", json={"query": query}).json()
    return int(body["data"]["initiatives"]["totalCount"])


def _check(report: dict[str, Any], counted: Counted, new_organizations: int | None = None) -> None:
    """Created: each organization new to the map, each initiative, and the file's own
    source record; left out: exactly the rows naming no one or nothing."""
    organizations = counted.organizations if new_organizations is None else new_organizations
    # A date that is not one costs that date only, and is checked against the sheet apart.
    reasons = [s["reason"] for s in report["skipped"] if "is not a date" not in s["reason"]]
    assert (report["created"], len(reasons)) == (
        organizations + counted.initiatives + 1,
        counted.empty_rows + counted.backwards_rows + counted.bad_counts,
    )
    assert sum("is not counted" in r for r in reasons) == counted.bad_counts
    assert sum(r == "is empty" for r in reasons) == counted.empty_rows
    assert sum("is before the start" in r for r in reasons) == counted.backwards_rows


def test_ocha_west_and_central_africa_3w(client: TestClient, auth: dict[str, str]) -> None:
    """HXL, countries by name (Mali, Senegal), no status: every row goes in."""
    rows = _rows("ocha-rowca-3w-hxl.csv")
    report = _import(client, auth, "ocha-rowca-3w-hxl.csv")
    _check(report, _count(rows[2:], lead=1, impl=None, what=8, sector=0))
    senegal = {(plain(r[1]), plain(r[8])) for r in rows[2:] if r[12] == "Senegal"}
    assert _initiatives_in(client, "SEN") == len(senegal)
    mali = {(plain(r[1]), plain(r[8])) for r in rows[2:] if r[12] == "Mali"}
    assert _initiatives_in(client, "MLI") == len(mali)


def test_the_libhxl_sample(client: TestClient, auth: dict[str, str]) -> None:
    """Spanish headings above the hashtags, no activity column (each is named for its
    sector), countries by their Spanish names."""
    rows = _rows("libhxl-sample-hxl.csv")
    report = _import(client, auth, "libhxl-sample-hxl.csv")
    # No activity column: column 9 (past the last) reads as empty, so each is its sector.
    _check(report, _count([[*r, ""] for r in rows[3:]], lead=3, impl=None, what=9, sector=1))
    assert _initiatives_in(client, "COL") == len(
        {r[3] + r[1] for r in rows[3:] if r[6] == "Colombia"}
    )
    assert _initiatives_in(client, "PAN") == 1


def test_ocha_niger_3w_in_french(client: TestClient, auth: dict[str, str]) -> None:
    """French, hashtags on the second row, no country column (the user names Niger), a
    pivot sheet beside the data, Excel dates, statuses in mixed case."""
    rows = _rows("ocha-niger-3w-2022.xlsx")
    report = _import(client, auth, "ocha-niger-3w-2022.xlsx", country="Niger")
    counted = _count(rows[2:], lead=None, impl=1, what=10, sector=9, dates=(12, 13), acronym=0)
    _check(report, counted)
    assert _initiatives_in(client, "NER") == counted.initiatives


def test_ocha_libya_3w_with_sector_codes(client: TestClient, auth: dict[str, str]) -> None:
    """Hashtags written with spaces, sector codes (FSS, HEA), an admin-code sheet beside
    the data; the user names Libya."""
    rows = _rows("ocha-libya-3w-2021.xlsx")
    report = _import(client, auth, "ocha-libya-3w-2021.xlsx", country="LBY")
    counted = _count(rows[2:], lead=3, impl=4, what=5, sector=2)
    _check(report, counted)
    assert _initiatives_in(client, "LBY") == counted.initiatives


def test_ocha_cameroon_5w_without_hashtags(client: TestClient, auth: dict[str, str]) -> None:
    """The data sheet has plain English headings and no hashtags, about 7,000 rows; the
    second sheet has hashtags but no activities, so the first is read. Implementers are
    named by acronym and full name, and leads by acronym: one organization each."""
    rows = _rows("ocha-cameroon-5w-2021.xlsx")
    report = _import(client, auth, "ocha-cameroon-5w-2021.xlsx", country="Cameroon")
    people = (14, 15, range(14, 24))  # G. Targeted, G. Reached, ... Women > 59 Reached
    counted = _count(
        rows[1:],
        lead=0,
        impl=2,
        what=37,  # Activities; where empty, the Project Title (13) names the row
        project=13,
        sector=10,
        dates=(31, 32),
        acronym=1,
        people=people,
        funder=39,
    )
    _check(report, counted)
    assert _initiatives_in(client, "CMR") == counted.initiatives
    assert _who_in(client, "CMR") >= counted.initiatives
    # People targeted and reached, added up from the sheet's rows, on each initiative's
    # place: the totals the map holds are the sheet's own.
    reaches = [r for r in _exported(client)["relationships"] if r["type"] == "REACHES"]
    assert {r["to"] for r in reaches} == {"country:CMR"}
    assert sum(r.get("targeted") or 0 for r in reaches) == counted.targeted > 4_000_000
    assert sum(r.get("reached") or 0 for r in reaches) == counted.reached
    assert counted.bad_counts > 0  # the sheet's negative counts are listed, not added
    # Each date the report says is not one is in the sheet at that row, and is no date.
    undated = [s for s in report["skipped"] if "is not a date" in s["reason"]]
    assert undated
    for left_out in undated:
        cells = rows[int(left_out["row"].rsplit(" ", 1)[1]) - 1]
        cell = cells[31 if left_out["field"] == "#date+start" else 32]
        assert left_out["reason"] == f"'{cell}' is not a date; it is not taken"
        assert _day(cell) == ""


def _exported(client: TestClient) -> dict[str, Any]:
    done = client.get("/export?format=json")
    assert done.status_code == 200, done.text
    exported: dict[str, Any] = done.json()
    return exported


def _iati_counts(name: str) -> tuple[int, int, dict[str, int]]:
    """Activities, distinct organizations named with a role, and activities by recipient
    country, read from the XML here."""
    root = ElementTree.parse(REAL / "iati" / name).getroot()
    activities = [root] if root.tag == "iati-activity" else root.findall("iati-activity")
    names: set[str] = set()
    countries: dict[str, int] = {}
    for activity in activities:
        # Who takes part, who gives money, and who provides it in a transaction read.
        named = [o for o in activity.findall("participating-org") if o.get("role")]
        # The reporter is added when it commits or disburses money with no other provider.
        gives = any(
            t.find("provider-org") is None
            and t.find("transaction-type") is not None
            and t.find("transaction-type").get("code") in {"2", "3", "C", "D"}  # type: ignore[union-attr]
            for t in activity.findall("transaction")
        )
        named += activity.findall("reporting-org") if gives else []
        named += [
            provider
            for t in activity.findall("transaction")
            if t.findtext("transaction-type") is not None
            and t.find("transaction-type").get("code") in READ_TRANSACTIONS  # type: ignore[union-attr]
            and (provider := t.find("provider-org")) is not None
        ]
        for org in named:
            narratives = org.findall("narrative")
            english = [n for n in narratives if n.get(XML_LANG, "en") == "en"]
            text = ((english or narratives or [org])[0].text or "").strip()
            # One organization per IATI organisation identifier, whatever it is called
            # here; by name where it has none (a local number is none).
            ref = (org.get("ref") or "").strip()
            if text:
                names.add(ref if IATI_ORG_ID.match(ref) else plain(text))
        for code in {c.get("code", "").upper() for c in activity.findall("recipient-country")}:
            countries[code] = countries.get(code, 0) + 1
    return len(activities), len(names), countries


@pytest.mark.parametrize(
    "name",
    [
        "iati-standard-example-2.03.xml",
        "dfid-drc-1.01.xml",
        "maec-spain-indonesia-2.01.xml",
        "syria-relief-2.03.xml",
    ],
)
def test_iati_files_of_every_version(client: TestClient, auth: dict[str, str], name: str) -> None:
    """IATI 1.01, 2.01 and 2.03: every activity comes in, with its organizations, the
    countries it names and the documents it links (as sources, evidence about it); what
    cannot be placed (a region in a publisher's own vocabulary, an organization known only
    by a reference, a document whose address is no web address) is listed, not refused."""
    files = [("files", (name, (REAL / "iati" / name).read_bytes()))]
    preview = client.post("/import?dryRun=true", files=files, headers=auth)
    assert preview.status_code == 200, preview.text
    done = client.post("/import", files=files, headers=auth)
    assert done.status_code == 200, done.text
    report = done.json()
    assert report == preview.json()
    activities, organizations, countries = _iati_counts(name)
    documents = _document_links(name)
    assert report["created"] == activities + organizations + len(documents) + 1
    for alpha2, expected in countries.items():
        assert _initiatives_in(client, alpha2) == expected, alpha2
    reasons = [s["reason"] for s in report["skipped"]]
    assert all(
        "not placed" in r or "not added" in r or "is not an http or https address" in r
        for r in reasons
    ), reasons
    exported = _exported(client)
    linked = {r["from"] for r in exported["relationships"] if r["type"] == "EVIDENCE_ABOUT"}
    urls = {s["url"] for s in exported["sources"] if s["id"] in linked}
    assert documents <= urls


def _document_links(name: str) -> set[str]:
    """The web addresses of the documents the file's activities link (not their results'),
    read from the XML here."""
    root = ElementTree.parse(REAL / "iati" / name).getroot()
    activities = [root] if root.tag == "iati-activity" else root.findall("iati-activity")
    return {
        url
        for activity in activities
        for link in activity.findall("document-link")
        if re.match(r"^https?://\S+$", url := (link.get("url") or "").strip())
    }


def _transaction_totals(name: str, codes: set[str]) -> dict[str, float]:
    """Each activity's transactions of these types added up (an activity whose total is
    below zero, after reversals, adds nothing), by currency, read from the XML here."""
    root = ElementTree.parse(REAL / "iati" / name).getroot()
    totals: dict[str, float] = {}
    for activity in root.findall("iati-activity"):
        by_currency: dict[str, float] = {}
        for t in activity.findall("transaction"):
            kind = t.find("transaction-type")
            value = t.find("value")
            if kind is None or value is None or kind.get("code") not in codes:
                continue
            currency = value.get("currency") or activity.get("default-currency") or ""
            by_currency[currency] = by_currency.get(currency, 0.0) + float(value.text or 0)
        for currency, total in by_currency.items():
            if total >= 0:
                totals[currency] = totals.get(currency, 0.0) + total
    return totals


def _funding(client: TestClient) -> list[dict[str, Any]]:
    return [
        r for r in _exported(client)["relationships"] if r["type"] == "FUNDS" and r.get("currency")
    ]


def test_iati_money_lands_on_the_funders(client: TestClient, auth: dict[str, str]) -> None:
    """Spain's ministry reports its own commitments (2) and disbursements (3): they add up,
    activity by activity, on its FUNDS relationships, in euros, with their period; GraphQL
    shows them on the funder's participation."""
    name = "maec-spain-indonesia-2.01.xml"
    files = [("files", (name, (REAL / "iati" / name).read_bytes()))]
    done = client.post("/import", files=files, headers=auth)
    assert done.status_code == 200, done.text
    funding = _funding(client)
    assert {f["currency"] for f in funding} == {"EUR"}
    disbursed = sum(f.get("disbursed") or 0 for f in funding)
    assert round(disbursed, 2) == round(_transaction_totals(name, {"3"})["EUR"], 2) > 0
    committed = sum(f.get("committed") or 0 for f in funding)
    assert round(committed, 2) == round(_transaction_totals(name, {"2"})["EUR"], 2)
    assert all(f["period_start"] <= f["period_end"] for f in funding)
    # The activities whose commitments were reversed below zero say so in the report.
    reasons = [s["reason"] for s in done.json()["skipped"]]
    assert any("add up to below zero" in r for r in reasons)
    first = funding[0]
    query = (
        f'{{ initiative(id: "{first["to"]}") {{ participants(roles: [FUNDS]) {{ '
        "organization { id } funding { currency committed disbursed periodStart periodEnd } } } }"
    )
    answer = client.post("/graphql", json={"query": query}).json()["data"]["initiative"]
    [shown] = [p for p in answer["participants"] if p["organization"]["id"] == first["from"]]
    assert shown["funding"]["currency"] == "EUR"
    assert shown["funding"]["disbursed"] == first.get("disbursed")
    assert shown["funding"]["periodStart"] == first["period_start"]


def test_iati_money_of_an_implementer_is_not_funding(
    client: TestClient, auth: dict[str, str]
) -> None:
    """Syria Relief reports as the implementer: the income it received is the funders'
    (on their FUNDS relationship), while its own budget and expenditure are listed as left
    out, never recorded as if it funded its own work."""
    name = "syria-relief-2.03.xml"
    files = [("files", (name, (REAL / "iati" / name).read_bytes()))]
    done = client.post("/import", files=files, headers=auth)
    assert done.status_code == 200, done.text
    funding = _funding(client)
    assert all("syria-relief" not in f["from"] for f in funding)
    assert sum(f.get("disbursed") or 0 for f in funding) == _transaction_totals(name, {"1"})["GBP"]
    reasons = [s["reason"] for s in done.json()["skipped"]]
    assert sum("does not fund the activity" in r for r in reasons) == 2  # budget, expenditure


@pytest.mark.parametrize(
    "name",
    [
        "datastore--cafod-drc--v1.00.xml",
        "datastore--concern-universal--v1.0.xml",
        "datastore--sida--v1.00.xml",
        "flattener--usaid-humanitarian-datastore--v2.03.xml",
        "flattener--beis-gcrf--v2.03.xml",
        "dportal--old-datastore-mali-mixed--v2.0x.xml",
        "diterator--iom-somalia-single-activity--v2.03.xml",
        "flattener--canada-gac-dportal--v2.03.xml",
        "iati-viz--dportal-foodsecurity-mixed--v2.03.xml",
    ],
)
def test_iati_1_0_files_mixed_downloads_and_bad_codes(
    client: TestClient, auth: dict[str, str], name: str
) -> None:
    """IATI 1.0 and 1.00 (as still served), no version on the root, versions on each
    activity only, one activity with no wrapper, and codes that are not ISO 3166 among good
    ones: every activity with an identifier and a title that is not cancelled or suspended
    comes in, placed in each of its countries that ISO 3166 knows, counted from the XML."""
    root = ElementTree.parse(REAL / "iati" / name).getroot()
    activities = [root] if root.tag == "iati-activity" else root.findall("iati-activity")
    kept = [
        a
        for a in activities
        if (a.findtext("iati-identifier") or "").strip()
        and a.find("title") is not None
        and (
            a.find("activity-status") is None
            or a.find("activity-status").get("code") not in ("5", "6")
        )  # type: ignore[union-attr]
    ]
    files = [("files", (name, (REAL / "iati" / name).read_bytes()))]
    done = client.post("/import", files=files, headers=auth)
    assert done.status_code == 200, done.text
    initiatives = _exported(client)["initiatives"]
    assert sorted(i["iati_identifier"] for i in initiatives) == sorted(
        {(a.findtext("iati-identifier") or "").strip() for a in kept}
    )
    countries: dict[str, int] = {}
    for activity in kept:
        for code in {
            c.get("code", "").strip().upper() for c in activity.findall("recipient-country")
        }:
            countries[code] = countries.get(code, 0) + 1
    # Placed in the country itself (the country filter would also count activities placed
    # in a region that holds it).
    for code, expected in countries.items():
        if (country := pycountry.countries.get(alpha_2=code)) is not None:
            placed = [i for i in initiatives if country.alpha_3 in (i["countries"] or [])]
            assert len(placed) == expected, code
    bad = [code for code in countries if pycountry.countries.get(alpha_2=code) is None]
    reasons = [s["reason"] for s in done.json()["skipped"]]
    for code in bad:
        assert any(f"'{code}' is not an ISO 3166 country code" in r for r in reasons), code


def _hashtag_row(name: str) -> tuple[str, int]:
    """The sheet and row (counted from 1) where the file's hashtags are, found here as the
    first row with an #org cell."""
    book = python_calamine.CalamineWorkbook.from_path(str(REAL / "3w" / name))
    for sheet in book.sheet_names:
        rows = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        for n, row in enumerate(rows[:25], 1):
            if any(str(v).strip().startswith("#org") for v in row):
                return sheet, n
    raise AssertionError(f"{name} has no #org in its first rows")


def test_mozambique_response_tracking_hashtags_on_row_8(
    client: TestClient, auth: dict[str, str]
) -> None:
    """Mozambique's hashtags are on row 8 of its third sheet, after a title, a legend, a row
    of #VALUE! and two rows of headings (English, Portuguese), with spaces in every tag and
    a "Comments" cell; no country column, P-codes (MZ09) say Mozambique. The first
    organization column is tagged +funder: it funds the activity, which is its implementer's,
    or the funder's where the row names no implementer."""
    sheet, row = _hashtag_row("covid-viz--ocha-moz-response-tracking-2019.xlsx")
    rows = _rows("covid-viz--ocha-moz-response-tracking-2019.xlsx", sheet)
    report = _import(client, auth, "covid-viz--ocha-moz-response-tracking-2019.xlsx")
    counted = _count(
        rows[row:],
        lead=None,
        impl=5,
        what=8,
        sector=7,
        dates=(26, 27),
        people=(22, 24, [22, 24]),
        funder=3,
    )
    _check(report, counted)
    for left_out in report["skipped"]:
        assert left_out["row"].startswith(f"sheet {sheet}, row "), left_out
        assert int(left_out["row"].rsplit(" ", 1)[1]) > row, left_out
    assert _initiatives_in(client, "MOZ") == counted.initiatives
    reaches = [r for r in _exported(client)["relationships"] if r["type"] == "REACHES"]
    assert sum(r.get("reached") or 0 for r in reaches) == counted.reached > 0


def _presence_check(
    client: TestClient, report: dict[str, Any], counted: Counted, country: str, areas: set[str]
) -> None:
    """A presence sheet's records: each organization's work in a sector is one presence
    record in the country, working in every area its rows name."""
    _check(report, counted)
    assert _initiatives_in(client, country) == counted.initiatives
    initiatives = _exported(client)["initiatives"]
    assert {i["kind"] for i in initiatives} == {"presence"}
    assert {a for i in initiatives for a in i["areas"] or []} == areas


def _areas(rows: list[list[str]], *columns: int) -> set[str]:
    return {_given(r[c]) for r in rows for c in columns if _given(r[c])}


def test_sudan_operational_presence(client: TestClient, auth: dict[str, str]) -> None:
    """Sudan: organization x sector x state x locality, no activity column, a tab inside
    `#sector`, no codes at all (the user names Sudan): a presence record per organization
    and sector."""
    rows = _rows("covid-viz--ocha-sdn-3w-2020.xlsx")
    report = _import(client, auth, "covid-viz--ocha-sdn-3w-2020.xlsx", country="SDN")
    counted = _count(rows[2:], lead=4, impl=None, what=None, sector=2, presence=True)
    _presence_check(client, report, counted, "SDN", _areas(rows[2:], 0, 1))


def test_central_african_republic_presence_by_p_codes(
    client: TestClient, auth: dict[str, str]
) -> None:
    """CAR, in French: no activity and no country column; P-codes (CF21) say the Central
    African Republic, untagged columns are read by their headings (TYPE_ORG)."""
    rows = _rows("covid-viz--ocha-caf-3w-q1-2022.xlsx")
    report = _import(client, auth, "covid-viz--ocha-caf-3w-q1-2022.xlsx")
    counted = _count(rows[2:], lead=5, impl=None, what=None, sector=4, presence=True)
    _presence_check(client, report, counted, "CAF", _areas(rows[2:], 0, 2))
    types = {o["type"] for o in _exported(client)["organizations"]}
    assert {"ngo", "un_agency"} <= types


def test_south_sudan_presence_with_the_hashtags_as_header(
    client: TestClient, auth: dict[str, str]
) -> None:
    """South Sudan's operational presence: the hashtags are the header row, a tag ends in
    "?", no sector is tagged, P-codes (SS01) say South Sudan: one presence record per
    organization (by its full name), in every county its rows name."""
    rows = _rows("covid-viz--ocha-ssd-3w-op-q1-2022.xlsx")
    report = _import(client, auth, "covid-viz--ocha-ssd-3w-op-q1-2022.xlsx")
    counted = _count(rows[1:], lead=1, impl=None, what=None, sector=None, presence=True)
    _presence_check(client, report, counted, "SSD", _areas(rows[1:], 4, 6))


def test_yemen_education_5w_tagged_in_its_first_columns(
    client: TestClient, auth: dict[str, str]
) -> None:
    """Yemen's Education Cluster 5W: the data on the third of five sheets (lists, lookups
    and a pivot around it), English and Arabic headings, only organization and places
    tagged: a presence record per organization, P-codes (YE15) saying Yemen."""
    rows = _rows("covid-viz--yem-education-cluster-5w-2019.xlsx", 2)
    report = _import(client, auth, "covid-viz--yem-education-cluster-5w-2019.xlsx")
    counted = _count(rows[2:], lead=0, impl=None, what=None, sector=None, presence=True)
    _presence_check(client, report, counted, "YEM", _areas(rows[2:], 2, 4))


def test_iraq_long_table_a_partner_category_is_no_partner(
    client: TestClient, auth: dict[str, str]
) -> None:
    """Iraq: a metadata sheet first, the data sheet's name ending in a space, no activity
    (so presence, by organization and cluster), P-codes (IQG01) saying Iraq, and a column
    tagged `#org +impl` that holds the partner's category ("Primary"), which its heading
    says: no organization is made of it."""
    rows = _rows("covid-viz--ocha-irq-3w-jan-apr2022.xlsx", 1)
    report = _import(client, auth, "covid-viz--ocha-irq-3w-jan-apr2022.xlsx")
    counted = _count(rows[2:], lead=14, impl=None, what=None, sector=10, presence=True)
    _presence_check(client, report, counted, "IRQ", _areas(rows[2:], 2, 4, 6))
    names = {plain(o["name"]) for o in _exported(client)["organizations"]}
    assert not names & {plain(r[12]) for r in rows[2:]}


def test_nigeria_3w_by_p_codes(client: TestClient, auth: dict[str, str]) -> None:
    """Nigeria's North-East 3W: organization by name beside its acronym, activities and
    clusters tagged, no country column; admin P-codes with two prefixes (NGA036,
    NG036002) both say Nigeria."""
    rows = _rows("covid-viz--ocha-nga-3w-aug2021.xlsx")
    report = _import(client, auth, "covid-viz--ocha-nga-3w-aug2021.xlsx")
    counted = _count(rows[2:], lead=1, impl=None, what=5, sector=4)
    _check(report, counted)
    assert _initiatives_in(client, "NGA") == counted.initiatives


def test_colombia_345w_tags_and_spanish_headings(client: TestClient, auth: dict[str, str]) -> None:
    """Colombia's 345W: lead by acronym (`#org+leader`), the implementer's full name in an
    untagged column read by its Spanish heading beside its tagged acronym (one
    organization), dates in untagged columns with long Spanish headings (empty here), people reached."""
    rows = _rows("covid-viz--ocha-col-345w-2021.xlsx")
    report = _import(client, auth, "covid-viz--ocha-col-345w-2021.xlsx")
    counted = _count(
        rows[2:],
        lead=6,
        impl=7,
        acronym=8,
        what=13,
        project=4,
        sector=10,
        dates=(29, 30),
        people=(None, 45, [45]),
    )
    _check(report, counted)
    assert _initiatives_in(client, "COL") == counted.initiatives
    reaches = [r for r in _exported(client)["relationships"] if r["type"] == "REACHES"]
    assert sum(r.get("reached") or 0 for r in reaches) == counted.reached > 0
    # Its status words are Spanish ("En ejecución"): read, not left unknown.
    assert "active" in {i["status"] for i in _exported(client)["initiatives"]}


def test_guatemala_345w_partly_tagged_csv(client: TestClient, auth: dict[str, str]) -> None:
    """Guatemala (ROLAC's 345W, CSV): 9 of 49 columns tagged, the country as `#adm0`; the
    activity, dates and status in untagged columns read by their Spanish headings; a row
    naming no activity and rows ending in 1970 before they start are left out."""
    rows = _rows("covid-viz--ocha-rolac-gtm-345w-2021.csv")
    report = _import(client, auth, "covid-viz--ocha-rolac-gtm-345w-2021.csv")
    counted = _count(
        rows[2:], lead=6, impl=None, what=21, project=3, sector=18, dates=(26, 27), funder=5
    )
    _check(report, counted)
    assert counted.backwards_rows > 0
    assert _initiatives_in(client, "GTM") == counted.initiatives
    statuses = {i["status"] for i in _exported(client)["initiatives"]}
    assert "active" in statuses


def test_dr_congo_3w_without_hashtags_after_six_pivots(
    client: TestClient, auth: dict[str, str]
) -> None:
    """DR Congo: no hashtags anywhere, French headings (`Nom acteur`, `Nom du projet*`,
    `Date de début*`), the data on the seventh of eight sheets (`DATA-FINAL`, after six
    pivots, before a shorter copy), P-codes (CD74) saying DR Congo."""
    rows = _rows("covid-viz--ocha-cod-3w-jan2022.xlsx", "DATA-FINAL")
    report = _import(client, auth, "covid-viz--ocha-cod-3w-jan2022.xlsx")
    counted = _count(
        rows[1:],
        lead=15,
        impl=None,
        what=None,
        project=1,
        sector=11,
        dates=(2, 3),
        people=(17, None, [17]),
    )
    _check(report, counted)
    assert _initiatives_in(client, "COD") == counted.initiatives
    assert all(s["row"].startswith("sheet DATA-FINAL, row ") for s in report["skipped"])


def _organizations_created(client: TestClient) -> int:
    return len(_exported(client)["organizations"])
