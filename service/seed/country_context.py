"""Risk and response context for countries, from `seed/need/`: the US Department of Labor's
2016 list of goods produced with child or forced labour, and the US State Department's
Trafficking in Persons tiers (2001 to 2015). Both are context, not prevalence: they never
enter need or gaps, and both are old editions, which every answer names."""

from dataclasses import dataclass, field
from pathlib import Path

from service.errors import Problem
from service.seed.country_need import read_rows

GOODS_FILE = "need/usdol_goods_list_2016_by_country_good.csv"
TIERS_FILE = "need/ustip_tiers_2001_2015_by_country_year.csv"
GOODS_SOURCE = "source:usdol-goods-list-2016"
TIERS_SOURCE = "source:us-tip-tiers-2001-2015"
GOODS_YEAR = 2016


@dataclass
class CountryContext:
    """What the two lists say of one country (ISO alpha-3)."""

    child_labour_goods: list[str] = field(default_factory=list)
    forced_labour_goods: list[str] = field(default_factory=list)
    tiers: dict[int, str] = field(default_factory=dict)  # report year -> tier

    def props(self) -> dict[str, object]:
        found: dict[str, object] = {}
        if self.child_labour_goods or self.forced_labour_goods:
            found["goods_child_labour"] = sorted(self.child_labour_goods)
            found["goods_forced_labour"] = sorted(self.forced_labour_goods)
            found["goods_list_year"] = GOODS_YEAR
        if self.tiers:
            found["tip_tiers"] = [f"{year}: {tier}" for year, tier in sorted(self.tiers.items())]
        return found


def read_context(directory: Path, problems: list[Problem]) -> dict[str, CountryContext]:
    found: dict[str, CountryContext] = {}
    for row in read_rows(directory / GOODS_FILE, problems):
        context = found.setdefault(row["iso3"].strip().upper(), CountryContext())
        good = row["good"].strip()
        if row.get("child_labor") == "True":
            context.child_labour_goods.append(good)
        if row.get("forced_labor") == "True":
            context.forced_labour_goods.append(good)
    for n, row in enumerate(read_rows(directory / TIERS_FILE, problems), 2):
        try:
            year = int(row["report_year"])
        except ValueError:
            problems.append(Problem(TIERS_FILE, f"row {n}", "report_year", "is not a year"))
            continue
        # The compilation writes the watch list two ways; the report's own words are kept.
        tier = "Tier 2 Watch List" if row["tier"] == "Watchlist" else row["tier"]
        found.setdefault(row["iso3"].strip().upper(), CountryContext()).tiers[year] = tier
    return found
