"""3W sheets as the field writes them, read without the database: headings in English,
French, Spanish and Portuguese instead of hashtags, partly tagged sheets, the data sheet of
a workbook among pivots (an .xls file), operational presence without an activity column,
the country from P-codes, aggregate tables refused, and numbers with decimal commas."""

from pathlib import Path
from typing import Any

import pytest

from service.config import PROJECT_ROOT
from service.errors import ImportInvalid
from service.interchange import hxl
from service.interchange.organizations import OrganizationIndex
from service.interchange.people import count, number_text
from service.interchange.rows import Row
from service.interchange.vocabulary import load_vocabulary

GOOD = Path(__file__).resolve().parent.parent / "data" / "interchange" / "good"
CITING = hxl.Citing("source:test", "Findings")
VOCABULARY = load_vocabulary(PROJECT_ROOT / "seed")
THEMES = {"forced labour": "theme:forced-labour"}


def _read(name: str, data: bytes, country: str | None = None) -> list[Row]:
    options = hxl.SheetOptions(country=country)
    index = OrganizationIndex([])
    return hxl.read_3w(name, data, CITING, index, THEMES, VOCABULARY, options)


def _initiatives(rows: list[Row]) -> dict[str, dict[str, Any]]:
    return {r.values["name"]: r.values for r in rows if r.kind == "initiative"}


def _organizations(rows: list[Row]) -> set[str]:
    return {r.values["name"] for r in rows if r.kind == "organization"}


def test_portuguese_spanish_and_french_headings_without_hashtags() -> None:
    portuguese = (
        "Organização líder;Atividade;Setor;Província;País;Data de início;Data final\n"
        "Cruz Vermelha;Distribuição de kits;Abrigo;Sofala;Moçambique;15/03/2019;30/06/2019\n"
    )
    [kits] = _initiatives(_read("pt.csv", portuguese.encode())).values()
    assert (kits["name"], kits["countries"], kits["areas"]) == (
        "Distribuição de kits",
        ["MOZ"],
        ["Sofala"],
    )
    assert (kits["start"], kits["end"]) == ("2019-03-15", "2019-06-30")
    spanish = (
        "Organización;Actividad;Departamento;Estatus\nNRC;Kits escolares;Antioquia;En ejecución\n"
    )
    [school] = _initiatives(_read("es.csv", spanish.encode(), "COL")).values()
    assert (school["status"], school["areas"]) == ("active", ["Antioquia"])


def test_a_partly_tagged_sheet_reads_its_untagged_columns_by_their_headings() -> None:
    text = (
        "ORGANIZACIÓN IMPLEMENTADORA,PAÍS,ACTIVIDAD,FECHA DE INICIO,FECHA DE FINALIZACIÓN\n"
        "#org +name,#adm0 +name,,,\n"
        "The Shalom Foundation,Guatemala,Nutrición,04/06/2021,01/08/2021\n"
    )
    [food] = _initiatives(_read("gtm.csv", text.encode())).values()
    assert (food["name"], food["countries"]) == ("Nutrición", ["GTM"])
    assert (food["start"], food["end"]) == ("2021-06-04", "2021-08-01")


def test_an_xls_workbook_its_data_sheet_after_a_pivot_and_french_headings() -> None:
    """An .xls file: a pivot sheet first, then the data with French headings and no
    hashtags, P-codes (CD74) naming DR Congo, people with a fraction, one row ending
    before it starts."""
    rows = _read("headings_fr.xls", (GOOD / "headings_fr.xls").read_bytes())
    initiatives = _initiatives(rows)
    assert set(initiatives) == {"MAS"}
    mas = initiatives["MAS"]
    assert (mas["kind"], mas["countries"]) == ("project", ["COD"])
    assert sorted(mas["areas"]) == ["Sud-Kivu", "Tanganyika"]
    assert (mas["start"], mas["end"]) == ("2021-10-01", "2022-06-30")
    assert _organizations(rows) == {"International Rescue Committee"}
    [org] = [r for r in rows if r.kind == "organization"]
    assert org.values["type"] == "ngo"
    left_out = [(r.where, reason) for r in rows for _, reason in r.skipped]
    assert left_out == [("sheet DATA, row 4", "2021-01-01 is before the start, 2022-01-01")]
    [reached] = [r for r in rows if r.values.get("type") == "REACHES"]
    assert reached.values["targeted"] == 1250 + 600  # 600.5 rounds to even


def test_operational_presence_is_a_presence_record_in_the_country_of_its_p_codes() -> None:
    text = (
        "#org+name,#org+type,#sector,#adm1+name,#adm1+code\n"
        "ACF,ONG internationale,WASH,Ouham,CF32\n"
        "ACF,ONG internationale,WASH,Kemo,CF41\n"
        "ACF,ONG internationale,Nutrition,Ouham,CF32\n"
        "UNICEF,Nations Unies,,Ouham,CF32\n"
    )
    rows = _read("caf.csv", text.encode())
    initiatives = _initiatives(rows)
    assert set(initiatives) == {
        "WASH (operational presence)",
        "Nutrition (operational presence)",
        "Operational presence",
    }
    assert {i["kind"] for i in initiatives.values()} == {"presence"}
    assert {c for i in initiatives.values() for c in i["countries"]} == {"CAF"}
    assert sorted(initiatives["WASH (operational presence)"]["areas"]) == ["Kemo", "Ouham"]
    types = {r.values["name"]: r.values["type"] for r in rows if r.kind == "organization"}
    assert types == {"ACF": "ngo", "UNICEF": "un_agency"}


def test_p_codes_of_two_countries_name_none() -> None:
    text = "#org,#sector,#adm1+code\nA,WASH,CF32\nB,WASH,CD74\n"
    with pytest.raises(ImportInvalid, match="no P-codes naming one"):
        _read("two.csv", text.encode())


def test_an_aggregate_table_is_refused_saying_it_names_no_organization() -> None:
    text = "Province,Education,Santé,Total général\nTanganyika,3,4,7\nSud-Kivu,1,2,3\n"
    with pytest.raises(ImportInvalid, match="no column names an organization") as refused:
        _read("pivot.csv", text.encode(), "COD")
    assert "aggregate table" in str(refused.value)


def test_numbers_with_decimal_commas() -> None:
    assert number_text("1.234,5") == "1234.5"
    assert number_text("12,5") == "12.5"
    assert number_text("1,234") == "1234"
    assert number_text("1,234", decimal_comma=True) == "1.234"
    assert number_text("1.234", decimal_comma=True) == "1234"
    assert number_text("1 234 567") == "1234567"
    assert count("2,6") == 3
    text = "#org;#activity;#country;#reached\nA;Kits;Niger;1,6\nA;Kits;Niger;1.000,4\n"
    [reached] = [r for r in _read("semi.csv", text.encode()) if r.values.get("type") == "REACHES"]
    assert reached.values["reached"] == 2 + 1000
