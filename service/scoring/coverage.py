"""How far need outruns coverage in a place, for one theme. Changing a rule means changing
VERSION; docs/analyses.md ("How gaps are scored") states these rules in words.

coverage-2:
- Coverage counts only initiatives active on the day asked (status active, dates around
  it): each one working in the place itself counts 1, one reaching it through a wider
  region 0.5, one working worldwide 0.25. Planned, proposed, completed and unknown work is
  shown apart and never counted.
- Need is the place's own published figure where there is one, else its ILO region's
  (the answer says which). In people where the figure gives or allows a count, and as a
  rate always.
- The gap by people is people / (1 + coverage); by rate, rate / (1 + coverage). A place
  with no estimate, or (by people) with no count of people, gets no gap and is not ranked.
- Ties are broken by people, then rate, then name, and each row says how many others share
  its gap."""

from dataclasses import dataclass
from enum import StrEnum

VERSION = "coverage-2"


class Basis(StrEnum):
    """Whose figure a place's need is."""

    COUNTRY = "country"  # the place's own figure
    REGION = "region"  # its ILO region's, where it has none of its own


REGIONAL_WEIGHT = 0.5
GLOBAL_WEIGHT = 0.25


@dataclass(frozen=True)
class Need:
    measure: str
    value: float  # the rate, in `unit`
    unit: str
    data_year: int | None  # None: the publisher gives a period, not the year (data_period)
    edition: str | None
    sources: tuple[str, ...]
    basis: Basis
    region: str | None  # the ILO region whose figure is used, for basis "region"
    people: int | None
    people_basis: str | None
    data_period: str | None = None
    flag: str | None = None
    highest: float = 0.0  # the highest rate of the same set, for the index

    @property
    def index(self) -> float:
        """The rate relative to the highest of the same set (0 to 1)."""
        return self.value / self.highest if self.highest else 0.0


@dataclass(frozen=True)
class Gap:
    coverage: float
    score: float | None  # by people; None: no estimate, or no count of people
    rate_score: float | None  # by rate; None: no estimate
    why: str


def coverage(local: int, regional: int, worldwide: int) -> float:
    return local + REGIONAL_WEIGHT * regional + GLOBAL_WEIGHT * worldwide


def gap(need: Need | None, local: int, regional: int, worldwide: int, not_active: int) -> Gap:
    covered = coverage(local, regional, worldwide)
    work = (
        f"{local} active initiative(s) here, {regional} through a wider region "
        f"(x{REGIONAL_WEIGHT}), {worldwide} worldwide (x{GLOBAL_WEIGHT}): coverage {covered:g}"
        + (f"; {not_active} here not active then, not counted" if not_active else "")
    )
    if need is None:
        return Gap(covered, None, None, f"no published estimate of need; {work}")
    whose = "its own figure" if need.basis == Basis.COUNTRY else f"the figure for {need.region}"
    edition = need.edition or need.data_year or need.data_period
    told = f"need {need.value:g} {need.unit} ({need.measure}, {edition}, {whose})"
    if need.people is not None:
        told += f", {need.people:,} people"
    rate_score = round(need.value / (1 + covered), 4)
    score = round(need.people / (1 + covered), 1) if need.people is not None else None
    if score is None:
        told += "; no count of people, so it is ranked by rate only"
    return Gap(covered, score, rate_score, f"{told}; {work}")
