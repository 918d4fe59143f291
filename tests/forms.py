"""Saving a record as an editor does on the page: its edit form read, some fields changed,
the form sent back with the version read (tests that change a record's places or status
through the same path the explorer uses)."""

from collections.abc import Callable
from typing import Any

FORM = """query($id: ID!) { editForm(id: $id) {
  version mutation inputType fields { name value } } }"""
Ask = Callable[..., dict[str, Any]]


def form_values(ask: Ask, node_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The record's edit form, and its fields' values by name."""
    body = ask(FORM, id=node_id)
    assert "errors" not in body, body
    form: dict[str, Any] = body["data"]["editForm"]
    return form, {f["name"]: f["value"] for f in form["fields"]}


def save_form(ask: Ask, node_id: str, change: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    """Saves the record's edit form as read, with the fields `change` gives changed."""
    form, values = form_values(ask, node_id)
    values.update(change(values))
    mutation = (
        f"mutation($id: ID!, $version: Int!, $input: {form['inputType']}!) "
        f"{{ {form['mutation']}(id: $id, version: $version, input: $input) {{ version }} }}"
    )
    body = ask(mutation, id=node_id, version=form["version"], input=values)
    assert "errors" not in body, body
