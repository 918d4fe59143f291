// Counts and sums, the 3W product as a table: how many initiatives and organizations, how
// many people reached and how much money (per currency, never added across) in each group
// of up to three dimensions the analyst chooses, over the initiatives the filters match.
// The same table downloads as CSV or HXL from the server (GET /export/aggregate).

import { ask } from "../api";
import { el, loading, replaceChildren, table } from "../dom";
import { ownDownloads } from "../tables";
import { chosen, COUNTRY, filterBar, ORGANIZATION_TYPE, REGION, THEME, type FilterField } from "../filters";
import { param, setParams } from "../state";

interface Row {
  group: { by: string; value: string | null; label: string | null }[];
  initiatives: number;
  organizations: number;
  peopleReached: number | null;
  peopleReachedCounted: number;
  funding: { currency: string; amount: number; fundings: number }[];
}

const FIELDS: FilterField[] = [THEME, COUNTRY, REGION, ORGANIZATION_TYPE];
// The dimensions `aggregate` groups by, in the analyst's words.
const DIMENSIONS: Record<string, string> = {
  COUNTRY: "Country",
  ADMIN_AREA: "Admin area",
  REGION: "Region",
  THEME: "Theme",
  SECTOR: "Sector",
  ORGANIZATION_TYPE: "Organization type",
  STATUS: "Status",
  YEAR: "Year it starts",
};
const MAX_BY = 3;
const QUERY = `query Counts($by: [AggregateBy!]!, $filter: InitiativeFilter) {
  aggregate(by: $by, filter: $filter) {
    group { by value label } initiatives organizations peopleReached peopleReachedCounted
    funding { currency amount fundings }
  }
}`;

export async function countsView(root: HTMLElement): Promise<void> {
  const results = el("section", { class: "counts", "aria-label": "Results" });
  const draw = (): void => void drawCounts(results);
  const filters = await loading(root, () => filterBar(FIELDS, draw));
  replaceChildren(
    root,
    el("h2", {}, "Counts and sums"),
    el(
      "p",
      { class: "lead" },
      "How many initiatives and organizations, and how many people reached and how much money where recorded, in each group you choose. An initiative in two countries counts in both, and grouped by theme it counts under each of its themes, whichever theme the filter names; money is summed per currency, never across currencies; an empty cell means nothing was recorded, not zero.",
    ),
    el("div", { class: "toolbar" }, groupChoices(draw), filters ?? null),
    results,
  );
  await drawCounts(results);
}

/** The chosen dimensions: `by` in the query string, COUNTRY if none. */
function chosenBy(): string[] {
  const given = [...new Set((param("by") ?? "").split(",").filter((d) => d in DIMENSIONS))].slice(0, MAX_BY);
  return given.length ? given : ["COUNTRY"];
}

function groupChoices(onChange: () => void): HTMLElement {
  const by = chosenBy();
  const form = el("form", { class: "filters group-by", "aria-label": "Group by", onsubmit: (e) => e.preventDefault() });
  for (let n = 0; n < MAX_BY; n++) {
    const id = `group-by-${n + 1}`;
    const menu = el("select", { id, name: id });
    if (n > 0) menu.append(el("option", { value: "" }, "Nothing more"));
    for (const [value, label] of Object.entries(DIMENSIONS)) menu.append(el("option", { value }, label));
    menu.value = by[n] ?? "";
    menu.addEventListener("change", () => {
      const picked = [...form.querySelectorAll("select")].map((m) => m.value).filter(Boolean);
      setParams({ by: [...new Set(picked)].join(",") });
      onChange();
    });
    form.append(el("div", { class: "field" }, el("label", { for: id }, n === 0 ? "Group by" : "then by"), menu));
  }
  return form;
}

async function drawCounts(results: HTMLElement): Promise<void> {
  const by = chosenBy();
  const filter = chosen(FIELDS);
  const rows = await loading(results, async () => (await ask<{ aggregate: Row[] }>(QUERY, { by, filter })).aggregate);
  if (!rows) return;
  const currencies = [...new Set(rows.flatMap((r) => r.funding.map((f) => f.currency)))].sort();
  const header = [...by.map((d) => DIMENSIONS[d] ?? d), "Initiatives", "Organizations", "People reached", ...currencies.map((c) => `Funding (${c})`)];
  const cells = rows.map((r) => [
    ...r.group.map((g) => g.label ?? g.value ?? "not recorded"),
    r.initiatives.toLocaleString(),
    r.organizations.toLocaleString(),
    r.peopleReached === null ? "" : `${r.peopleReached.toLocaleString()} (by ${r.peopleReachedCounted})`,
    ...currencies.map((c) => r.funding.find((f) => f.currency === c)?.amount.toLocaleString() ?? ""),
  ]);
  replaceChildren(
    results,
    el(
      "p",
      { class: "count", "data-count": String(rows.length) },
      `${rows.length} group${rows.length === 1 ? "" : "s"}. Download: `,
      el("a", { href: exportLink(by, filter, "csv"), download: "", id: "aggregate-csv" }, "CSV"),
      " · ",
      el("a", { href: exportLink(by, filter, "hxl"), download: "", id: "aggregate-hxl" }, "HXL (hashtags under the headers)"),
    ),
    rows.length
      ? el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": "Table, scrolls sideways" }, ownDownloads(table(`Counts by ${by.map((d) => DIMENSIONS[d]?.toLowerCase()).join(", then ")}`, header, cells)))
      : el("p", {}, "No initiative on the map matches these filters."),
  );
}

function exportLink(by: string[], filter: Record<string, string>, format: string): string {
  const query = new URLSearchParams(by.map((d) => ["by", d]));
  query.set("format", format);
  // The API's enum names (UN_AGENCY) are the HTTP route's values in lower case (un_agency).
  for (const [name, value] of Object.entries(filter)) query.set(name, name === "organizationType" ? value.toLowerCase() : value);
  return `/export/aggregate?${query.toString()}`;
}
