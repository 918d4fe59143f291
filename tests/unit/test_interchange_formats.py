"""Reading files without the database: the map's CSV (columns, lists, defused formulas),
HXL hashtag matching, organization types, and the IATI mappings."""

from pathlib import Path

import pytest

from service.config import PROJECT_ROOT
from service.editing.duplicates import KnownOrganization
from service.errors import ImportInvalid, SeedInvalid
from service.interchange import hxl, iati, native
from service.interchange.iati_codes import IATI_CODES, codelist, load_iati_codes
from service.interchange.organizations import OrganizationIndex
from service.interchange.rows import columns
from service.interchange.sheets import looks_like_3w
from service.interchange.vocabulary import load_vocabulary

CITING = hxl.Citing("source:test", "Findings")
VOCABULARY = load_vocabulary(PROJECT_ROOT / "seed")
THEMES = {"forced labour": "theme:forced-labour", "child labour": "theme:child-labour"}


def test_csv_cells_split_lists_and_formulas_survive_a_round_trip() -> None:
    record = {
        "id": "organization:x",
        "name": "=HYPERLINK(1)",
        "type": "ngo",
        "based_in": ["PER", "BOL"],
    }
    text = native.write_csv("organization", [record])
    assert text.splitlines()[0] == ",".join(columns("organization"))
    assert "'=HYPERLINK(1)" in text  # a spreadsheet shows it as text
    [row] = native.read_csv("organizations.csv", text)
    assert row.values["name"] == "=HYPERLINK(1)"
    assert row.values["based_in"] == ["PER", "BOL"]
    assert row.values["acronym"] is None


def test_csv_headers_and_file_names_are_checked() -> None:
    with pytest.raises(ImportInvalid) as raised:
        native.read_csv("organizations.csv", "id,name,colour\n")
    assert [p.field for p in raised.value.problems] == ["colour"]
    with pytest.raises(ImportInvalid, match="this column is needed"):
        native.read_csv("relationships.csv", "from,type\n")
    with pytest.raises(ImportInvalid, match="name the file for what it holds"):
        native.read_csv("contacts.csv", "id\n")


def test_hxl_columns_are_found_by_hashtag_and_attributes_in_any_order() -> None:
    text = (
        "#date +end,#org+impl,#ORG,#activity,#country+code,#sector,#status,#org +type\n"
        "2027,Field Partner,New Org,Survey,PE,Child labour,ongoing,ngo\n"
    )
    assert looks_like_3w("three_w.csv", text, VOCABULARY)
    rows = hxl.read_3w("w.csv", text.encode(), CITING, OrganizationIndex([]), THEMES, VOCABULARY)
    orgs = {r.values["id"]: r.values["type"] for r in rows if r.kind == "organization"}
    # A type not given is "unknown", shown as such, not a refusal.
    assert orgs == {"organization:new-org": "ngo", "organization:field-partner": "unknown"}
    [activity] = [r for r in rows if r.kind == "initiative"]
    assert activity.values["end"] == "2027"
    assert activity.values["themes"] == ["theme:child-labour"]
    roles = {(r.values["from"], r.values["type"]) for r in rows if r.kind is None}
    assert roles == {
        ("organization:new-org", "LEADS"),
        ("organization:field-partner", "IMPLEMENTS"),
    }


def test_a_3w_table_without_who_what_or_where_is_refused() -> None:
    def read(text: str, country: str | None = None) -> object:
        options = hxl.SheetOptions(country=country)
        index = OrganizationIndex([])
        return hxl.read_3w("w.csv", text.encode(), CITING, index, THEMES, VOCABULARY, options)

    with pytest.raises(ImportInvalid, match="needs a column saying what"):
        read("#org,#status\nA,B\n")
    with pytest.raises(ImportInvalid, match="no country column and no P-codes"):
        read("#org,#activity\nA,B\n")
    with pytest.raises(ImportInvalid, match="'Narnia' is not a country name or ISO code"):
        read("#org,#activity\nA,B\n", country="Narnia")
    assert read("#org,#activity\nA,B\n", country="Niger")
    assert not looks_like_3w("organizations.csv", "id,name\nx,y\n", VOCABULARY)


def test_organizations_are_found_by_name_or_acronym_whatever_the_accents() -> None:
    index = OrganizationIndex(
        [KnownOrganization("organization:oit", "Organización Internacional del Trabajo", "OIT")]
    )
    origin = native.read_csv("organizations.csv", "id\norganization:x\n")[0]
    assert (
        index.resolve("organizacion internacional del trabajo", None, origin, {})
        == "organization:oit"
    )
    assert index.resolve("O.I.T.", None, origin, {}) == "organization:oit"
    someone = VOCABULARY.organization_type("INGO")
    assert index.resolve("Someone New", someone, origin, {}) == "organization:someone-new"
    assert index.new["organization:someone-new"].values["type"] == "ngo"
    assert VOCABULARY.organization_type("UN agency") == "un_agency"
    assert VOCABULARY.organization_type("un_agency") == "un_agency"
    assert VOCABULARY.organization_type("ONG Internationale") == "ngo"
    assert VOCABULARY.organization_type("choir") == "unknown"


def test_iati_roles_statuses_and_dates_follow_the_codelists() -> None:
    xml = b"""<iati-activities version="2.03"><iati-activity>
      <iati-identifier>XM-1</iati-identifier>
      <title><narrative xml:lang="fr">Titre</narrative><narrative xml:lang="en">Title</narrative></title>
      <participating-org role="3" type="80"><narrative>Some University</narrative></participating-org>
      <activity-status code="4"/>
      <activity-date type="1" iso-date="2020-01-01"/><activity-date type="4" iso-date="2022-06-30"/>
      <activity-date type="3" iso-date="2021-12-31"/>
      <sector vocabulary="7" code="8"/>
    </iati-activity></iati-activities>"""
    rows = iati.read_activities("a.xml", xml, CITING, OrganizationIndex([]), THEMES, VOCABULARY)
    [org, activity, role] = rows
    assert org.values["type"] == "academic"
    v = activity.values
    assert (v["name"], v["status"], v["start"], v["end"]) == (
        "Title",
        "completed",
        "2020-01-01",
        "2022-06-30",
    )
    assert v["sdg_targets"] == []
    assert role.values["type"] == "PARTNERS_IN"


def test_iati_versions_as_files_write_them() -> None:
    """1.0 and 1.00 (still served) are the first publication, read as 1.01; a later 1.x or
    2.x the map does not list is read as the last of its series; no version is none."""
    read = {
        given: iati.standard_version(given)
        for given in ("1", "1.0", "1.00", " 1.00 ", "1.01", "1.03", "1.06", "2", "2.03", "2.04")
    }
    assert read == {
        "1": "1.01",
        "1.0": "1.01",
        "1.00": "1.01",
        " 1.00 ": "1.01",
        "1.01": "1.01",
        "1.03": "1.03",
        "1.06": "1.05",
        "2": "2.01",
        "2.03": "2.03",
        "2.04": "2.03",
    }
    assert [iati.standard_version(v) for v in (None, "", "3.0", "banana")] == [None] * 4


def test_iati_files_of_another_shape_are_refused() -> None:
    for data, message in (
        (b"<iati-organisations/>", "expected <iati-activities>"),
        (
            b'<!DOCTYPE x [<!ENTITY e "boom">]><iati-activities>&e;</iati-activities>',
            "not readable XML",
        ),
    ):
        with pytest.raises(ImportInvalid, match=message):
            iati.read_activities("a.xml", data, CITING, OrganizationIndex([]), THEMES, VOCABULARY)


def test_files_read_together_add_a_new_organization_once() -> None:
    index = OrganizationIndex([])
    table = "#org,#org+type,#activity,#country+code\nRiver Aid,ngo,{},PE\n"
    first = hxl.read_3w("a.csv", table.format("Boats").encode(), CITING, index, THEMES, VOCABULARY)
    second = hxl.read_3w("b.csv", table.format("Nets").encode(), CITING, index, THEMES, VOCABULARY)
    assert [r.values["id"] for r in first if r.kind == "organization"] == ["organization:river-aid"]
    assert [r for r in second if r.kind == "organization"] == []
    leads = {r.values["from"] for r in second if r.kind is None}
    assert leads == {"organization:river-aid"}


def test_an_iati_identifier_is_matched_before_a_name() -> None:
    """The same identifier under another spelling is one organization; the same name
    under another identifier is another one, never merged into the first."""
    index = OrganizationIndex(
        [
            KnownOrganization(
                "organization:dfid", "Department for International Development", None, "GB-1"
            )
        ]
    )
    origin = native.read_csv("organizations.csv", "id\norganization:x\n")[0]
    assert index.resolve("DFID (UK)", "government", origin, {}, ref="GB-1") == "organization:dfid"
    other = index.resolve(
        "Department for International Development", "government", origin, {}, ref="XM-99"
    )
    assert other != "organization:dfid"
    assert index.resolve("Anything", "ngo", origin, {}, ref="XM-99") == other
    [added] = index.added_after(0)
    assert added.values["iati_ref"] == "XM-99"


def test_iati_codes_come_from_iatis_codelists_and_none_falls_through(tmp_path: Path) -> None:
    """The codes are IATI's own (pyIATI's data): the codes the old hand tables missed
    (regions 389 and 689, organisation type 90) are there, and a table that leaves out a
    code IATI lists, or names one it does not, is refused with the code named."""
    assert codelist("Region")["389"] == "North & Central America, regional"
    assert codelist("OrganisationType")["90"] == "Other"
    codes = VOCABULARY.iati
    assert codes.regions["689"].regions == ("region:un-southern-asia", "region:un-central-asia")
    assert codes.organisation_types["90"] == "unknown"
    assert set(codes.organisation_types) == set(codelist("OrganisationType"))
    assert set(codes.regions) == set(codelist("Region"))
    table = (PROJECT_ROOT / "seed" / IATI_CODES).read_text(encoding="utf-8")
    broken = table.replace('  "90": unknown ', '  "91": unknown ')
    (tmp_path / IATI_CODES).write_text(broken, encoding="utf-8")
    with pytest.raises(SeedInvalid) as refused:
        load_iati_codes(tmp_path)
    named = {(p.record, p.field) for p in refused.value.problems}
    assert named == {("organisation_types", "91"), ("organisation_types", "90")}


def test_iati_sectors_by_code_budgets_and_transactions() -> None:
    """A DAC code names its sector through IATI's codelist (15180 is ending violence
    against women and girls, a gender theme in seed/sector_themes.yaml); one that stands for
    no theme is kept by name; money lands on the funder's FUNDS row, a revised budget
    replacing the original of its period, reversals netted, another currency left out."""
    xml = b"""<iati-activities version="2.03"><iati-activity default-currency="EUR">
      <iati-identifier>XM-2</iati-identifier>
      <reporting-org ref="XM-DAC-7" type="10"><narrative>Donor Ministry</narrative></reporting-org>
      <title><narrative>Safe work</narrative></title>
      <participating-org role="1" ref="XM-DAC-7" type="10"><narrative>Donor Ministry</narrative></participating-org>
      <participating-org role="4" type="22"><narrative>Local NGO</narrative></participating-org>
      <activity-status code="2"/>
      <sector vocabulary="1" code="15180"/>
      <sector vocabulary="1" code="21010"/>
      <budget type="1"><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value>100</value></budget>
      <budget type="2"><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value>150</value></budget>
      <budget type="1"><period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/><value>50</value></budget>
      <transaction><transaction-type code="2"/><transaction-date iso-date="2024-02-01"/><value>300</value></transaction>
      <transaction><transaction-type code="2"/><transaction-date iso-date="2024-03-01"/><value>-100</value></transaction>
      <transaction><transaction-type code="3"/><transaction-date iso-date="2024-04-01"/><value currency="USD">9</value></transaction>
      <transaction><transaction-type code="5"/><value>1</value></transaction>
    </iati-activity></iati-activities>"""
    rows = iati.read_activities("b.xml", xml, CITING, OrganizationIndex([]), THEMES, VOCABULARY)
    [activity] = [r for r in rows if r.kind == "initiative"]
    assert activity.values["themes"] == []  # theme:gender is not among THEMES here
    assert activity.values["sectors"] == [
        "Ending violence against women and girls",
        "Transport policy and administrative management",
    ]
    assert activity.values["iati_identifier"] == "XM-2"
    [funds] = [r.values for r in rows if r.values.get("type") == "FUNDS"]
    assert funds["from"] == "organization:donor-ministry"
    assert (funds["budget"], funds["committed"], funds["currency"]) == (200.0, 200.0, "EUR")
    assert (funds["period_start"], funds["period_end"]) == ("2024-01-01", "2025-12-31")
    assert "disbursed" not in funds
    reasons = [reason for r in rows for _, reason in r.skipped]
    assert any("is in USD, beside EUR" in r for r in reasons)
    assert any("Interest Payment" in r for r in reasons)
