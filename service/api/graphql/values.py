"""The small value types records carry and that name no record type: other names,
inferred fields, money, people counted, a country's context lists, an indicator's target,
and when a dated relationship holds. Below `types.py`, which uses them."""

from datetime import date
from typing import Any

import strawberry

from service.model.fields import ended
from service.model.kinds import alias_parts
from service.model.relationships import MONEY


@strawberry.type(description="A field of a record that its sources do not state outright.")
class Inference:
    field: str = strawberry.field(description="The field, as GraphQL names it (date, founded).")
    inferred_from: str = strawberry.field(description="What it is inferred from.")


@strawberry.type(description="Another name a record goes by, and the language it is in.")
class Alias:
    name: str = strawberry.field(description="The name, as written in that language.")
    language: str = strawberry.field(
        description="The language, as an ISO 639 code (en, fr, es...)."
    )


def aliases_of(props: dict[str, Any]) -> list[Alias]:
    """A record's other names, each with its language."""
    found = [alias_parts(str(a)) for a in props.get("aliases") or []]
    return [Alias(name=name, language=language) for language, name in found]


ALIASES = "Other names it goes by (in French, Spanish, short...), each with its language."


@strawberry.type(
    description="Money an organization gives an initiative, as an IATI file reports it: "
    "amounts in one currency, never converted, over the period its budgets and "
    "transactions span. An amount not reported is null, never zero."
)
class Funding:
    currency: str = strawberry.field(description="The ISO 4217 code of every amount here.")
    budget: float | None = strawberry.field(
        description="The budget the funder reports for the activity (revised where revised)."
    )
    committed: float | None = strawberry.field(description="Commitments, added up.")
    disbursed: float | None = strawberry.field(
        description="Disbursements, and funds the activity received from this funder."
    )
    spent: float | None = strawberry.field(description="Expenditure, added up.")
    period_start: str | None = strawberry.field(description="The earliest date of the amounts.")
    period_end: str | None = strawberry.field(description="The latest date of the amounts.")

    @classmethod
    def of(cls, props: dict[str, Any]) -> "Funding | None":
        currency = props.get("currency")
        if not currency:
            return None
        amounts = {name: props.get(name) for name in MONEY if name != "currency"}
        return cls(currency=str(currency), **amounts)


@strawberry.type(description="People counted in one group (all, by sex, by sex and age).")
class PeopleGroupCount:
    group: str = strawberry.field(
        description="all, female, male, children (under 18), girls, boys, adults (18 to 59), "
        "women, men, elderly (60 and over), older_women or older_men."
    )
    targeted: int | None = strawberry.field(description="People targeted; null if not given.")
    reached: int | None = strawberry.field(description="People reached; null if not given.")


@strawberry.type(
    description="Goods the US Department of Labor listed in 2016 as produced in a country "
    "with child labour or forced labour: risk context, not prevalence, and an old edition."
)
class GoodsList:
    year: int = strawberry.field(description="The edition's year.")
    child_labour: list[str] = strawberry.field(description="Goods listed for child labour.")
    forced_labour: list[str] = strawberry.field(description="Goods listed for forced labour.")
    source: str = strawberry.field(description="The id of the list, a source on the map.")


@strawberry.type(
    description="A tier the US State Department's Trafficking in Persons Report gave a "
    "country's government: its response to trafficking, not prevalence."
)
class TipTier:
    year: int = strawberry.field(description="The report's year.")
    tier: str = strawberry.field(description="Tier 1, Tier 2, Tier 2 Watch List or Tier 3.")


@strawberry.type(description="The value an indicator is to reach, and by when.")
class IndicatorTarget:
    value: float = strawberry.field(description="The value to reach.")
    year: int | None = strawberry.field(description="The year it is to be reached by.")


def text_of(value: Any) -> str | None:
    """A stored date (text or a Neo4j date) as text."""
    return None if value is None else str(value)


def dated(props: dict[str, Any]) -> dict[str, Any]:
    """When a relationship holds, as every dated answer gives it."""
    return {
        "since": text_of(props.get("since")),
        "until": text_of(props.get("until")),
        "as_of": text_of(props.get("as_of")),
        "ended": ended(props.get("until"), date.today()),
    }


SINCE = "The date it holds from, where its source says; null: not known."
UNTIL = "The date it held until; null: not known to have ended."
AS_OF = (
    "The day it is known to hold: its source's date (13 November 2017 for the GCG report) "
    "or the day of the edit that added it. Knowledge this old may no longer hold."
)
