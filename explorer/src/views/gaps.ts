// Gap map: each country coloured by its coverage gap for one theme (from `coverage`), need
// and coverage in a tooltip, a legend, "no estimate" drawn as such, and the widest gaps
// (from `coverageGaps`) in a table beside it.

import { geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { scaleQuantile, type ScaleQuantile } from "d3-scale";
import { interpolateBlues, interpolateOrRd } from "d3-scale-chromatic";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import atlasUrl from "world-atlas/countries-110m.json?url";
import { ask } from "../api";
import { el, loading, number, replaceChildren, table } from "../dom";
import { filterBar, THEME, type FilterField } from "../filters";
import { param, setParams } from "../state";
import { saveButtons, svgDrawing } from "../figures";

interface Need {
  measure: string;
  value: number;
  unit: string;
  people: number | null;
  dataYear: number | null;
  dataPeriod: string | null;
  edition: string | null;
  basis: "COUNTRY" | "REGION";
  sources: string[];
  region: string | null;
}

interface PlaceCoverage {
  place: { id: string; name: string; iso3?: string; m49?: string | null; iloRegion?: string | null };
  theme: { id: string; name: string };
  initiatives: number;
  regionalInitiatives: number;
  worldwideInitiatives: number;
  organizations: number;
  notActive: number;
  need: Need | null;
  // Organizations present at country level; null where no country-level work is recorded.
  coverage: number | null;
  countryLevelWork: boolean;
  peopleReached: number | null;
  gapScore: number | null;
  rateGapScore: number | null;
  tiedWith: number;
  why: string;
}

const ROW = `place { ... on Country { id name iso3 m49 iloRegion } ... on Region { id name } }
  theme { id name } initiatives regionalInitiatives worldwideInitiatives organizations notActive countryLevelWork peopleReached
  need { measure value unit people dataYear dataPeriod edition basis sources region } coverage gapScore rateGapScore tiedWith why`;
const QUERY = `query Gaps($theme: String!, $level: CoverageLevel!) {
  coverage(theme: $theme, level: COUNTRY) { ${ROW} }
  byPeople: coverageGaps(theme: $theme, level: $level, limit: 10, rankBy: PEOPLE) { ${ROW} }
  byRate: coverageGaps(theme: $theme, level: $level, limit: 10, rankBy: RATE) { ${ROW} }
}`;
// The map's layers: what colours the countries, each with its own legend.
interface Layer {
  label: string;
  // What a place without a value is said to have.
  missing: string;
  value: (r: PlaceCoverage) => number | null;
  colours: (t: number) => string;
}
const LAYERS: Record<string, Layer> = {
  gap: { label: "Gap by rate", missing: "No figure", value: (r) => r.rateGapScore, colours: interpolateOrRd },
  need: { label: "Need (rate)", missing: "No figure", value: (r) => r.need?.value ?? null, colours: interpolateOrRd },
  coverage: {
    label: "Coverage (organizations present)",
    missing: "No country-level work recorded",
    value: (r) => r.coverage,
    colours: interpolateBlues,
  },
};
const WIDTH = 960;
const HEIGHT = 500;
const NO_ESTIMATE = "url(#no-estimate)";
const NOT_ON_MAP = "#eeeeee";

export async function gapsView(root: HTMLElement): Promise<void> {
  const theme = param("theme") ?? (await widestGapTheme());
  if (!theme) return;
  setParams({ theme }, { replace: true });
  const map = el("figure", { class: "map" });
  const side = el("div", { class: "top-gaps" });
  const all = el("div", { class: "listing" });
  const fields: FilterField[] = [THEME];
  const redraw = (): void => void drawGaps(map, side, all);
  const filters = await loading(root, () => filterBar(fields, redraw, "Choose a theme"));
  replaceChildren(
    root,
    el("h2", {}, "Where need is high and coverage low"),
    el(
      "p",
      { class: "lead" },
      "Need is the country's own published figure where there is one (Global Slavery Index 2023, UNICEF 2023), else its ILO region's; " +
        "coverage is the organizations present: those in work recorded in the country itself that runs today. Regional and worldwide work is shown apart, never added in; " +
        "a country with no country-level work recorded says so rather than a number. The map colours the gap by rate; " +
        "the table ranks the widest gaps by people.",
    ),
    el("div", { class: "toolbar" }, filters ?? null, levelChoice(redraw), layerChoice(redraw)),
    el("div", { class: "split" }, map, side),
    all,
  );
  await drawGaps(map, side, all);
}

async function widestGapTheme(): Promise<string | null> {
  const found = await loading(document.getElementById("view") ?? document.body, () =>
    ask<{ coverageGaps: { theme: { id: string } }[] }>("{ coverageGaps(level: REGION, limit: 1) { theme { id } } }"),
  );
  return found?.coverageGaps[0]?.theme.id ?? null;
}

function levelChoice(onChange: () => void): HTMLElement {
  const menu = el("select", { id: "gap-level" }, el("option", { value: "COUNTRY" }, "Countries"), el("option", { value: "REGION" }, "Regions"));
  menu.value = param("level") ?? "COUNTRY";
  menu.addEventListener("change", () => {
    setParams({ level: menu.value === "COUNTRY" ? null : menu.value });
    onChange();
  });
  return el("div", { class: "field" }, el("label", { for: "gap-level" }, "Widest gaps among"), menu);
}

function layerChoice(onChange: () => void): HTMLElement {
  const menu = el("select", { id: "gap-layer" }, ...Object.entries(LAYERS).map(([key, l]) => el("option", { value: key }, l.label)));
  menu.value = param("layer") ?? "gap";
  menu.addEventListener("change", () => {
    setParams({ layer: menu.value === "gap" ? null : menu.value });
    onChange();
  });
  return el("div", { class: "field" }, el("label", { for: "gap-layer" }, "Colour the map by"), menu);
}

function layer(): Layer {
  return LAYERS[param("layer") ?? "gap"] ?? (LAYERS.gap as Layer);
}

async function drawGaps(map: HTMLElement, side: HTMLElement, all: HTMLElement): Promise<void> {
  const theme = param("theme");
  if (!theme) return;
  const level = param("level") ?? "COUNTRY";
  const found = await loading(map, async () => {
    const [atlas, answer] = await Promise.all([loadAtlas(), ask<{ coverage: PlaceCoverage[]; byPeople: PlaceCoverage[]; byRate: PlaceCoverage[] }>(QUERY, { theme, level })]);
    return { atlas, ...answer };
  });
  if (!found) return;
  const shown = layer();
  const scale = colourScale(found.coverage, shown);
  const world = worldMap(found.atlas, found.coverage, scale, shown);
  replaceChildren(map, world, legend(scale, shown), saveButtons(`gap-map-${theme.replace(/^theme:/, "")}`, svgDrawing(world)), el(
      "figcaption",
      { class: "tooltip", "aria-live": "polite" },
      "Point at or tap a country to read its need, coverage and gap.",
    ),
  );
  const estimated = found.coverage.some((r) => r.need !== null);
  // By people where the figures give counts; else by rate, and the caption says so.
  const ranked = found.byPeople.length ? found.byPeople : found.byRate;
  const by = found.byPeople.length ? "by people" : "by rate (these figures give no count of people)";
  replaceChildren(
    side,
    estimated
      ? el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": "Widest gaps, scrolls sideways" }, gapTable(`The ${ranked.length} widest gaps, ${by}`, ranked, false))
      : el("p", { class: "no-estimate" }, "No published estimate of need for this theme: no place is ranked as a gap."),
  );
  replaceChildren(
    all,
    el("details", { class: "equivalent" }, el("summary", {}, `Every country as a table (${found.coverage.length})`), el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": "Every country, scrolls sideways" }, gapTable("Coverage and need by country", found.coverage, true))),
  );
}

let atlas: Promise<Topology> | null = null;
function loadAtlas(): Promise<Topology> {
  // Served from the explorer's own assets, never from a third party.
  atlas ??= fetch(atlasUrl).then((r) => r.json() as Promise<Topology>);
  return atlas;
}

// Quantile classes: each colour holds about as many countries as the next, so that the many
// low values differ from one another as well as from the few high ones (a linear scale
// draws most of the world in one pale fill). The legend says so.
const CLASSES = 7;
type Colours = ScaleQuantile<string>;

function colourScale(rows: PlaceCoverage[], shown: Layer): Colours {
  const values = rows.map((r) => shown.value(r)).filter((v): v is number => v !== null);
  // Few distinct values (regional figures only): one colour each, never two classes alike.
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const classes = Math.max(1, Math.min(CLASSES, distinct.length));
  const fills = Array.from({ length: classes }, (_, i) => shown.colours((i + 1) / (classes + 1)));
  const domain = distinct.length <= CLASSES ? distinct : values;
  return scaleQuantile<string>().domain(domain.length ? domain : [0]).range(fills);
}

function worldMap(topology: Topology, rows: PlaceCoverage[], colour: Colours, shown: Layer): SVGSVGElement {
  const byM49 = new Map(rows.filter((r) => r.place.m49).map((r) => [r.place.m49 as string, r]));
  const countries = feature(topology, topology.objects.countries as GeometryCollection);
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], countries as GeoPermissibleObjects);
  const path = geoPath(projection);
  const svg = svgEl("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", class: "world" });
  const coloured = rows.filter((r) => r.rateGapScore !== null).length;
  svg.setAttribute("aria-label", `World map of ${shown.label.toLowerCase()} for ${rows[0]?.theme.name ?? "the theme"}: ${coloured} countries have an estimate; the table lists every country.`);
  svg.append(hatching());
  for (const shape of countries.features) {
    const row = byM49.get(String(shape.id));
    const value = row ? shown.value(row) : null;
    const fill = row ? (value === null ? NO_ESTIMATE : colour(value)) : NOT_ON_MAP;
    const outline = svgEl("path", { d: path(shape) ?? "", fill, class: "country" });
    if (row) {
      Object.assign(outline.dataset, { iso3: row.place.iso3 ?? "", iloRegion: row.place.iloRegion ?? "", gap: String(row.rateGapScore ?? "none") });
      outline.addEventListener("mouseenter", () => tooltip(svg, row));
      outline.addEventListener("click", () => tooltip(svg, row));
    }
    svg.append(outline);
  }
  return svg;
}

function tooltip(svg: SVGSVGElement, row: PlaceCoverage): void {
  const box = svg.parentElement?.querySelector(".tooltip");
  if (!box) return;
  replaceChildren(
    box,
    el("strong", {}, row.place.name),
    el("span", {}, `Need: ${needText(row.need)}`),
    el("span", {}, `Source: ${row.need ? `${row.need.sources.join("; ")}; ${row.need.dataYear !== null ? `${row.need.dataYear} data` : `data from ${row.need.dataPeriod ?? "a year not given"}`}` : "none published"}`),
    el(
      "span",
      {},
      row.countryLevelWork
        ? `Coverage: ${row.coverage ?? 0} organization(s) present in ${row.initiatives} initiative(s) here` +
            (row.peopleReached === null ? "" : `, reaching ${row.peopleReached.toLocaleString()} people`)
        : "No country-level work recorded (not the same as none)",
      ` (apart: ${row.regionalInitiatives} regional, ${row.worldwideInitiatives} worldwide; ${row.notActive} not active)`,
    ),
    el("span", {}, `Gap by rate: ${row.rateGapScore === null ? "no estimate" : number(row.rateGapScore, 3)}`),
    el("span", { class: "note" }, row.why),
  );
}

function needText(need: Need | null): string {
  if (!need) return "No estimate";
  const whose = need.basis === "COUNTRY" ? "its own figure" : `the figure for ${need.region ?? "its region"}`;
  const people = need.people === null ? "" : `, ${need.people.toLocaleString("en")} people`;
  return `${need.measure} ${need.value} ${need.unit}${people} (${whose})`;
}

function legend(colour: Colours, shown: Layer): HTMLElement {
  const cuts = colour.quantiles();
  const domain = colour.domain();
  const low = Math.min(...domain);
  const high = Math.max(...domain);
  const bounds = [low, ...cuts, high];
  return el(
    "ul",
    { class: "legend", "aria-label": "Legend" },
    el("li", {}, `${shown.label}: `),
    ...colour.range().map((fill, i) =>
      el(
        "li",
        {},
        el("span", { class: "swatch", style: `background:${fill}`, "aria-hidden": "true" }),
        // One value a colour: the value; classes: the range each holds.
        domain.length === colour.range().length ? number(domain[i], 2) : `${number(bounds[i], 2)}–${number(bounds[i + 1], 2)}`,
      ),
    ),
    el("li", {}, el("span", { class: "swatch hatched", "aria-hidden": "true" }), shown.missing),
    el("li", {}, el("span", { class: "swatch", style: `background:${NOT_ON_MAP}`, "aria-hidden": "true" }), "Not on the map"),
    el(
      "li",
      { class: "scale-note" },
      domain.length === colour.range().length
        ? `One colour for each of the ${domain.length} values.`
        : `Quantiles: ${CLASSES} classes of about as many countries each.`,
    ),
  );
}

function gapTable(caption: string, rows: PlaceCoverage[], withWhy: boolean): HTMLTableElement {
  const header = ["Place", "Need", "Coverage", "Gap by people", "Gap by rate"];
  return table(
    caption,
    withWhy ? [...header, "Why"] : header,
    rows.map((r) => {
      const gap = r.gapScore === null ? (r.need ? "No count of people" : "No estimate") : number(r.gapScore, 0);
      const rate = r.rateGapScore === null ? "No estimate" : number(r.rateGapScore, 3);
      const tied = r.tiedWith ? ` (tied with ${r.tiedWith} more)` : "";
      const cells = [r.place.name + tied, needText(r.need), r.coverage === null ? "no country-level work recorded" : String(r.coverage), gap, rate];
      return withWhy ? [...cells, r.why] : cells;
    }),
  );
}

function hatching(): SVGElement {
  const pattern = svgEl("pattern", { id: "no-estimate", width: "6", height: "6", patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  pattern.append(svgEl("rect", { width: "6", height: "6", fill: "#f4f4f4" }), svgEl("line", { x1: "0", y1: "0", x2: "0", y2: "6", stroke: "#9a9a9a", "stroke-width": "2" }));
  const defs = svgEl("defs", {});
  defs.append(pattern);
  return defs;
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string>): SVGElementTagNameMap[K] {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}
