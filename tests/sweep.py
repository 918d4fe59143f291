"""The schema sweep's questions: every root field, and every field of every object type a
query can reach, read from introspection and asked of real records of the seed (the
best-linked record of each kind) with a selection two levels deep under it. Used by
test_schema_sweep.py (no answer is an internal error) and test_backup.py (a restored map
answers every one of them as before)."""

from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from graphql import get_introspection_query

from service.config import Settings
from service.model.ids import kind_of
from service.seed.loader import prepare

Type = dict[str, Any]
# Depth under a swept field: its own fields, and theirs (with the field itself: depth 3).
DEPTH = 2
# Words in an argument's name that say which kind of id it wants.
_ID_WORDS = {
    "organization": "Organization",
    "initiative": "Initiative",
    "body": "ActionGroup",
    "actionGroup": "ActionGroup",
    "theme": "Theme",
    "person": "Person",
    "commitment": "Commitment",
    "indicator": "Indicator",
    "source": "Source",
    "event": "Event",
    "region": "Region",
    "country": "Country",
    "focus": "Organization",
}


@dataclass
class Sweep:
    client: TestClient
    types: dict[str, Type]
    ids: dict[str, str]  # GraphQL type name -> a real id of that kind
    iso3: str
    target: str


def _named(ref: Type) -> Type:
    while ref.get("ofType"):
        ref = ref["ofType"]
    return ref


def _required(ref: Type) -> bool:
    return bool(ref["kind"] == "NON_NULL")


def make_sweep(client: TestClient, seeded: Settings) -> Sweep:
    schema = client.post("/graphql", json={"query": get_introspection_query()}).json()
    types = {t["name"]: t for t in schema["data"]["__schema"]["types"]}
    graph = prepare(seeded.seed_dir)
    degree = Counter(end for link in graph.links for end in (link.source_id, link.target_id))
    ids: dict[str, str] = {}
    best: dict[str, str] = {}
    for node in graph.nodes:
        kind = kind_of(node.id)
        if kind not in best or degree[node.id] > degree[best[kind]]:
            best[kind] = node.id
    for node_id in best.values():
        body = client.post(
            "/graphql",
            json={
                "query": "query($id: ID!) { node(id: $id) { __typename } }",
                "variables": {"id": node_id},
            },
        ).json()
        found = (body.get("data") or {}).get("node")
        if found:
            ids[found["__typename"]] = node_id
    country = ids["Country"].split(":", 1)[1].upper()
    target = ids["SdgTarget"].split(":", 1)[1]
    return Sweep(client, types, ids, country, target)


def _literal(sweep: Sweep, name: str, ref: Type, returns: str) -> str | None:
    """A value for a required argument, from the seed where it names a record."""
    named = _named(ref)
    if named["kind"] == "ENUM":
        values = sweep.types[named["name"]]["enumValues"]
        return str(values[0]["name"])
    if named["kind"] == "INPUT_OBJECT":
        return "{}"
    scalar = named["name"]
    if scalar == "ID":
        wanted = next((t for word, t in _ID_WORDS.items() if word in name), returns)
        return f'"{sweep.ids.get(wanted, sweep.ids["Organization"])}"'
    if scalar == "String":
        if name == "iso3" or "country" in name:
            return f'"{sweep.iso3}"'
        if name == "code":
            return f'"{sweep.target}"'
        return '"child labour"'
    return {
        "Int": "1",
        "Float": "0.5",
        "Boolean": "false",
        "Date": '"2017-11-13"',
        "DateTime": '"2017-11-13T00:00:00Z"',
    }.get(scalar)


def _arguments(sweep: Sweep, field: Type) -> str | None:
    """The field's required arguments filled in; None if one cannot be."""
    given = []
    for arg in field["args"]:
        if _required(arg["type"]) and arg["defaultValue"] is None:
            value = _literal(sweep, arg["name"], arg["type"], _named(field["type"])["name"])
            if value is None:
                return None
            given.append(f"{arg['name']}: {value}")
    return f"({', '.join(given)})" if given else ""


def _selection(sweep: Sweep, type_name: str, depth: int, alias: bool = False) -> str:
    """Everything of a type down to `depth` levels of objects: its scalars always, and for
    interfaces and unions each possible type's, a level less deep (aliased by type, as
    fields of one name may have different types in two of them)."""
    kind = sweep.types[type_name]
    if kind["kind"] in ("SCALAR", "ENUM"):
        return ""
    parts = ["__typename"]
    if kind["kind"] in ("INTERFACE", "UNION"):
        for possible in kind["possibleTypes"]:
            # One level less: each type's own fields are swept from a record of its own.
            inner = _selection(sweep, possible["name"], max(depth - 1, 0), alias=True)
            parts.append(f"... on {possible['name']} {inner}")
        return "{ " + " ".join(parts) + " }"
    for field in kind["fields"]:
        args = _arguments(sweep, field)
        target = _named(field["type"])
        if args is None:
            continue
        name = f"{type_name}_{field['name']}: {field['name']}" if alias else field["name"]
        if target["kind"] in ("SCALAR", "ENUM"):
            parts.append(f"{name}{args}")
        elif depth > 0:
            parts.append(f"{name}{args} {_selection(sweep, target['name'], depth - 1)}")
    return "{ " + " ".join(parts) + " }"


def _routes(sweep: Sweep) -> dict[str, tuple[str, str]]:
    """For each object type, how to reach a value of it: the opening and closing of a query
    around a selection on it. Records of the seed through `node(id:)`; other types by the
    shortest path of fields from the root."""
    routes: dict[str, tuple[str, str]] = {}
    for type_name, node_id in sweep.ids.items():
        routes[type_name] = (f'{{ node(id: "{node_id}") {{ ... on {type_name} ', "} }")
    queue: deque[str] = deque(routes)
    root = sweep.types["Query"]
    for field in root["fields"]:
        args = _arguments(sweep, field)
        target = _named(field["type"])["name"]
        if args is not None and target not in routes and sweep.types[target]["kind"] == "OBJECT":
            routes[target] = (f"{{ {field['name']}{args} ", "}")
            queue.append(target)
    while queue:
        here = queue.popleft()
        opening, closing = routes[here]
        for field in sweep.types[here]["fields"]:
            args = _arguments(sweep, field)
            target = _named(field["type"])["name"]
            if args is None or target in routes or sweep.types[target]["kind"] != "OBJECT":
                continue
            routes[target] = (f"{opening}{{ {field['name']}{args} ", f"}} {closing}")
            queue.append(target)
    return routes


def _readable(sweep: Sweep) -> set[str]:
    """The object types a query can reach (those only a mutation returns are not reads)."""
    seen: set[str] = set()
    queue = deque(["Query"])
    while queue:
        kind = sweep.types[queue.popleft()]
        names = [_named(f["type"])["name"] for f in kind.get("fields") or []]
        names += [t["name"] for t in kind.get("possibleTypes") or []]
        for name in names:
            if name not in seen and sweep.types[name]["kind"] in ("OBJECT", "INTERFACE", "UNION"):
                seen.add(name)
                queue.append(name)
    return {name for name in seen if sweep.types[name]["kind"] == "OBJECT"}


def queries(sweep: Sweep) -> Iterator[tuple[str, str]]:
    root = sweep.types["Query"]
    for field in root["fields"]:
        args = _arguments(sweep, field)
        assert args is not None, f"the sweep cannot fill Query.{field['name']}'s arguments"
        inner = _selection(sweep, _named(field["type"])["name"], 1)
        yield f"Query.{field['name']}", f"{{ {field['name']}{args} {inner} }}"
    routes = _routes(sweep)
    for type_name in sorted(_readable(sweep) - {"Query"}):
        kind = sweep.types[type_name]
        assert type_name in routes, f"no query reaches {type_name}"
        opening, closing = routes[type_name]
        for field in kind["fields"]:
            args = _arguments(sweep, field)
            if args is None:
                continue
            inner = _selection(sweep, _named(field["type"])["name"], DEPTH)
            yield (
                f"{type_name}.{field['name']}",
                f"{opening}{{ {field['name']}{args} {inner} }} {closing}",
            )
