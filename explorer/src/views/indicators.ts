// Indicators: one indicator's observed values over time, as a chart for the chosen country
// (its own figures and those of the regions it lies in, told apart) or, with no country,
// for the regions; and the same values as a table with publisher, edition and source.
// A year or place with no figure has no point: nothing is drawn as zero.

import { ask } from "../api";
import { el, loading, replaceChildren, sentence, table, type Child } from "../dom";
import { countries, filterBar, type Choice, type FilterField } from "../filters";
import { param, setParams } from "../state";
import { chart, type Series } from "./indicator-chart";

interface Value {
  value: number | null;
  unit: string | null;
  dataYear: number | null;
  dataPeriod: string | null;
  edition: string | null;
  publisher: string | null;
  level: string;
  matched: string | null;
  flag: string | null;
  place: { id: string; name: string };
  source: { name: string } | null;
}

interface Indicator {
  id: string;
  name: string;
  code: string | null;
  unit: string | null;
  definition: string | null;
  target: { value: number; year: number | null } | null;
  values: Value[];
}

const INDICATOR: FilterField = {
  param: "indicator",
  label: "Indicator",
  choices: async () =>
    (await ask<{ indicators: { id: string; name: string; code: string | null }[] }>("{ indicators { id name code } }")).indicators.map(
      (i): Choice => ({ value: i.id, label: i.code ? `${i.code} ${i.name}` : i.name }),
    ),
};
const COUNTRY: FilterField = { param: "country", label: "Country", choices: countries };
const DEFAULT = "indicator:sdg-8-7-1";
const QUERY = `query Values($id: ID!, $country: String) {
  node(id: $id) { ... on Indicator {
    id name code unit definition target { value year }
    values(country: $country) { value unit dataYear dataPeriod edition publisher level matched flag
      place { ... on Country { id name } ... on Region { id name } } source { name } }
  } }
}`;
const MATCHED: Record<string, string> = {
  IN_PLACE: "the country's own figure",
  THROUGH_REGION: "a region it lies in",
  WORLDWIDE: "the world",
  INSIDE: "a place inside it",
};

export async function indicatorsView(root: HTMLElement): Promise<void> {
  if (!param("indicator")) setParams({ indicator: DEFAULT }, { replace: true });
  const results = el("section", { class: "indicator", "aria-label": "Indicator values" });
  const filters = await loading(root, () => filterBar([INDICATOR, COUNTRY], () => void drawIndicator(results), "Regions only"));
  replaceChildren(
    root,
    el("h2", {}, "Indicators"),
    el(
      "p",
      { class: "lead" },
      "An indicator's published values over time. For a country, its own figures and those of the regions it lies in are drawn as separate lines, so a regional estimate is never read as the country's. A year with no figure has no point, which is not zero.",
    ),
    el("div", { class: "toolbar" }, filters ?? null),
    results,
  );
  await drawIndicator(results);
}

async function drawIndicator(results: HTMLElement): Promise<void> {
  const id = param("indicator") ?? DEFAULT;
  const country = param("country");
  const found = await loading(results, () => ask<{ node: Indicator | null }>(QUERY, { id, country }));
  if (!found) return;
  const indicator = found.node;
  if (!indicator) {
    replaceChildren(results, el("p", {}, `${id} is not an indicator on the map.`));
    return;
  }
  const shown = country ? indicator.values : indicator.values.filter((v) => v.level === "region");
  const series = bySeries(shown);
  const rows = shown.map((v): Child[] => [
    v.place.name,
    v.matched ? MATCHED[v.matched] ?? sentence(v.matched) : sentence(v.level),
    v.dataYear === null ? v.dataPeriod ?? "not given" : String(v.dataYear),
    v.value === null ? "no figure" : String(v.value),
    v.unit ?? "",
    v.flag ?? "",
    [v.publisher, v.edition].filter(Boolean).join(", "),
    v.source?.name ?? "",
  ]);
  replaceChildren(
    results,
    el("h3", {}, indicator.code ? `${indicator.code} ${indicator.name}` : indicator.name),
    indicator.definition ? el("p", {}, indicator.definition) : null,
    indicator.target
      ? el("p", { class: "target" }, `Target: ${indicator.target.value} ${indicator.unit ?? ""}${indicator.target.year ? ` by ${indicator.target.year}` : ""}.`)
      : el("p", { class: "target" }, "No source on the map sets a target for it."),
    el("p", { class: "count", "data-count": String(shown.length) }, `${shown.length} value${shown.length === 1 ? "" : "s"}${country ? "" : " for the regions (choose a country for its own figures)"}`),
    !shown.length
      ? el("p", {}, "No published figure covers this choice: there is no estimate, which is not zero.")
      : series.some((s) => s.points.length)
        ? chart(series, indicator.unit ?? "", indicator.name)
        : el("p", {}, "Its publisher gives no year for these figures, only a period: they are in the table, not drawn."),
    shown.length
      ? el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": "Table, scrolls sideways" },
          table("The values drawn", ["Place", "Whose figure", "Data year", "Value", "Unit", "Publisher's flag", "Publisher and edition", "Source"], rows))
      : null,
  );
}

/** One series per place, its points by data year; a figure whose publisher gives only a
 * period has no year to be drawn at, and is in the table alone. */
function bySeries(values: Value[]): Series[] {
  const places = new Map<string, Series>();
  for (const v of values) {
    if (v.value === null || v.dataYear === null) continue;
    const label = `${v.place.name}${v.matched === "THROUGH_REGION" ? " (regional estimate)" : ""}`;
    const series = places.get(v.place.id) ?? { label, points: [] };
    series.points.push({ year: v.dataYear, value: v.value, note: [v.publisher, v.edition].filter(Boolean).join(", ") });
    places.set(v.place.id, series);
  }
  return [...places.values()].map((s) => ({ ...s, points: s.points.sort((a, b) => a.year - b.year) }));
}
