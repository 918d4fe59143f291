"""The map's one place rule. A country filter matches work in the country, in every region
it lies in and worldwide; a region filter matches work in the region, in every country and
region inside it, in every region it lies in, and worldwide. Each match says how it was
made, so an analyst can tell work placed in Nigeria from work placed in "Africa" or in the
world. Who-does-what-where, the initiative and organization lists, the network drawing and
coverage all use this one rule."""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from service.db.driver import Database
from service.model.ids import WORLD


class Matched(StrEnum):
    """How a piece of work matched a place filter, closest first."""

    IN_PLACE = "in_place"  # placed in the place itself
    INSIDE = "inside"  # in a country or region inside the region filtered on
    THROUGH_REGION = "through_region"  # in a wider region the place lies in
    WORLDWIDE = "worldwide"  # placed in the world as a whole


@dataclass(frozen=True)
class PlaceScope:
    """The places a filter on `place` matches, each with how and how many steps away."""

    place: str
    matches: dict[str, tuple[Matched, int]]

    @property
    def ids(self) -> list[str]:
        return list(self.matches)

    def closest(self, places: Iterable[str]) -> tuple[str, Matched] | None:
        """Of an initiative's places, the one that matched most closely, and how."""
        found = [(self.matches[p][0], self.matches[p][1], p) for p in places if p in self.matches]
        if not found:
            return None
        order = list(Matched)
        how, _, place = min(found, key=lambda m: (order.index(m[0]), m[1], m[2]))
        return place, how


async def place_scope(db: Database, place: str) -> PlaceScope:
    """The scope of a place already checked to be on the map."""
    rows = await db.read("places/around", place=place)
    matches: dict[str, tuple[Matched, int]] = {}
    for row in rows:
        how = {"self": Matched.IN_PLACE, "inside": Matched.INSIDE}.get(
            row["relation"], Matched.THROUGH_REGION
        )
        if row["id"] == WORLD and row["id"] != place:
            how = Matched.WORLDWIDE
        matches.setdefault(row["id"], (how, int(row["steps"])))
    return PlaceScope(place, matches)


async def placed(db: Database, parameters: dict[str, object]) -> dict[str, object]:
    """A filter's statement parameters with its country and region given as the places
    each matches."""
    country, region = await scopes(db, parameters)
    return with_scopes(parameters, country, region)


async def scopes(
    db: Database, parameters: dict[str, object]
) -> tuple[PlaceScope | None, PlaceScope | None]:
    """The scopes of a filter's country and region (None where not given)."""
    country, region = _id(parameters.get("country")), _id(parameters.get("region"))
    return (
        await place_scope(db, country) if country else None,
        await place_scope(db, region) if region else None,
    )


def with_scopes(
    parameters: dict[str, object], country: PlaceScope | None, region: PlaceScope | None
) -> dict[str, object]:
    """The parameters with `countryPlaces` and `regionPlaces` in place of the two ids."""
    rest = {k: v for k, v in parameters.items() if k not in ("country", "region")}
    return {
        **rest,
        "countryPlaces": country.ids if country else None,
        "regionPlaces": region.ids if region else None,
    }


def _id(value: object) -> str | None:
    return str(value) if value else None
