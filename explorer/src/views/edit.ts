// Editing a record (`?view=edit&id=...`). The form is the server's `editForm`: every field
// of the record's kind as its model declares it, filled with what the map holds, so no kind
// has a form written here. Saving sends the version read; the server's reasons for a
// refused field are shown beside that field. When someone else saved the record first
// (CONFLICT), the form reads the saved version and lays out, field by field, what they
// saved against what this editor typed: a field only one side changed takes that side's
// value, and each field both changed waits for the editor to choose.

import { ApiError, ask } from "../api";
import { el, loading, replaceChildren, type Child } from "../dom";
import { linkTo, param, setParams } from "../state";
import { mayOpen, session } from "../session";

type Value = unknown;

interface Option {
  value: string;
  label: string;
}

interface Field {
  name: string;
  label: string;
  description: string;
  required: boolean;
  entry: "TEXT" | "NUMBER" | "FLAG" | "CHOICE" | "CHOICES" | "LINES" | "CITATIONS";
  options: Option[];
  value: Value;
}

interface Related {
  kind: string;
  field: string;
}

interface Form {
  related: Related[];
  id: string;
  kind: string;
  version: number;
  retired: boolean;
  maySave: boolean;
  whyNot: string | null;
  mutation: string;
  inputType: string;
  fields: Field[];
}

interface State {
  form: Form;
  // The values as last read from the map: what a conflict is reconciled against.
  base: Map<string, Value>;
  region: HTMLElement;
}

interface Control {
  field: Field;
  box: HTMLElement;
  problem: HTMLElement;
  choice: HTMLElement;
  get: () => Value;
  set: (value: Value) => void;
}

const SHAPE = `id kind version retired maySave whyNot mutation inputType related { kind field }
    fields { name label description required entry options { value label } value }`;
const FORM = `query Form($id: ID!) { editForm(id: $id) { ${SHAPE} } }`;
const NEW = `query New($kind: String!, $given: JSON) { newForm(kind: $kind, given: $given) { ${SHAPE} } }`;
const KINDS = `{ creatableKinds }`;
// The query parameters that are no field of a new record's form.
const NOT_GIVEN = new Set(["view", "id", "new"]);

export async function editView(root: HTMLElement): Promise<void> {
  const who = await session();
  const box = el("input", { id: "edit-id", type: "text", autocomplete: "off", value: param("id") ?? "" });
  const region = el("section", { id: "edit", "aria-label": "The record's form" });
  const pick = el(
    "form",
    {
      class: "stacked",
      onsubmit: (event: Event) => {
        event.preventDefault();
        setParams({ id: box.value.trim() });
        void open(region, box.value.trim());
      },
    },
    el("label", { for: "edit-id" }, "Record id (such as organization:ilo)"),
    box,
    el("button", { type: "submit" }, "Open its form"),
  );
  if (!mayOpen(who, "any")) {
    const why = who ? `A ${who.role} key changes nothing. ` : "Changing a record needs a key that writes. ";
    replaceChildren(root, el("h2", {}, "Edit a record"), el("p", {}, why, el("a", { href: linkTo("signin") }, who ? "Sign in with another key" : "Sign in"), "."));
    return;
  }
  const kinds = el("select", { id: "new-kind" });
  const adding = el(
    "form",
    {
      class: "stacked",
      onsubmit: (event: Event) => {
        event.preventDefault();
        setParams({ new: kinds.value, id: null });
        void openNew(region, kinds.value, {});
      },
    },
    el("label", { for: "new-kind" }, "Or add a record of the kind"),
    kinds,
    el("button", { type: "submit" }, "New record"),
  );
  replaceChildren(root, el("h2", {}, "Edit a record"), pick, adding, region);
  void ask<{ creatableKinds: string[] }>(KINDS).then((found) =>
    kinds.replaceChildren(...found.creatableKinds.map((k) => el("option", { value: k }, kindWords(k)))),
  );
  const id = param("id");
  const kind = param("new");
  if (id) await open(region, id);
  else if (kind) await openNew(region, kind, given());
}

/** A kind in words: "period report". */
function kindWords(kind: string): string {
  return kind.replace(/-/g, " ");
}

/** What the address names for a new record's fields (?new=period-report&initiative=...). */
function given(): Record<string, string> {
  const found: Record<string, string> = {};
  new URLSearchParams(location.search).forEach((value, key) => {
    if (!NOT_GIVEN.has(key)) found[key] = value;
  });
  return found;
}

async function openNew(region: HTMLElement, kind: string, filled: Record<string, string>): Promise<void> {
  const found = await loading(region, () => ask<{ newForm: Form }>(NEW, { kind, given: filled }));
  if (found) draw(region, found.newForm);
}

async function open(region: HTMLElement, id: string): Promise<void> {
  const found = await loading(region, () => ask<{ editForm: Form }>(FORM, { id }));
  if (found) draw(region, found.editForm);
}

function draw(region: HTMLElement, form: Form): void {
  const controls = form.fields.map((f) => control(f, !form.maySave));
  const status = el("p", { id: "edit-status", role: "status" });
  const state: State = { form, base: new Map(form.fields.map((f) => [f.name, f.value])), region };
  const save = el("button", { type: "submit", disabled: !form.maySave }, "Save");
  const body = el(
    "form",
    {
      class: "stacked record-form",
      novalidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        void submit(state, controls, status, save);
      },
    },
    ...controls.map((c) => c.box),
    save,
    status,
  );
  const isNew = form.id === "";
  replaceChildren(
    region,
    el("h3", {}, isNew ? `New ${kindWords(form.kind)}` : `${form.id}${form.retired ? " (retired)" : ""}`),
    isNew
      ? null
      : el(
          "p",
          { class: "hint", id: "edit-version" },
          `Version ${form.version}. `,
          el("a", { href: linkTo("history", { id: form.id }) }, "Its history"),
          ".",
          ...form.related.map((r) => [" ", el("a", { href: linkTo("edit", { new: r.kind, [r.field]: form.id }) }, `Add a ${kindWords(r.kind)} for it`), "."]).flat(),
        ),
    form.whyNot ? el("p", { class: "notice" }, `Read only: ${form.whyNot}.`) : null,
    body,
  );
}

async function submit(
  state: State,
  controls: Control[],
  status: HTMLElement,
  save: HTMLButtonElement,
): Promise<void> {
  const undecided = controls.filter((c) => c.choice.dataset.open === "true");
  if (undecided.length) {
    status.textContent = `Choose which value to keep for: ${undecided.map((c) => c.field.label).join(", ")}.`;
    undecided[0].choice.querySelector("input")?.focus();
    return;
  }
  for (const c of controls) show(c.problem, null);
  const input = Object.fromEntries(controls.map((c) => [c.field.name, c.get()]));
  save.disabled = true;
  status.textContent = "Saving…";
  try {
    if (state.form.id === "") await create(state, input, status);
    else await update(state, input);
  } catch (error) {
    await refused(error, state, controls, status);
  } finally {
    save.disabled = false;
  }
}

async function update(state: State, input: Record<string, Value>): Promise<void> {
  const { form } = state;
  const mutation = `mutation Save($id: ID!, $version: Int!, $input: ${form.inputType}!) {
    ${form.mutation}(id: $id, version: $version, input: $input) { id version }
  }`;
  const saved = await ask<Record<string, { version: number }>>(mutation, { id: form.id, version: form.version, input });
  const version = saved[form.mutation].version;
  // The form read again: what the save made of it, and whether it is still the
  // editor's to change (a closed period is locked).
  const fresh = await ask<{ editForm: Form }>(FORM, { id: form.id });
  draw(state.region, fresh.editForm);
  const shown = document.getElementById("edit-status");
  if (shown) shown.textContent = `Saved: ${form.id} is now at version ${version}.`;
}

// createOrganization answers with the likely duplicates instead of a record when the name
// is close to one on the map (mutation.py); a second save confirms it is a new one.
let confirmNew = false;

async function create(state: { form: Form }, input: Record<string, Value>, status: HTMLElement): Promise<void> {
  const { form } = state;
  const organization = form.mutation === "createOrganization";
  const answer = organization
    ? `(input: $input, confirmNew: ${confirmNew}) { organization { id } possibleDuplicates { id name reason } }`
    : "(input: $input) { id }";
  const made = await ask<Record<string, { id?: string; organization?: { id: string } | null; possibleDuplicates?: { id: string; name: string; reason: string }[] }>>(
    `mutation Add($input: ${form.inputType}!) { ${form.mutation}${answer} }`,
    { input },
  );
  const result = made[form.mutation];
  const id = result.id ?? result.organization?.id;
  if (!id) {
    confirmNew = true;
    status.textContent = `Not added: it may be ${(result.possibleDuplicates ?? []).map((d) => `${d.name} (${d.id}, ${d.reason})`).join("; ")}. Save again to add it as a new organization.`;
    return;
  }
  confirmNew = false;
  status.textContent = `Added ${id}.`;
  // Its form, as a step Back can undo: the page draws the view its address names.
  history.pushState(null, "", linkTo("edit", { id }));
  window.dispatchEvent(new PopStateEvent("popstate"));
}

async function refused(
  error: unknown,
  state: State,
  controls: Control[],
  status: HTMLElement,
): Promise<void> {
  if (!(error instanceof ApiError)) throw error;
  if (error.code === "CONFLICT") {
    const latest = await ask<{ editForm: Form }>(FORM, { id: state.form.id });
    const both = reconcile(state, controls, latest.editForm);
    status.textContent = both.length
      ? `Someone else saved this record first (now version ${latest.editForm.version}). Their changes to fields you left alone are taken; for ${both.length === 1 ? "one field" : `${both.length} fields`} you both changed, choose which to keep, then save again.`
      : `Someone else saved this record first (now version ${latest.editForm.version}); their changes are taken beside yours. Save again to keep both.`;
    return;
  }
  const placed = error.problems.filter((p) => {
    const target = controls.find((c) => c.field.name === p.field.split(/[.[]/)[0]);
    if (target) show(target.problem, p.reason);
    return Boolean(target);
  });
  status.textContent =
    placed.length === error.problems.length && placed.length
      ? "Not saved: see the fields marked."
      : `Not saved: ${error.message}`;
  controls.find((c) => c.problem.textContent)?.box.querySelector<HTMLElement>("input, select, textarea")?.focus();
}

/** Folds the version someone else saved into the form: what only they changed is taken,
 * what both changed differently gets a choice beside the field. Returns the latter. */
function reconcile(state: State, controls: Control[], latest: Form): Control[] {
  const theirs = new Map(latest.fields.map((f) => [f.name, f.value]));
  const both: Control[] = [];
  for (const c of controls) {
    const base = state.base.get(c.field.name);
    const mine = c.get();
    const saved = theirs.get(c.field.name);
    if (same(saved, base) || same(saved, mine)) continue;
    if (same(mine, base)) c.set(saved);
    else {
      offer(c, mine, saved);
      both.push(c);
    }
  }
  state.form.version = latest.version;
  state.base = theirs;
  return both;
}

function offer(c: Control, mine: Value, saved: Value): void {
  const name = `choose-${c.field.name}`;
  const pick = (value: Value) => () => {
    c.set(value);
    c.choice.dataset.open = "false";
  };
  c.choice.dataset.open = "true";
  replaceChildren(
    c.choice,
    el(
      "fieldset",
      {},
      el("legend", {}, `${c.field.label} was changed in both versions`),
      el("label", {}, el("input", { type: "radio", name, onchange: pick(mine) }), " Keep yours: ", shown(mine)),
      el("label", {}, el("input", { type: "radio", name, onchange: pick(saved) }), " Take the one saved: ", shown(saved)),
    ),
  );
  c.choice.hidden = false;
}

function show(problem: HTMLElement, reason: string | null): void {
  problem.textContent = reason ?? "";
  problem.hidden = !reason;
}

function shown(value: Value): Child {
  if (empty(value)) return el("em", {}, "nothing");
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? Object.values(v ?? {}).filter(Boolean).join(", ") : String(v))).join("; ");
  return String(value);
}

function empty(value: Value): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

function same(a: Value, b: Value): boolean {
  return (empty(a) && empty(b)) || JSON.stringify(a) === JSON.stringify(b);
}

// --- One control per kind of entry -------------------------------------------------------

function control(field: Field, readOnly: boolean): Control {
  const id = `field-${field.name}`;
  const help = el("p", { class: "help", id: `${id}-help` }, field.description);
  const problem = el("p", { class: "problem", id: `${id}-problem`, role: "alert", hidden: true });
  const choice = el("div", { class: "choice", hidden: true });
  const widget = entry(field, id, readOnly);
  widget.set(field.value);
  const label = `${field.label}${field.required ? " (required)" : ""}`;
  const labelled = field.entry === "CHOICES" || field.entry === "CITATIONS" || field.entry === "FLAG";
  const box = el(
    "div",
    { class: "field", "data-field": field.name },
    labelled ? null : el("label", { for: id }, label),
    widget.element(label, `${id}-help ${id}-problem`),
    choice,
    problem,
    help,
  );
  return { field, box, problem, choice, get: widget.get, set: widget.set };
}

interface Widget {
  element: (label: string, describedBy: string) => HTMLElement;
  get: () => Value;
  set: (value: Value) => void;
}

function entry(field: Field, id: string, readOnly: boolean): Widget {
  switch (field.entry) {
    case "FLAG":
      return flag(id, readOnly);
    case "CHOICE":
      return select(field, id, readOnly);
    case "CHOICES":
      return checkboxes(field, id, readOnly);
    case "LINES":
      return lines(id, readOnly);
    case "CITATIONS":
      return citations(id, readOnly);
    default:
      return text(id, field.entry === "NUMBER", readOnly);
  }
}

function text(id: string, numeric: boolean, readOnly: boolean): Widget {
  const input = el("input", { id, type: numeric ? "number" : "text", step: numeric ? "any" : null, autocomplete: "off", readonly: readOnly });
  return {
    element: (_label, describedBy) => (input.setAttribute("aria-describedby", describedBy), input),
    get: () => (input.value.trim() === "" ? null : numeric ? Number(input.value) : input.value.trim()),
    set: (value) => (input.value = value === null || value === undefined ? "" : String(value)),
  };
}

function flag(id: string, readOnly: boolean): Widget {
  const input = el("input", { id, type: "checkbox", disabled: readOnly });
  return {
    element: (label, describedBy) => (input.setAttribute("aria-describedby", describedBy), el("label", { class: "flag" }, input, ` ${label}`)),
    get: () => input.checked,
    set: (value) => (input.checked = Boolean(value)),
  };
}

function select(field: Field, id: string, readOnly: boolean): Widget {
  const input = el(
    "select",
    { id, disabled: readOnly },
    field.required ? null : el("option", { value: "" }, "(not recorded)"),
    ...field.options.map((o) => el("option", { value: o.value }, o.label)),
  );
  return {
    element: (_label, describedBy) => (input.setAttribute("aria-describedby", describedBy), input),
    get: () => input.value || null,
    set: (value) => (input.value = typeof value === "string" ? value : ""),
  };
}

function checkboxes(field: Field, id: string, readOnly: boolean): Widget {
  const boxes = field.options.map((o) => el("input", { type: "checkbox", value: o.value, disabled: readOnly }));
  return {
    element: (label, describedBy) =>
      el(
        "fieldset",
        { id, "aria-describedby": describedBy },
        el("legend", {}, label),
        ...boxes.map((b, i) => el("label", { class: "flag" }, b, ` ${field.options[i].label}`)),
      ),
    get: () => boxes.filter((b) => b.checked).map((b) => b.value),
    set: (value) => {
      const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
      for (const b of boxes) b.checked = chosen.has(b.value);
    },
  };
}

function lines(id: string, readOnly: boolean): Widget {
  const input = el("textarea", { id, rows: 3, readonly: readOnly });
  return {
    element: (_label, describedBy) => (input.setAttribute("aria-describedby", `${describedBy}`), input),
    get: () => input.value.split("\n").map((l) => l.trim()).filter(Boolean),
    set: (value) => (input.value = Array.isArray(value) ? value.join("\n") : ""),
  };
}

interface Citation {
  source: string;
  section: string | null;
  note: string;
}

function citations(id: string, readOnly: boolean): Widget {
  const list = el("div", { class: "citations" });
  let count = 0;
  const add = (c: Citation | null) => {
    const n = count++;
    const part = (name: keyof Citation, label: string, value: string | null) => {
      const input = el("input", { id: `${id}-${n}-${name}`, type: "text", autocomplete: "off", "data-part": name, value: value ?? "", readonly: readOnly });
      return [el("label", { for: `${id}-${n}-${name}` }, label), input];
    };
    const row = el(
      "div",
      { class: "citation" },
      ...part("source", "Source id", c?.source ?? ""),
      ...part("section", "Section", c?.section ?? null),
      ...part("note", "What it says, in your words", c?.note ?? ""),
      readOnly ? null : el("button", { type: "button", class: "action", onclick: () => row.remove() }, "Remove this citation"),
    );
    list.append(row);
  };
  const more = el("button", { type: "button", class: "action", onclick: () => add(null), disabled: readOnly }, "Add a citation");
  return {
    element: (label, describedBy) => el("fieldset", { id, "aria-describedby": describedBy }, el("legend", {}, label), list, more),
    get: () =>
      [...list.querySelectorAll<HTMLElement>(".citation")].map((row) => {
        const value = (part: string) => row.querySelector<HTMLInputElement>(`[data-part=${part}]`)?.value.trim() ?? "";
        return { source: value("source"), section: value("section") || null, note: value("note") };
      }),
    set: (value) => {
      list.replaceChildren();
      count = 0;
      for (const c of Array.isArray(value) ? (value as Citation[]) : []) add(c);
    },
  };
}
