"""Money in an IATI activity, as amounts on the funding relationship of whoever gives it:
budgets, and transactions that commit, disburse or spend (which codes count as which is
`seed/iati_codes.yaml`'s). Amounts are added up in one currency per funder and never
converted; the period runs from the earliest date of them to the latest.

Who gives the money: a transaction's `provider-org`, else, for an outgoing transaction,
the reporting organization. Budgets, and expenditure without a provider, are the reporting
organization's, and are recorded only when it funds the activity (it is a participating
organization with the Funding role, or it commits or disburses to it): the budget of an
implementer reporting its own work is no funding. What is not recorded is listed, with why."""

from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from service.interchange.iati_codes import IatiCodes, codelist

# Transaction types in which the reporting organization gives the money.
_OUTGOING = frozenset({"2", "3", "4", "C", "D", "E"})
_REVISED = frozenset({"2", "Revised"})
# A funder's name and IATI identifier -> its map id, or None if it cannot be named.
Resolve = Callable[[str | None, str | None], str | None]


@dataclass(frozen=True)
class Reporter:
    """The reporting organization: its id if the map or the file already has it, and how
    to add it when its money makes it a funder. A secondary reporter (one publishing
    others' activities, as the map's own IATI export does) gives no money of its own."""

    known: str | None
    add: Callable[[], str | None]
    secondary: bool = False


@dataclass
class _Sums:
    currency: str
    amounts: dict[str, float] = field(default_factory=dict)
    dates: list[str] = field(default_factory=list)

    def add(self, amount: str, value: float, *days: str | None) -> None:
        self.amounts[amount] = round(self.amounts.get(amount, 0.0) + value, 2)
        self.dates += [d for d in days if d]

    def props(self) -> dict[str, object]:
        period = sorted(self.dates)
        span = {"period_start": period[0], "period_end": period[-1]} if period else {}
        return {**self.amounts, "currency": self.currency, **span}


@dataclass
class ActivityMoney:
    """What an activity's budgets and transactions add to each funder's relationship."""

    by_funder: dict[str, dict[str, object]]
    left_out: list[tuple[str, str]]


def activity_money(
    activity: Element,
    version: str,
    reporter: Reporter,
    funders: set[str],
    resolve: Resolve,
    codes: IatiCodes,
) -> ActivityMoney:
    default = (activity.get("default-currency") or "").strip().upper()
    sums: dict[str, _Sums] = {}
    left_out: list[tuple[str, str]] = []

    def add(
        where: str, funder: str, amount: str, element: Element | None, *days: str | None
    ) -> None:
        value, currency = _value(element, default)
        if value is None or not currency:
            what = "no amount" if value is None else "no currency"
            left_out.append((where, f"has {what}; it is not added"))
            return
        held = sums.setdefault(funder, _Sums(currency))
        if held.currency != currency:
            why = f"is in {currency}, beside {held.currency} for the same funder"
            left_out.append((where, f"{why}; amounts are not converted, so it is not added"))
            return
        held.add(amount, value, *days)

    spent_by_reporter: list[tuple[str, Element]] = []
    names = {**codelist("TransactionType", "1.04"), **codelist("TransactionType", version)}
    for n, transaction in enumerate(activity.findall("transaction"), 1):
        where = f"transaction[{n}]"
        kind = code_of(transaction.find("transaction-type"))
        amount = codes.transactions.get(kind)
        if amount is None:
            what = f"type '{kind}' ({names.get(kind, 'not in IATI codelist')})"
            left_out.append(
                (
                    where,
                    f"{what} is not read; the map records commitments, disbursements "
                    "and expenditure",
                )
            )
            continue
        day = _day(transaction.find("transaction-date")) or _day(
            transaction.find("value"), "value-date"
        )
        funder = _provider(transaction, resolve)
        if funder is None and kind in _OUTGOING and amount == "spent":
            spent_by_reporter.append((where, transaction))
            continue
        if funder is None and kind in _OUTGOING:
            funder = reporter.add()
        if funder is None:
            left_out.append((where, "names no provider the map can record; it is not added"))
            continue
        add(where, funder, amount, transaction.find("value"), day)
    own = reporter.known if reporter.known in funders | set(sums) else None
    if own:
        for where, transaction in spent_by_reporter:
            day = _day(transaction.find("transaction-date"))
            add(where, own, "spent", transaction.find("value"), day)
        for where, budget, start, end in _budgets(activity):
            add(where, own, "budget", budget.find("value"), start, end)
    else:
        why = (
            "is the reporting organization's own, which does not fund the activity; it is not added"
        )
        left_out += [(where, why) for where, _ in spent_by_reporter]
        left_out += [(where, why) for where, *_ in _budgets(activity)]
    for funder, held in sums.items():
        for amount, total in list(held.amounts.items()):
            if total < 0:
                del held.amounts[amount]
                left_out.append(
                    (amount, f"{funder}'s transactions add up to below zero; not added")
                )
    return ActivityMoney({funder: s.props() for funder, s in sums.items()}, left_out)


def _budgets(activity: Element) -> list[tuple[str, Element, str | None, str | None]]:
    """The budgets to add: a revised budget replaces the original of the same period."""
    by_period: dict[tuple[str | None, str | None], tuple[str, Element, bool]] = {}
    for n, budget in enumerate(activity.findall("budget"), 1):
        period = (_day(budget.find("period-start")), _day(budget.find("period-end")))
        revised = budget.get("type", "1") in _REVISED
        held = by_period.get(period)
        if held is None or (revised and not held[2]):
            by_period[period] = (f"budget[{n}]", budget, revised)
    return [(where, budget, *period) for period, (where, budget, _) in by_period.items()]


def _provider(transaction: Element, resolve: Resolve) -> str | None:
    provider = transaction.find("provider-org")
    if provider is None:
        return None
    narratives = provider.findall("narrative")
    text = (narratives[0].text if narratives else provider.text) or ""
    return resolve(text.strip() or None, (provider.get("ref") or "").strip() or None)


def code_of(element: Element | None) -> str:
    return (element.get("code", "") if element is not None else "").strip()


def _value(element: Element | None, default: str) -> tuple[float | None, str]:
    if element is None:
        return None, default
    currency = (element.get("currency") or default).strip().upper()
    try:
        value = float((element.text or "").strip().replace(",", ""))
    except ValueError:
        return None, currency
    # A negative value corrects an earlier one (a refund, a reversal): it is added too.
    return value, currency


def _day(element: Element | None, attribute: str = "iso-date") -> str | None:
    if element is None:
        return None
    day = (element.get(attribute) or "").strip()[:10]
    return day if len(day) == 10 and day[:4].isdigit() and int(day[:4]) >= 1950 else None
