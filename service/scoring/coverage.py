"""How far need outruns coverage in a place, for one theme: high where the published
prevalence is high and few initiatives work there. Changing a rule means changing VERSION."""

from dataclasses import dataclass

VERSION = "coverage-1"

# An initiative covering a wider region, or the whole world, counts as this much of one
# working in the place itself.
REGIONAL_WEIGHT = 0.5
GLOBAL_WEIGHT = 0.25


@dataclass(frozen=True)
class Need:
    measure: str
    value: float
    unit: str
    data_year: int
    source: str
    regional_max: float  # the highest value of the same figure across the ILO regions
    region: str  # the ILO region the figure describes

    @property
    def index(self) -> float:
        """The need relative to the region where it is greatest (0 to 1)."""
        return self.value / self.regional_max if self.regional_max else 0.0


@dataclass(frozen=True)
class Gap:
    coverage: float
    score: float | None  # None: no published estimate, so no gap can be computed
    why: str


def coverage(local: int, regional: int, worldwide: int) -> float:
    return local + REGIONAL_WEIGHT * regional + GLOBAL_WEIGHT * worldwide


def gap(need: Need | None, local: int, regional: int, worldwide: int) -> Gap:
    covered = coverage(local, regional, worldwide)
    work = (
        f"{local} initiative(s) here, {regional} across a wider region (x{REGIONAL_WEIGHT}),"
        f" {worldwide} worldwide (x{GLOBAL_WEIGHT}): coverage {covered:g}"
    )
    if need is None:
        return Gap(covered, None, f"no estimate of need; {work}")
    score = round(need.index / (1 + covered), 4)
    told = (
        f"need {need.value:g} {need.unit} ({need.measure}, {need.data_year} data, "
        f"{need.region}), {need.index:.2f} of the highest region"
    )
    return Gap(covered, score, f"{told}; {work}")
