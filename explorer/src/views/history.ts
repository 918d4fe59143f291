// A record's history (`?view=history&id=...`): every change, newest first, with when, who
// (the key's name to those allowed to read it, else its role and scope), what changed from
// what to what; and where imports saw the record (file, rows, first and last seen), so a
// change an import made can be traced to its rows. Public, like all reading: a signed-in
// session reads what its role may (session.ts signs the request).

import { ask } from "../api";
import { el, loading, replaceChildren, table, type Child } from "../dom";
import { linkTo, param, setParams } from "../state";

interface Change {
  at: string;
  actor: string | null;
  role: string;
  scope: string | null;
  action: string;
  summary: string;
  changedFields: string[];
  // The record's state: its properties (and, for some, more beside them).
  before: { properties?: Record<string, unknown> } | null;
  after: { properties?: Record<string, unknown> } | null;
}

interface Seen {
  file: string;
  where: string[];
  firstSeen: string;
  lastSeen: string;
  notSeenSince: string | null;
}

interface Answer {
  node: { id: string; kind: string; name: string; retired: boolean; seen: Seen[] } | null;
  history: Change[];
}

const QUERY = `query History($id: ID!) {
  node(id: $id, includeRetired: true) { id kind name retired seen { file where firstSeen lastSeen notSeenSince } }
  history(id: $id, first: 50) { at actor role scope action summary changedFields before after }
}`;

export async function historyView(root: HTMLElement): Promise<void> {
  const field = el("input", { id: "history-id", type: "text", autocomplete: "off", value: param("id") ?? "" });
  const shown = el("section", { id: "history", "aria-label": "The record's history" });
  const form = el(
    "form",
    {
      class: "stacked",
      onsubmit: (event: Event) => {
        event.preventDefault();
        setParams({ id: field.value.trim() });
        void draw(shown, field.value.trim());
      },
    },
    el("label", { for: "history-id" }, "Record id (such as organization:ilo)"),
    field,
    el("button", { type: "submit" }, "Show its history"),
  );
  replaceChildren(root, el("h2", {}, "History"), form, shown);
  const id = param("id");
  if (id) await draw(shown, id);
}

async function draw(region: HTMLElement, id: string): Promise<void> {
  const found = await loading(region, () => ask<Answer>(QUERY, { id }));
  if (!found) return;
  if (!found.node) {
    replaceChildren(region, el("p", {}, `Nothing on the map has the id ${id}.`));
    return;
  }
  const { node, history } = found;
  replaceChildren(
    region,
    el("h3", {}, `${node.name} (${node.id})${node.retired ? ", retired" : ""}`),
    el("p", {}, el("a", { href: linkTo("edit", { id: node.id }) }, "Edit this record")),
    history.length
      ? table(
          `${history.length} ${history.length === 1 ? "change" : "changes"}, newest first`,
          ["When", "Who", "What", "Changed"],
          history.map((c) => [c.at.replace("T", " ").slice(0, 19), who(c), c.summary, changed(c)]),
        )
      : el("p", {}, "No change is recorded: the record is as the seed has it."),
    node.seen.length
      ? table(
          "Where imports saw it",
          ["File", "Rows", "First seen", "Last seen"],
          node.seen.map((s) => [
            s.file,
            s.where.join(", "),
            s.firstSeen,
            s.notSeenSince ? `${s.lastSeen} (not in the file's import of ${s.notSeenSince})` : s.lastSeen,
          ]),
        )
      : el("p", {}, "No import brought or confirmed it."),
  );
}

function who(change: Change): string {
  const key = change.actor ? `${change.actor}, ` : "";
  return `${key}${change.role}${change.scope ? ` for ${change.scope}` : ""}`;
}

function changed(change: Change): Child {
  if (!change.changedFields.length) return "";
  return el(
    "ul",
    { class: "changes" },
    ...change.changedFields.map((f) =>
      el("li", {}, `${f}: ${shown(change.before?.properties?.[f])} → ${shown(change.after?.properties?.[f])}`),
    ),
  );
}

function shown(value: unknown): string {
  if (value === undefined || value === null) return "(none)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
