// Who's doing what, where: every row of `whoIsDoingWhatWhere` for the chosen filters, read
// page by page, shown as a table and downloadable as CSV.

import { ask } from "../api";
import { download, toCsv } from "../csv";
import { el, loading, replaceChildren, table, words } from "../dom";
import { ownDownloads } from "../tables";
import {
  ACTION_GROUP,
  chosen,
  COUNTRY,
  filterBar,
  ORGANIZATION_TYPE,
  organizationTypeLabel,
  REGION,
  SDG_TARGET,
  THEME,
  type FilterField,
} from "../filters";

interface Named {
  id: string;
  name: string;
}

interface Row {
  organization: (Named & { type: string }) | null;
  organizationRecorded: boolean;
  role: string | null;
  initiative: Named;
  places: Named[];
  themes: Named[];
  sdgTargets: { code: string }[];
  sources: { source: Named | null; section: string | null }[];
  matchedVia: string | null;
  matched: string | null;
}

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Row }[];
}

const FIELDS: FilterField[] = [COUNTRY, REGION, THEME, SDG_TARGET, ORGANIZATION_TYPE, ACTION_GROUP];
const PAGE_SIZE = 100;
const QUERY = `query Who($where: WhoFilter, $first: Int!, $after: String) {
  whoIsDoingWhatWhere(where: $where, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node {
      organization { id name type } organizationRecorded role initiative { id name }
      places { ... on Country { id name } ... on Region { id name } }
      themes { id name } sdgTargets { code } sources { source { id name } section } matchedVia matched
    } }
  }
}`;
const HEADER = ["Organization", "Type", "Role", "Initiative", "Where", "Matched", "Themes", "SDG targets", "Source"];
// How a row matched the place filter, in words.
const MATCHED: Record<string, string> = {
  IN_PLACE: "in the place itself",
  INSIDE: "inside the region",
  THROUGH_REGION: "through a wider region",
  WORLDWIDE: "worldwide",
};

export async function whoView(root: HTMLElement): Promise<void> {
  const results = el("section", { class: "who", "aria-label": "Results" });
  const filters = await loading(root, () => filterBar(FIELDS, () => void drawWho(results)));
  replaceChildren(
    root,
    el("h2", {}, "Who is doing what, where"),
    el(
      "p",
      { class: "lead" },
      "One row per organization, role and initiative, and one for each initiative no organization is recorded for. A country matches work in it, in the regions it lies in and worldwide; a region matches work in it, inside it, around it and worldwide.",
    ),
    el("div", { class: "toolbar" }, filters ?? null),
    results,
  );
  await drawWho(results);
}

async function drawWho(results: HTMLElement): Promise<void> {
  const where = chosen(FIELDS);
  const rows = await loading(results, () => allRows(where));
  if (!rows) return;
  const cells = rows.map(asCells);
  const save = el(
    "button",
    { type: "button", id: "download-csv", onclick: () => download("who-is-doing-what-where.csv", toCsv(HEADER, cells)) },
    `Download these ${rows.length} rows as CSV`,
  );
  replaceChildren(
    results,
    el("p", { class: "count", "data-count": String(rows.length) }, `${rows.length} row${rows.length === 1 ? "" : "s"} `, save),
    rows.length
      ? el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": "Table, scrolls sideways" }, ownDownloads(table("Who is doing what, where", HEADER, cells)))
      : el("p", {}, "Nobody on the map matches these filters."),
  );
}

async function allRows(where: Record<string, unknown>): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = (await ask<{ whoIsDoingWhatWhere: Page }>(QUERY, { where, first: PAGE_SIZE, after })).whoIsDoingWhatWhere;
    rows.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return rows;
    after = page.pageInfo.endCursor;
  }
}

/** The place a row matched through, by name: it is one of the places the work is in. */
function placeName(row: Row): string {
  return row.places.find((p) => p.id === row.matchedVia)?.name ?? row.matchedVia ?? "";
}

function asCells(row: Row): string[] {
  return [
    row.organization ? row.organization.name : "(no organization recorded)",
    row.organization ? organizationTypeLabel(row.organization.type) : "",
    row.role ? words(row.role) : "",
    row.initiative.name,
    row.places.map((p) => p.name).join("; "),
    row.matched ? `${MATCHED[row.matched] ?? words(row.matched)} (through ${placeName(row)})` : "",
    row.themes.map((t) => t.name).join("; "),
    row.sdgTargets.map((t) => t.code).join("; "),
    row.sources.map((s) => [s.source?.name, s.section].filter(Boolean).join(", ")).join("; "),
  ];
}
