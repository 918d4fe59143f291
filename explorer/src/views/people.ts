// People and seats: who holds which seat on an Alliance body and for which organization,
// as `actionGroup(id).seats` answers, the organizations that stand with the Alliance other
// than as members (`memberships`), and a person's or organization's details (all their
// seats, memberships and commitments) beside the table.

import { ask } from "../api";
import { showDetails } from "../details";
import { el, loading, replaceChildren, sentence, table, type Child } from "../dom";
import { actionGroups, filterBar, type FilterField } from "../filters";
import { param, setParams } from "../state";

interface Seat {
  role: string;
  seat: string | null;
  asOf: string | null;
  person: { id: string; name: string; honorific: string | null };
  organization: { id: string; name: string } | null;
  organizationRecorded: boolean;
  provenance: { section: string | null; source: { name: string } | null };
}

interface Standing {
  standing: string;
  since: string | null;
  asOf: string | null;
  decision: string | null;
  organization: { id: string; name: string };
  body: { id: string; name: string };
}

const STANDINGS = `{ memberships(standings: [OBSERVER, PARTNER, PENDING, DECLINED, BLOCKED, WITHDRAWN]) {
  standing since asOf decision organization { id name } body { id name } } }`;

const BODY: FilterField = { param: "body", label: "Alliance body", choices: actionGroups };
const DEFAULT_BODY = "action-group:global-coordinating-group";
const QUERY = `query Seats($id: ID!) {
  actionGroup(id: $id) {
    name
    seats { role seat asOf person { id name honorific } organization { id name } organizationRecorded
            provenance { section source { name } } }
  }
}`;

export async function peopleView(root: HTMLElement): Promise<void> {
  if (!param("body")) setParams({ body: DEFAULT_BODY }, { replace: true });
  const results = el("section", { class: "people", "aria-label": "Seats" });
  const panel = el("aside", { id: "details", class: "panel", "aria-label": "Details", hidden: true });
  const open = (id: string): void => {
    setParams({ open: id });
    void showDetails(panel, id, { open, close: () => close(panel) });
  };
  const filters = await loading(root, () => filterBar([BODY], () => void drawSeats(results, open), "Choose a body"));
  const standings = el("section", { class: "standings", "aria-label": "Standings other than member" });
  replaceChildren(
    root,
    el("h2", {}, "People and seats"),
    el(
      "p",
      { class: "lead" },
      "Who holds which seat on an Alliance body, and for which organization, as the sources name them. One person may hold two seats; a seat whose source names no organization says so. Choose a person or organization to see all their seats, memberships and commitments.",
    ),
    el("div", { class: "toolbar" }, filters ?? null),
    standings,
    el("div", { class: "split" }, results, panel),
  );
  await Promise.all([drawSeats(results, open), drawStandings(standings, open)]);
  const opened = param("open");
  if (opened) void showDetails(panel, opened, { open, close: () => close(panel) });
}

function close(panel: HTMLElement): void {
  panel.hidden = true;
  setParams({ open: null });
}

/** Who stands with the Alliance or a body other than as a member: pending, declined,
 * observers and the rest, with since when and the decision. */
async function drawStandings(section: HTMLElement, open: (id: string) => void): Promise<void> {
  const found = await loading(section, () => ask<{ memberships: Standing[] }>(STANDINGS));
  if (!found) return;
  const rows = found.memberships.map((m): Child[] => [
    el("button", { type: "button", class: "link", onclick: () => open(m.organization.id) }, m.organization.name),
    sentence(m.standing),
    m.body.name,
    m.since ?? (m.asOf ? `known as of ${m.asOf}` : ""),
    m.decision ?? "",
  ]);
  replaceChildren(
    section,
    el("h3", {}, "Not, or not yet, members"),
    rows.length
      ? el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": "Table, scrolls sideways" },
          table("Standings other than member", ["Organization", "Standing", "With", "Since", "Decision"], rows))
      : el("p", {}, "No observer, partner, pending, declined, blocked or withdrawn standing is recorded."),
  );
}

async function drawSeats(results: HTMLElement, open: (id: string) => void): Promise<void> {
  const body = param("body") ?? DEFAULT_BODY;
  const found = await loading(results, () => ask<{ actionGroup: { name: string; seats: Seat[] } }>(QUERY, { id: body }));
  if (!found) return;
  const { name, seats } = found.actionGroup;
  const people = new Set(seats.map((s) => s.person.id));
  const rows = seats.map((s): Child[] => [
    el("button", { type: "button", class: "link", onclick: () => open(s.person.id) }, [s.person.honorific, s.person.name].filter(Boolean).join(" ")),
    s.seat ?? "",
    s.organization
      ? el("button", { type: "button", class: "link", onclick: () => open(s.organization?.id ?? "") }, s.organization.name)
      : el("em", {}, s.organizationRecorded ? "no longer on the map" : "not named by the source"),
    s.asOf ?? "",
    s.provenance.section ?? "",
  ]);
  const cited = [...new Set(seats.map((s) => s.provenance.source?.name).filter(Boolean))];
  replaceChildren(
    results,
    el("p", { class: "count", "data-count": String(seats.length) }, `${seats.length} seat${seats.length === 1 ? "" : "s"} held by ${people.size} ${people.size === 1 ? "person" : "people"}`),
    cited.length ? el("p", { class: "hint" }, `From: ${cited.join("; ")}.`) : null,
    seats.length
      ? el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": "Table, scrolls sideways" }, table(`Seats on the ${name}`, ["Person", "Seat", "For", "Known as of", "Section of the source"], rows))
      : el("p", {}, "No seats are recorded for this body: who sits on it is not known, which is not the same as nobody."),
  );
}
