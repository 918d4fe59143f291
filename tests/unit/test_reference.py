from service.config import PROJECT_ROOT
from service.seed import reference
from service.seed.files import read_seed


def test_every_country_has_codes_and_regions() -> None:
    nodes, _ = reference.countries_and_regions()
    countries = {n.id: n.props for n in nodes if n.id.startswith("country:")}
    assert len(countries) == 249
    argentina = countries["country:ARG"]
    assert (argentina["iso2"], argentina["m49"]) == ("AR", "032")
    assert (argentina["un_region"], argentina["un_sub_region"]) == ("Americas", "South America")
    assert argentina["ilo_region"] == "Americas"


def test_ilo_regions_follow_the_rule() -> None:
    assert reference.ilo_region("JOR", "Asia", "Western Asia") == "Arab States"
    assert reference.ilo_region("KAZ", "Asia", "Central Asia") == "Europe and Central Asia"
    assert reference.ilo_region("TUR", "Asia", "Western Asia") == "Europe and Central Asia"
    assert reference.ilo_region("KHM", "Asia", "South-eastern Asia") == "Asia and the Pacific"
    assert reference.ilo_region("FJI", "Oceania", "Melanesia") == "Asia and the Pacific"
    assert reference.ilo_region("ATA", None, None) is None


def test_all_169_targets_in_17_goals() -> None:
    nodes, links = reference.sdgs(read_seed(PROJECT_ROOT / "seed").sdg)
    targets = [n for n in nodes if n.id.startswith("sdg-target:")]
    assert len([n for n in nodes if n.id.startswith("sdg:")]) == 17
    assert len(targets) == 169
    assert {"sdg-target:8.7", "sdg-target:17.19", "sdg-target:1.b"} <= {t.id for t in targets}
    part_of = {(link.source_id, link.target_id) for link in links if link.type == "PART_OF"}
    assert ("sdg-target:8.10", "sdg:8") in part_of
