"""The explorer's detail fields, made from the kinds' declarations (service/model/shown.py):
for each kind that has any, the fields its detail panel shows (those declared with a label), in the
declared order, each with the key it is asked under, its label, and whether it holds a
value of one of the map's lists (shown as words). The key is the field's own name, or an
alias where a kind listed before has a field of that name of another type: one GraphQL
selection may not ask for both under one name. `a87map explorer-fields` writes them to
explorer/src/generated/fields.json, which the explorer's details.ts reads."""

from typing import Any

from graphql import GraphQLEnumType, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema

from service.model.fields import camel_case
from service.model.shown import SHOWN


def detail_fields(schema: GraphQLSchema) -> list[dict[str, Any]]:
    """Each kind's detail fields, kinds in their declared order (a kind with none left
    out)."""
    first_typed: dict[str, str] = {}
    found = []
    for shown in SHOWN.values():
        type_ = schema.get_type(shown.name)
        assert isinstance(type_, GraphQLObjectType)
        facts = []
        for item in shown.fields:
            if isinstance(item, str) or item.label is None:
                continue
            name = camel_case(item.field)
            field_type = type_.fields[name].type
            alias = camel_case(shown.kind.replace("-", "_")) + name[0].upper() + name[1:]
            same = first_typed.setdefault(name, str(field_type)) == str(field_type)
            facts.append(
                {
                    "field": name,
                    "key": name if same else alias,
                    "label": item.label,
                    "words": isinstance(_unwrap(field_type), GraphQLEnumType),
                }
            )
        if facts:
            found.append({"kind": shown.kind, "type": shown.name, "facts": facts})
    return found


def _unwrap(type_: Any) -> Any:
    while isinstance(type_, GraphQLNonNull | GraphQLList):
        type_ = type_.of_type
    return type_
