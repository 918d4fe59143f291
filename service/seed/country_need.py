"""Reading the country figures of `seed/need/` (CSV files kept as published, with their
origin): one row per country and figure set, a blank cell meaning the publisher gives no
figure, never zero. People are the file's own count, or the rate times the population the
set names (children in child labour: UNICEF's rate times its population aged 5-17, which is
its under-18 population less its under-5 population). Each figure carries the data year of
its own row (the file's year column), never the edition's: where a row gives a period and not
a year (UNICEF's most recent survey in 2013-2021), the year is unknown and the period is kept,
with the publisher's flag for a figure from outside it. Every problem names the file, row and
column."""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pycountry

from service.errors import Problem
from service.seed.models import CountryFigures


@dataclass(frozen=True)
class CountryFigure:
    iso3: str
    rate: float
    people: int | None
    flag: str | None
    origin: str  # the public copy the row was taken from: repository @ commit : path
    # The year its data describe, from its own row; None where the row gives a period.
    data_year: int | None
    # Where the year is not given: the years the figure may come from, in words and as
    # the first and last year (for ordering and year filters).
    data_period: str | None = None
    data_year_from: int | None = None
    data_year_to: int | None = None


@dataclass(frozen=True)
class CountrySet:
    figures: CountryFigures
    rows: list[CountryFigure]
    # Codes in the file the map has no country for (Kosovo's user-assigned XKX).
    not_on_map: list[str]


def read_country_sets(
    directory: Path, sets: list[CountryFigures], problems: list[Problem]
) -> list[CountrySet]:
    return [_read(directory, figures, problems) for figures in sets]


def read_rows(path: Path, problems: list[Problem]) -> list[dict[str, str]]:
    """A CSV file of `seed/need/` as rows by column name; a missing file is a problem."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except FileNotFoundError:
        problems.append(Problem(path.name, None, None, "the file is missing"))
        return []


def _read(directory: Path, figures: CountryFigures, problems: list[Problem]) -> CountrySet:
    path = directory / figures.file
    population = _population(directory, figures, problems)
    rows: list[CountryFigure] = []
    not_on_map: list[str] = []
    for n, row in enumerate(read_rows(path, problems), 2):
        where = f"row {n} ({row.get('iso3')})"
        rate = _number(row.get(figures.rate), path.name, where, figures.rate, problems)
        if rate is None:
            continue  # the publisher gives no figure for this country
        iso3 = (row.get("iso3") or "").strip().upper()
        if pycountry.countries.get(alpha_3=iso3) is None:
            not_on_map.append(iso3)
            continue
        people: float | None = None
        if figures.people:
            people = _number(row.get(figures.people), path.name, where, figures.people, problems)
        elif figures.people_from and iso3 in population:
            people = rate / 100 * population[iso3] if "%" in figures.unit else None
        origin = f"{row.get('source_repo')} @ {row.get('source_commit')} : {row.get('source_path')}"
        flag = (row.get(figures.flag) or "").strip() or None if figures.flag else None
        year = _year(row.get(figures.year_column), figures, flag)
        if year is None:
            problems.append(
                Problem(path.name, where, figures.year_column, "gives neither a year nor a period")
            )
            continue
        rows.append(
            CountryFigure(
                iso3, rate, None if people is None else round(people), flag, origin, *year
            )
        )
    return CountrySet(figures, rows, not_on_map)


_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_PERIOD = re.compile(r"(\d{4})\s*-\s*(\d{4})")
Year = tuple[int | None, str | None, int | None, int | None]


def _year(text: str | None, figures: CountryFigures, flag: str | None) -> Year | None:
    """A row's data year as published (year, period, first year, last year): its year, or,
    where the row gives a period (a survey year in 2013-2021, not said by country), no year
    and that period; a figure the publisher flags as from outside the period says so."""
    given = (text or "").strip()
    if match := _YEAR.match(given):
        return int(match.group(1)), None, None, None
    period = _PERIOD.search(given)
    if period is None:
        return None
    first, last = int(period.group(1)), int(period.group(2))
    outside = figures.outside_flag
    if outside and flag and outside in [f.strip() for f in flag.split(",")]:
        said = f"a year outside {first}-{last}, not given by country (flag {outside})"
        return None, said, None, None
    return None, f"a year in {first}-{last}, not given by country", first, last


def _population(
    directory: Path, figures: CountryFigures, problems: list[Problem]
) -> dict[str, float]:
    """The population each rate applies to, by country, in people."""
    given = figures.people_from
    if given is None:
        return {}
    path = directory / given.file
    found: dict[str, float] = {}
    for n, row in enumerate(read_rows(path, problems), 2):
        where = f"row {n} ({row.get('iso3')})"
        total = _number(row.get(given.column), path.name, where, given.column, problems)
        less = (
            _number(row.get(given.less), path.name, where, given.less, problems)
            if given.less
            else 0.0
        )
        if total is not None and less is not None:
            found[(row.get("iso3") or "").strip().upper()] = (total - less) * given.scale
    return found


def _number(
    text: str | None, file: str, where: str, column: str, problems: list[Problem]
) -> float | None:
    if text is None or not text.strip():
        return None
    try:
        value = float(text)
    except ValueError:
        problems.append(Problem(file, where, column, f"'{text}' is not a number"))
        return None
    if value < 0:
        problems.append(Problem(file, where, column, f"{value} is below zero"))
        return None
    return value
