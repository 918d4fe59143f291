"""An aggregate (service/domain/aggregates.py) as a table to download: CSV with a header
row, or HXL, the humanitarian exchange language, with a row of hashtags under the headers
so that HXL tools (and this map's own 3W reader) know each column. Money is one column per
currency, never added across currencies; a count nobody recorded is an empty cell, not 0."""

from service.domain.aggregates import Group
from service.interchange import native

# Each dimension's column: its header, and its hashtag.
_DIMENSION_COLUMNS = {
    "COUNTRY": ("Country", "#country+code"),
    "ADMIN_AREA": ("Admin area", "#adm1+name"),
    "REGION": ("Region", "#region+code"),
    "THEME": ("Theme", "#sector+theme"),
    "SECTOR": ("Sector", "#sector+name"),
    "ORGANIZATION_TYPE": ("Organization type", "#org+type"),
    "STATUS": ("Status", "#status"),
    "YEAR": ("Year", "#date+year"),
}
# The dimensions whose values are records, given a column of their names too.
_NAMED = {
    "COUNTRY": ("Country name", "#country+name"),
    "REGION": ("Region name", "#region+name"),
    "THEME": ("Theme name", "#sector+theme+name"),
}
_COUNTS = [
    ("Initiatives", "#activity+num"),
    ("Organizations", "#org+num"),
    ("People reached", "#reached"),
]


def aggregate_table(by: list[str], groups: list[Group], hxl: bool) -> str:
    """The groups as CSV text, with HXL hashtags under the headers if `hxl`."""
    currencies = sorted({m.currency for g in groups for m in g.funding})
    dimensions = [_DIMENSION_COLUMNS[d] for d in by]
    named = [_NAMED[d] for d in by if d in _NAMED]
    money = [(f"Funding {c}", f"#value+funding+{c.lower()}") for c in currencies]
    columns = [*dimensions, *named, *_COUNTS, *money]
    rows: list[list[object]] = [[header for header, _ in columns]]
    if hxl:
        rows.append([tag for _, tag in columns])
    for g in groups:
        amounts = {m.currency: m.amount for m in g.funding}
        rows.append(
            [
                *(_short(v) for v in g.values),
                *(label or "" for d, label in zip(by, g.labels, strict=True) if d in _NAMED),
                g.initiatives,
                g.organizations,
                "" if g.people_reached is None else g.people_reached,
                *(amounts.get(c, "") for c in currencies),
            ]
        )
    return native.write_rows(rows)


def _short(value: str | None) -> str:
    """A record's id as the field's files write it (country:NER as NER); empty if none."""
    if value is None:
        return ""
    kind, _, key = value.partition(":")
    return key if kind == "country" else value
