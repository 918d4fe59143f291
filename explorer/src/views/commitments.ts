// Commitments: every pledge and commitment on the map (`commitments`), a table per status,
// with those overdue on the chosen day marked. A status is as last recorded, and says
// since when: a commitment overdue on paper may have been met without the map knowing.

import { ask } from "../api";
import { showDetails } from "../details";
import { el, loading, replaceChildren, sentence, table, type Child } from "../dom";
import { param, setParams } from "../state";

interface Named {
  id: string;
  name: string;
}

interface Commitment extends Named {
  status: string;
  statusSince: string | null;
  madeOn: string | null;
  due: string | null;
  overdue: boolean;
  madeBy: Named[];
  requestedBy: Named[];
  owners: Named[];
  madeAt: Named | null;
  progress: { status: string; since: string | null }[];
  sources: { source: { name: string } | null; section: string | null }[];
}

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Commitment }[];
}

// Open ones first, as the field reads a follow-up list.
const STATUSES = ["IN_PROGRESS", "MADE", "PROPOSED", "MET", "LAPSED", "WITHDRAWN"];
const QUERY = `query Commitments($filter: CommitmentFilter, $first: Int!, $after: String, $on: Date!) {
  commitments(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node {
      id name status statusSince madeOn due overdue(on: $on)
      madeBy { id name } requestedBy { id name } owners { id name } madeAt { id name }
      progress { status since } sources { source { name } section }
    } }
  }
}`;
const HEADER = ["Commitment", "Made by or asked by", "To be carried out by", "Made", "Due", "Overdue?", "Status known as of", "Source"];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function commitmentsView(root: HTMLElement): Promise<void> {
  const results = el("section", { class: "commitments", "aria-label": "Commitments" });
  const panel = el("aside", { id: "details", class: "panel", "aria-label": "Details", hidden: true });
  const open = (id: string): void => void showDetails(panel, id, { open, close: () => (panel.hidden = true) });
  const day = el("input", { type: "date", id: "filter-on", name: "on", value: param("on") ?? today(), min: "1990-01-01", max: "2100-12-31", "aria-describedby": "filter-on-problem" });
  const problem = el("p", { id: "filter-on-problem", class: "problem", role: "alert", hidden: true });
  const only = el("input", { type: "checkbox", id: "filter-overdue", name: "overdue", checked: param("overdue") === "1" });
  const redraw = (): void => {
    setParams({ on: day.value || null, overdue: only.checked ? "1" : null });
    void drawCommitments(results, open);
  };
  // A date is asked for once the analyst stops typing it (a year typed digit by digit is
  // four dates on the way), and only when it is a real day the map can answer for.
  let waiting: number | undefined;
  const typed = (): void => {
    window.clearTimeout(waiting);
    waiting = window.setTimeout(() => {
      const wrong = !day.value || !day.checkValidity();
      problem.hidden = !wrong;
      problem.textContent = wrong ? "Give a whole day between 1990 and 2100." : "";
      if (!wrong) redraw();
    }, 600);
  };
  day.addEventListener("input", typed);
  day.addEventListener("change", typed);
  only.addEventListener("change", redraw);
  replaceChildren(
    root,
    el("h2", {}, "Commitments"),
    el(
      "p",
      { class: "lead" },
      "Pledges and commitments by status. A commitment is overdue on a day when it was due before that day and, as last recorded, is still made or in progress; one with no due date never is. Each status says when it was last known: an old status may no longer hold.",
    ),
    el(
      "form",
      { class: "toolbar filters", "aria-label": "Filters", onsubmit: (e: Event) => e.preventDefault() },
      el("div", { class: "field" }, el("label", { for: "filter-on" }, "Overdue on"), day, problem),
      el("div", { class: "field check" }, el("label", { for: "filter-overdue" }, only, " Only overdue ones")),
    ),
    el("div", { class: "split" }, results, panel),
  );
  await drawCommitments(results, open);
}

async function drawCommitments(results: HTMLElement, open: (id: string) => void): Promise<void> {
  const on = param("on") ?? today();
  const filter: Record<string, string> = param("overdue") === "1" ? { overdueOn: on } : {};
  const found = await loading(results, () => allCommitments(filter, on));
  if (!found) return;
  const late = found.filter((c) => c.overdue).length;
  const sections = STATUSES.map((status) => {
    const those = found.filter((c) => c.status === status);
    if (!those.length) return null;
    return el(
      "div",
      { class: "scroll", tabindex: "0", role: "region", "aria-label": `${sentence(status)}: table, scrolls sideways`, "data-status": status },
      table(`${sentence(status)} (${those.length})`, HEADER, those.map((c) => cells(c, open))),
    );
  });
  // Overdue rows carry a class, so the mark is not only the word in its cell.
  replaceChildren(
    results,
    el("p", { class: "count", "data-count": String(found.length), "data-overdue": String(late) }, `${found.length} commitment${found.length === 1 ? "" : "s"}, ${late} overdue on ${on}`),
    found.length ? el("div", {}, ...sections) : el("p", {}, "No commitment on the map matches."),
  );
  for (const row of results.querySelectorAll("tr")) {
    if (row.querySelector(".overdue-mark")) row.classList.add("overdue");
  }
}

function names(list: Named[], open: (id: string) => void): Child {
  if (!list.length) return el("em", {}, "not recorded");
  return el("span", {}, ...list.flatMap((n, i) => [i ? "; " : null, el("button", { type: "button", class: "link", onclick: () => open(n.id) }, n.name)]));
}

function cells(c: Commitment, open: (id: string) => void): Child[] {
  const latest = c.progress[0];
  const who = c.madeBy.length ? c.madeBy : c.requestedBy;
  return [
    el("button", { type: "button", class: "link", onclick: () => open(c.id) }, c.name),
    el("span", {}, names(who, open), !c.madeBy.length && c.requestedBy.length ? " (asked for it)" : null),
    names(c.owners, open),
    [c.madeOn, c.madeAt?.name].filter(Boolean).join(", "),
    c.due ?? el("em", {}, "no date given"),
    c.overdue ? el("strong", { class: "overdue-mark" }, "Overdue") : "",
    [c.statusSince, latest ? `progress: ${sentence(latest.status)} ${latest.since ?? ""}` : null].filter(Boolean).join("; "),
    c.sources.map((s) => [s.source?.name, s.section].filter(Boolean).join(", ")).join("; "),
  ];
}

async function allCommitments(filter: Record<string, string>, on: string): Promise<Commitment[]> {
  const found: Commitment[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = (await ask<{ commitments: Page }>(QUERY, { filter, first: 100, after, on })).commitments;
    found.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return found;
    after = page.pageInfo.endCursor;
  }
}
