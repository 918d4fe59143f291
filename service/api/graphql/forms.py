"""`editForm(id)` and `newForm(kind)`: a record's form in GraphQL's own words, so a page
can draw it and save it through the kind's update or create mutation without knowing any
kind. The fields come from the kind's draft (`service/interchange/forms.py`); here they
get the names, enum values and mutation the GraphQL input of that kind takes
(`edit_inputs.INPUTS`)."""

from enum import Enum
from typing import Any, cast

import strawberry
from strawberry.scalars import JSON
from strawberry.types.base import StrawberryContainer
from strawberry.types.enum import StrawberryEnumDefinition

from service.api.graphql import edit_inputs as ei
from service.api.graphql import rights
from service.api.graphql.context import Context
from service.interchange import forms
from service.model.fields import camel_case

Ctx = strawberry.Info[Context, None]


@strawberry.enum(description="How a form field is entered.")
class FieldEntry(Enum):
    TEXT = "text"
    NUMBER = "number"
    FLAG = "flag"
    CHOICE = "choice"
    CHOICES = "choices"
    LINES = "lines"
    CITATIONS = "citations"


@strawberry.type(description="A value a choice field may take.")
class FieldOption:
    value: str = strawberry.field(description="The value to send, as the input takes it.")
    label: str = strawberry.field(description="The value in words.")


@strawberry.type(description="One field of an edit form, as the kind's input declares it.")
class FormField:
    name: str = strawberry.field(description="The input field's name.")
    label: str = strawberry.field(description="The field's name in words.")
    description: str = strawberry.field(description="What it holds, as the model says.")
    required: bool = strawberry.field(description="Whether a record must have it.")
    entry: FieldEntry = strawberry.field(
        description="TEXT, NUMBER, FLAG, CHOICE (one option), CHOICES (any), LINES (a list, "
        "one a line) or CITATIONS (a list of source, section and note)."
    )
    options: list[FieldOption] = strawberry.field(description="The values a choice takes.")
    value: JSON | None = strawberry.field(
        description="What the map holds now, as the input takes it; null: nothing recorded."
    )


@strawberry.type(description="A record the caller may add that names this one in a field.")
class RelatedForm:
    kind: str = strawberry.field(description="Its kind, such as period-report.")
    field: str = strawberry.field(description="The input field that names this record.")


@strawberry.type(
    description="The form to change a record: its fields from the kind's model, filled with "
    "what the map holds at `version`, and the mutation that saves it."
)
class EditForm:
    id: strawberry.ID = strawberry.field(description="The record's id.")
    kind: str = strawberry.field(description="Its kind, such as organization.")
    version: int = strawberry.field(description="The version read; send it back to save.")
    retired: bool = strawberry.field(description="Whether it is retired (restore it first).")
    may_save: bool = strawberry.field(description="Whether the caller's key may save it.")
    why_not: str | None = strawberry.field(description="Why not, when it may not.")
    mutation: str = strawberry.field(
        description="The mutation that saves it, such as updateOrganization (createX for a "
        "new record's form, whose id is empty and version 0)."
    )
    input_type: str = strawberry.field(description="Its input type, such as OrganizationInput.")
    fields: list[FormField] = strawberry.field(description="Its fields, in the model's order.")
    related: list[RelatedForm] = strawberry.field(
        description="Records the caller may add for this one (a period report for an "
        "initiative): open newForm(kind, given: {field: id})."
    )


def _enum(annotation: Any) -> StrawberryEnumDefinition | None:
    """The GraphQL enum a field of an input takes, through lists and optionals."""
    while isinstance(annotation, StrawberryContainer):
        annotation = annotation.of_type
    return annotation if isinstance(annotation, StrawberryEnumDefinition) else None


def _enums(kind: str) -> dict[str, StrawberryEnumDefinition]:
    definition = ei.INPUTS[kind].__strawberry_definition__
    return {f.python_name: e for f in definition.fields if (e := _enum(f.type)) is not None}


def _in_graphql(value: Any, enum: StrawberryEnumDefinition | None) -> Any:
    """A stored value as the input takes it: an enum's member name for a stored word."""
    if enum is None or value is None:
        return value
    names = {str(v.value): v.name for v in enum.values}
    return [names.get(v, v) for v in value] if isinstance(value, list) else names.get(value, value)


def _field(found: forms.FormField, enum: StrawberryEnumDefinition | None) -> FormField:
    words = found.name.replace("_", " ")
    return FormField(
        name=camel_case(found.name),
        label=words[:1].upper() + words[1:],
        description=found.description,
        required=found.required,
        entry=FieldEntry(found.entry),
        options=[
            FieldOption(value=_in_graphql(o, enum), label=o.replace("_", " "))
            for o in found.options
        ],
        value=_in_graphql(found.value, enum),
    )


@strawberry.type
class FormQuery:
    @strawberry.field(
        description="The form to change a record, derived from its kind's model: each field "
        "with what the map holds now, whether the caller may save it (and why not), and the "
        "update mutation and version to save it with. NOT_FOUND for a kind editors do not "
        "change one record at a time.",
        metadata=rights.BY_CALLER,
    )
    async def edit_form(self, info: Ctx, id: strawberry.ID) -> EditForm:
        found = await forms.edit_form(info.context.db, await info.context.reader(), str(id))
        return _form(found, "update")

    @strawberry.field(
        description="The form to add a record of a kind (such as period-report), derived "
        "from its model like editForm, each field at its default; `given` fills fields in "
        "by their input names (initiative: initiative:...). Saved with its create mutation.",
        metadata=rights.BY_CALLER,
    )
    async def new_form(self, info: Ctx, kind: str, given: JSON | None = None) -> EditForm:
        sent: dict[str, Any] = cast(dict[str, Any], given) if isinstance(given, dict) else {}
        filled = {_python_name(k): v for k, v in sent.items() if isinstance(v, str)}
        found = await forms.new_form(await info.context.reader(), kind, filled)
        return _form(found, "create")

    @strawberry.field(
        description="The kinds of record the caller's key may add one at a time (none "
        "signed out), in the model's order.",
        metadata=rights.BY_CALLER,
    )
    async def creatable_kinds(self, info: Ctx) -> list[str]:
        return forms.creatable(await info.context.reader())


def _python_name(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


def _form(found: forms.EditForm, verb: str) -> EditForm:
    enums = _enums(found.kind)
    input_type = ei.INPUTS[found.kind].__strawberry_definition__.name
    return EditForm(
        id=strawberry.ID(found.id),
        kind=found.kind,
        version=found.version,
        retired=found.retired,
        may_save=found.may_save,
        why_not=found.why_not,
        mutation=verb + input_type.removesuffix("Input"),
        input_type=input_type,
        fields=[_field(f, enums.get(f.name)) for f in found.fields],
        related=[RelatedForm(kind=k, field=camel_case(f)) for k, f in found.related],
    )
