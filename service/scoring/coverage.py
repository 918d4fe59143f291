"""How far need outruns the work present in a place, for one theme. Changing a rule means
changing VERSION; docs/analyses.md ("How gaps are scored") states these rules in words.

coverage-3 (presence):
- Coverage is presence: the organizations taking part in initiatives on the theme that are
  present on the day asked (status active, or unknown where a 3W sheet gives none, as
  most do: such work is counted and said to be of unknown status; dates around the day)
  and work at country level in
  the place (for a region, in it or its countries). Regional and worldwide work is counted
  and shown apart and never added in, unless the caller asks to include it (the answer then
  says so). A place with no country-level work recorded has no coverage number: it says
  so, which is not the same as "no work".
- Need is the place's own published figure where there is one, else its ILO region's
  (the answer says which), in people where the figure gives or allows a count, and as a
  rate always.
- The gap by people, in the same unit where the data allows: where the recorded work here
  counts the people it reached, the people in need not reached (need minus reached, never
  below zero). Where it does not, the people in need over (1 + organizations present),
  said plainly to be no count of the same unit. By rate: the rate over (1 + organizations
  present). A place with no estimate, or (by people) with no count of people, gets no gap
  and is not ranked.
- Ties are broken by people, then rate, then name, and each row says how many others share
  its gap."""

from dataclasses import dataclass
from enum import StrEnum

VERSION = "coverage-3"


class Basis(StrEnum):
    """Whose figure a place's need is."""

    COUNTRY = "country"  # the place's own figure
    REGION = "region"  # its ILO region's, where it has none of its own


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
class Presence:
    """The work recorded in a place on a theme, on the day asked."""

    initiatives: int  # active, at country level in the place
    organizations: int  # distinct organizations in those
    regional_initiatives: int  # active, across a wider region it lies in
    worldwide_initiatives: int
    wider_organizations: int  # distinct organizations in the regional and worldwide ones
    not_active: int  # at country level here, but not active that day
    people_reached: int | None = None  # by the work here, where it counts them
    reached_counted: int = 0  # how many of its initiatives count them
    unknown_status: int = 0  # of `initiatives`, those with no status recorded


@dataclass(frozen=True)
class Gap:
    # Organizations present (None: no country-level work recorded, and wider work not
    # asked for).
    coverage: float | None
    score: float | None  # by people; None: no estimate, or no count of people
    rate_score: float | None  # by rate; None: no estimate
    same_unit: bool  # the people score is people in need minus people reached
    why: str


def gap(need: Need | None, here: Presence, include_wider: bool = False) -> Gap:
    wider = here.regional_initiatives + here.worldwide_initiatives
    counted = here.initiatives + (wider if include_wider else 0)
    present = here.organizations + (here.wider_organizations if include_wider else 0)
    covered = float(present) if counted else None
    work = _work(here, include_wider, covered)
    if need is None:
        return Gap(covered, None, None, False, f"no published estimate of need; {work}")
    whose = "its own figure" if need.basis == Basis.COUNTRY else f"the figure for {need.region}"
    edition = need.edition or need.data_year or need.data_period
    told = f"need {need.value:g} {need.unit} ({need.measure}, {edition}, {whose})"
    if need.people is not None:
        told += f", {need.people:,} people"
    rate_score = round(need.value / (1 + present), 4)
    if need.people is None:
        return Gap(
            covered,
            None,
            rate_score,
            False,
            f"{told}; no count of people, so it is ranked by rate only; {work}",
        )
    if here.people_reached is not None:
        unmet = max(need.people - here.people_reached, 0)
        said = f"{unmet:,} people in need not reached (need less people reached, one unit)"
        return Gap(covered, float(unmet), rate_score, True, f"{told}; {said}; {work}")
    score = round(need.people / (1 + present), 1)
    said = (
        "no people reached recorded here, so the people in need are set against the "
        f"{present} organization(s) present, which is no count of the same unit"
    )
    return Gap(covered, score, rate_score, False, f"{told}; {said}; {work}")


def _work(here: Presence, include_wider: bool, covered: float | None) -> str:
    local = (
        f"{here.initiatives} present initiative(s) at country level, with "
        f"{here.organizations} organization(s)"
        if here.initiatives
        else "no country-level work recorded (which is not the same as none)"
    )
    if here.unknown_status:
        local += f" ({here.unknown_status} of unknown status, as their sheet gives none)"
    if here.people_reached is not None:
        local += f", reaching {here.people_reached:,} people ({here.reached_counted} counted)"
    wider = (
        f"{here.regional_initiatives} through a wider region and "
        f"{here.worldwide_initiatives} worldwide, with {here.wider_organizations} "
        f"organization(s), "
        + ("included as asked" if include_wider else "shown apart, not counted")
    )
    idle = f"; {here.not_active} here not active then, not counted" if here.not_active else ""
    total = (
        f"coverage {covered:g} organization(s) present"
        if covered is not None
        else ("no coverage number")
    )
    return f"{local}; {wider}{idle}: {total}"
