"""The edit form of a record, derived from its kind's draft (`service.model.kinds`): one
field per field the draft declares, in the draft's order, with its description, whether it
is required, how it is entered, the values it may take, and the value the map holds now.
No kind has a form of its own: a field added to a draft appears in every form of its kind.

The form also says whether the caller may save it, and if not, why, by the same rules the
save itself applies (`service/editing/permissions.py`), so a page offers only what its key
may do."""

import types
from dataclasses import dataclass
from enum import Enum
from typing import Any, Union, get_args, get_origin

from pydantic.fields import FieldInfo

from service.db.driver import Database
from service.editing import permissions
from service.editing.keys import Editor
from service.editing.references import FIELD_KINDS
from service.errors import Forbidden, NotFound
from service.interchange.records import draft_values
from service.model.ids import kind_of
from service.model.kinds import DRAFTS, EDITED_KINDS

# Fields an edit form does not show: the key is part of the id, which an edit cannot
# change. A new record's form shows it (left empty, the id is made from the name).
_HIDDEN = frozenset({"key"})


@dataclass(frozen=True)
class FormField:
    name: str
    description: str
    required: bool
    # text, number, flag, choice (one of `options`), choices (any of them), lines (a
    # list, one a line) or citations (source, section and note, one or more).
    entry: str
    options: tuple[str, ...]
    value: Any


@dataclass(frozen=True)
class EditForm:
    id: str
    kind: str
    version: int
    retired: bool
    may_save: bool
    why_not: str | None
    fields: tuple[FormField, ...]
    # (kind, field): records the caller may add that name this one in a field of their
    # own (a period report's initiative), so a page can offer "add one for this record".
    related: tuple[tuple[str, str], ...] = ()


async def edit_form(db: Database, editor: Editor | None, node_id: str) -> EditForm:
    """The form to change a record, filled with what the map holds now."""
    kind = kind_of(node_id)
    if kind not in EDITED_KINDS:
        raise NotFound(f"'{node_id}' is no record editors change one at a time")
    rows = await db.read("interchange/export_nodes", kinds=[kind], ids=[node_id], after="", limit=1)
    if not rows:
        raise NotFound(f"nothing on the map has the id '{node_id}'")
    node = rows[0]
    retired = "retired" in node["props"]
    values = draft_values(kind, node)
    why_not = await _why_not(db, editor, node_id, node["props"])
    return EditForm(
        id=node_id,
        kind=kind,
        version=int(node["props"].get("version") or 1),
        retired=retired,
        may_save=why_not is None,
        why_not=why_not,
        fields=tuple(
            _field(name, info, values.get(name))
            for name, info in DRAFTS[kind].model_fields.items()
            if name not in _HIDDEN
        ),
        related=tuple(_related(editor, kind)),
    )


def _related(editor: Editor | None, kind: str) -> list[tuple[str, str]]:
    """The kinds the caller may add whose draft names one record of `kind` in a field."""
    return [
        (other, name)
        for other in creatable(editor)
        for name in DRAFTS[other].LINKS
        if kind in FIELD_KINDS[name].split()
        and entry_of(DRAFTS[other].model_fields[name].annotation)[0] == "text"
    ]


async def new_form(editor: Editor | None, kind: str, given: dict[str, str]) -> EditForm:
    """The form to create a record of a kind: each field at its model's default, or at
    the value `given` names for it (a page opened from an initiative fills it in)."""
    if kind not in EDITED_KINDS:
        raise NotFound(f"'{kind}' is no kind editors create one record at a time")
    why_not = _why_not_create(editor, kind)
    fields = DRAFTS[kind].model_fields
    return EditForm(
        id="",
        kind=kind,
        version=0,
        retired=False,
        may_save=why_not is None,
        why_not=why_not,
        fields=tuple(
            _field(name, info, given.get(name, _default(info))) for name, info in fields.items()
        ),
    )


def creatable(editor: Editor | None) -> list[str]:
    """The kinds the caller may create one record at a time, in the model's order."""
    return [kind for kind in EDITED_KINDS if _why_not_create(editor, kind) is None]


def _default(info: FieldInfo) -> Any:
    return None if info.is_required() else info.get_default(call_default_factory=True)


def _why_not_create(editor: Editor | None, kind: str) -> str | None:
    if editor is None:
        return "sign in with a key that writes to add a record"
    try:
        permissions.may_create(editor, kind)
    except Forbidden as refused:
        return str(refused)
    return None


async def _why_not(
    db: Database, editor: Editor | None, node_id: str, props: dict[str, Any]
) -> str | None:
    if editor is None:
        return "sign in with a key that writes to change this record"
    if "retired" in props:
        return "this record is retired; restore it before changing it"
    try:
        async with db.transaction() as tx:
            await permissions.may_change(tx, editor, node_id)
        permissions.may_change_locked(editor, node_id, props)
    except Forbidden as refused:
        return str(refused)
    return None


def _field(name: str, info: FieldInfo, value: Any) -> FormField:
    entry, options = entry_of(info.annotation)
    if name == "cited":
        entry = "citations"
    return FormField(
        name=name,
        description=info.description or "",
        required=info.is_required(),
        entry=entry,
        options=options,
        value=value,
    )


def entry_of(annotation: Any) -> tuple[str, tuple[str, ...]]:
    """How a field of this type is entered, and the values it may take, if listed."""
    if get_origin(annotation) in (Union, types.UnionType):
        annotation = next(a for a in get_args(annotation) if a is not type(None))
    if get_origin(annotation) is list:
        entry, options = entry_of(get_args(annotation)[0])
        return ("choices" if entry == "choice" else "lines"), options
    base = get_args(annotation)[0] if get_args(annotation) else annotation
    if isinstance(base, type) and issubclass(base, Enum):
        return "choice", tuple(str(member.value) for member in base)
    if base is bool:
        return "flag", ()
    if base in (int, float):
        return "number", ()
    return "text", ()
