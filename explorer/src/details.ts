// The side panel: one node's facts, its relationships on the map, and the sources (with
// section and note) each fact comes from.

import { ask } from "./api";
import { el, loading, replaceChildren, sentence, table, words, type Child } from "./dom";
import { organizationTypeLabel } from "./filters";
import FIELDS from "./generated/fields.json";

interface Citation {
  source: { id: string; name: string; url: string | null } | null;
  section: string | null;
  note: string | null;
}

interface DetailNode {
  id: string;
  kind: string;
  name: string;
  sources: Citation[];
  [field: string]: unknown;
}

interface Neighbourhood {
  nodes: { id: string; kind: string; label: string }[];
  edges: { source: string; target: string; type: string; label: string | null }[];
}

interface Fact {
  field: string;
  key: string;
  label: string;
  words: boolean;
}

// Each kind's detail fields (which to show, in order, under which words), made from the
// kinds' declarations in the service's model by `make schema` (a test keeps it current).
const KINDS: { kind: string; type: string; facts: Fact[] }[] = FIELDS;
const FACTS = new Map(KINDS.map((k) => [k.kind, k.facts]));
const ASKED = KINDS
  .map((k) => `... on ${k.type} { ${k.facts.map((f) => (f.key === f.field ? f.field : `${f.key}: ${f.field}`)).join(" ")} }`)
  .join("\n    ");

const QUERY = `fragment SeatFields on Seat {
  role seat asOf person { id name } body { id name } organization { id name } organizationRecorded
}
fragment CommitmentFields on Commitment { id name status statusSince due overdue }
query Details($id: ID!) {
  node(id: $id) {
    id kind name
    sources { source { id name url } section note }
    ${ASKED}
    ... on Organization { description }
    ... on Initiative { description }
    ... on ActionGroup { description }
    ... on Theme { description }
    ... on Event { description }
    ... on Source { title url description }
    ... on Person { description seats { ...SeatFields } }
    ... on Organization { memberships { standing seat since asOf decision body { id name } } }
    ... on Organization { commitments { ...CommitmentFields } people { ...SeatFields } }
    ... on ActionGroup { seats { ...SeatFields } commitments { ...CommitmentFields } }
    ... on Commitment { overdue }
  }
  graph(focus: $id, depth: 1, filter: {limit: 300}) {
    nodes { id kind label } edges { source target type label }
  }
}`;

export interface DetailActions {
  /** Show another node's details (a relationship was followed). */
  open: (id: string) => void;
  /** Optional: a button to draw this node's neighbourhood. */
  focus?: (id: string) => void;
  /** Optional: a button that closes the panel (focus goes back where it came from). */
  close?: () => void;
}

export async function showDetails(panel: HTMLElement, id: string, actions: DetailActions): Promise<void> {
  panel.hidden = false;
  const found = await loading(panel, () => ask<{ node: DetailNode; graph: Neighbourhood }>(QUERY, { id }));
  if (!found) {
    if (panel.dataset.state === "failed") replaceChildren(panel, el("p", {}, "These details could not be loaded."));
    return;
  }
  const { node, graph } = found;
  const heading = el("h2", { id: "details-heading", tabindex: "-1" }, node.name);
  replaceChildren(
    panel,
    actions.close ? el("button", { type: "button", class: "close", id: "details-close", onclick: () => actions.close?.() }, "Close") : null,
    el("p", { class: `kind kind-${node.kind}` }, node.kind.replace("-", " ")),
    heading,
    typeof node.description === "string" ? el("p", {}, node.description) : null,
    facts(node),
    actions.focus ? el("button", { type: "button", onclick: () => actions.focus?.(node.id) }, "Show its neighbourhood") : null,
    node.overdue === true ? el("p", { class: "overdue" }, el("strong", {}, "Overdue: "), "due before today and, as last recorded, still open.") : null,
    seatsOf(node, actions),
    membershipsOf(node, actions),
    commitmentsOf(node, actions),
    relationships(node.id, graph, actions),
    sources(node.sources),
  );
  panel.setAttribute("aria-labelledby", "details-heading");
  panel.dataset.node = node.id;
  heading.focus({ preventScroll: true });
}

function facts(node: DetailNode): HTMLElement | null {
  const rows: Child[] = [];
  for (const fact of FACTS.get(node.kind) ?? []) {
    const value = node[fact.key];
    if (value === null || value === undefined || value === "") continue;
    const text = String(value);
    const shown = fact.key === "type" ? organizationTypeLabel(text) : fact.words ? sentence(text) : text;
    rows.push(el("dt", {}, fact.label), el("dd", {}, shown));
  }
  return rows.length ? el("dl", { class: "facts" }, ...rows) : null;
}

interface Seat {
  role: string;
  seat: string | null;
  asOf: string | null;
  person: { id: string; name: string };
  body: { id: string; name: string };
  organization: { id: string; name: string } | null;
  organizationRecorded: boolean;
}

interface Membership {
  standing: string;
  seat: string | null;
  since: string | null;
  asOf: string | null;
  decision: string | null;
  body: { id: string; name: string };
}

interface CommitmentRow {
  id: string;
  name: string;
  status: string;
  statusSince: string | null;
  due: string | null;
  overdue: boolean;
}

const ROLE: Record<string, string> = { SEATED: "Seat", ATTENDED: "Attended", CHAIRED: "Chaired" };

function opener(id: string, name: string, actions: DetailActions): HTMLElement {
  return el("button", { type: "button", class: "link", onclick: () => actions.open(id) }, name);
}

/** A person's seats (with the body and organization), or a body's (with the person). */
function seatsOf(node: DetailNode, actions: DetailActions): HTMLElement | null {
  // A person's own seats, a body's, or an organization's people (the seats held for it).
  const seats = (node.seats ?? node.people) as Seat[] | undefined;
  if (!seats) return null;
  const person = node.kind === "person";
  const rows = seats.map((s): Child[] => [
    person ? opener(s.body.id, s.body.name, actions) : opener(s.person.id, s.person.name, actions),
    ROLE[s.role] ?? sentence(s.role),
    s.seat ?? "",
    s.organization
      ? opener(s.organization.id, s.organization.name, actions)
      : s.organizationRecorded
        ? "no longer on the map"
        : "not named by the source",
    s.asOf ?? "",
  ]);
  const header = [person ? "Body or meeting" : "Person", "Role", "Seat", "For", "Known as of"];
  const caption = person ? "Seats this person holds" : node.kind === "organization" ? "Seats held for it" : "Seats on this body";
  return el(
    "section",
    { class: "seats", "aria-label": "Seats" },
    el("h3", {}, `Seats (${seats.length})`),
    seats.length ? table(caption, header, rows) : el("p", {}, "None recorded."),
  );
}

function membershipsOf(node: DetailNode, actions: DetailActions): HTMLElement | null {
  const found = node.memberships as Membership[] | undefined;
  if (!found) return null;
  const rows = found.map((m): Child[] => [
    opener(m.body.id, m.body.name, actions),
    sentence(m.standing),
    m.seat ?? "",
    m.since ?? (m.asOf ? `known as of ${m.asOf}` : ""),
    m.decision ?? "",
  ]);
  return el(
    "section",
    { class: "memberships", "aria-label": "Memberships" },
    el("h3", {}, `Memberships (${found.length})`),
    found.length ? table("Where it stands with the Alliance and its bodies", ["With", "Standing", "Seat", "Since", "Decision"], rows) : el("p", {}, "None recorded."),
  );
}

function commitmentsOf(node: DetailNode, actions: DetailActions): HTMLElement | null {
  const found = node.commitments as CommitmentRow[] | undefined;
  if (!found) return null;
  const items = found.map((c) =>
    el(
      "li",
      { class: c.overdue ? "overdue" : null },
      opener(c.id, c.name, actions),
      `: ${words(c.status)}`,
      c.statusSince ? ` (as of ${c.statusSince})` : null,
      c.due ? `, due ${c.due}` : null,
      c.overdue ? el("strong", {}, " overdue") : null,
    ),
  );
  return el(
    "section",
    { class: "commitments", "aria-label": "Commitments" },
    el("h3", {}, `Commitments (${found.length})`),
    found.length ? el("ul", {}, ...items) : el("p", {}, "None recorded."),
  );
}

function relationships(id: string, graph: Neighbourhood, actions: DetailActions): HTMLElement {
  const names = new Map(graph.nodes.map((n) => [n.id, n]));
  const items = graph.edges
    .filter((e) => e.source === id || e.target === id)
    .map((edge) => {
      const otherId = edge.source === id ? edge.target : edge.source;
      const other = names.get(otherId);
      const type = words(edge.type);
      const role = edge.label ? words(edge.label) : "";
      // "chairs (chair)" says nothing twice; "chairs (co chair)" does not.
      const verb = role && !type.includes(role) ? `${type} (${role})` : type;
      const link = el("button", { type: "button", class: "link", onclick: () => actions.open(otherId) }, other?.label ?? otherId);
      return edge.source === id
        ? el("li", {}, el("span", { class: "verb" }, verb), " → ", link)
        : el("li", {}, link, " → ", el("span", { class: "verb" }, verb));
    });
  return el(
    "section",
    { class: "relationships", "aria-label": "Relationships" },
    el("h3", {}, `Relationships (${items.length})`),
    items.length ? el("ul", {}, ...items) : el("p", {}, "None on the map."),
  );
}

function sources(citations: Citation[]): HTMLElement {
  const items = citations.map((c) =>
    el(
      "li",
      {},
      c.source?.url ? el("a", { href: c.source.url, rel: "noopener" }, c.source.name) : c.source?.name ?? "Unknown source",
      c.section ? `, ${c.section}` : null,
      c.note ? el("span", { class: "note" }, `: ${c.note}`) : null,
    ),
  );
  return el(
    "section",
    { class: "sources", "aria-label": "Sources" },
    el("h3", {}, "Sources"),
    items.length ? el("ul", {}, ...items) : el("p", {}, "No source is recorded."),
  );
}
