"""Reading the country figures of `seed/need/` (CSV files kept as published, with their
origin): one row per country and figure set, a blank cell meaning the publisher gives no
figure, never zero. People are the file's own count, or the rate times the population the
set names (children in child labour: UNICEF's rate times its population aged 5-17, which is
its under-18 population less its under-5 population). Every problem names the file, row and
column."""

import csv
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
        rows.append(
            CountryFigure(iso3, rate, None if people is None else round(people), flag, origin)
        )
    return CountrySet(figures, rows, not_on_map)


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
