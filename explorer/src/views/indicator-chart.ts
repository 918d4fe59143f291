// A small line chart in SVG: one line and its points per series, years along the bottom,
// values up the side from zero. Each point has a title (hover, and read by screen
// readers); the table beside it holds the same values.

import { el, slug } from "../dom";
import { saveButtons, svgDrawing } from "../figures";

export interface Series {
  label: string;
  points: { year: number; value: number; note: string }[];
}

// Okabe-Ito, as the network uses: apart for the common colour-vision deficiencies.
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];
const WIDTH = 640;
const HEIGHT = 280;
const PAD = { left: 52, right: 16, top: 28, bottom: 32 };
const SVG = "http://www.w3.org/2000/svg";

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function chart(series: Series[], unit: string, title: string): HTMLElement {
  const points = series.flatMap((s) => s.points);
  const years = points.map((p) => p.year);
  const first = Math.min(...years) - 1;
  const last = Math.max(...years) + 1;
  const top = Math.max(...points.map((p) => p.value)) * 1.15 || 1;
  const x = (year: number): number => PAD.left + ((year - first) / (last - first)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number): number => HEIGHT - PAD.bottom - (value / top) * (HEIGHT - PAD.top - PAD.bottom);
  const drawing = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", class: "chart", "data-points": points.length });
  drawing.append(svg("title", {}, `${title}: values by data year`));
  for (let i = 0; i <= 4; i++) {
    const value = (top / 4) * i;
    drawing.append(
      svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(value), y2: y(value), stroke: "#e2e2e6" }),
      svg("text", { x: PAD.left - 6, y: y(value) + 4, "text-anchor": "end", "font-size": 11 }, value.toFixed(value < 10 ? 1 : 0)),
    );
  }
  for (const year of [...new Set(years)].sort()) {
    drawing.append(svg("text", { x: x(year), y: HEIGHT - PAD.bottom + 18, "text-anchor": "middle", "font-size": 11 }, String(year)));
  }
  drawing.append(svg("text", { x: 4, y: 14, "font-size": 11 }, unit));
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length] ?? "#000000";
    if (s.points.length > 1) {
      drawing.append(svg("polyline", { points: s.points.map((p) => `${x(p.year)},${y(p.value)}`).join(" "), fill: "none", stroke: colour, "stroke-width": 2 }));
    }
    for (const p of s.points) {
      const dot = svg("circle", { cx: x(p.year), cy: y(p.value), r: 4.5, fill: colour });
      dot.append(svg("title", {}, `${s.label}, ${p.year}: ${p.value} ${unit} (${p.note})`));
      drawing.append(dot);
    }
  });
  const key = el(
    "ul",
    { class: "legend" },
    ...series.map((s, i) => el("li", {}, el("span", { class: "swatch", style: `background:${COLOURS[i % COLOURS.length] ?? "#000000"}`, "aria-hidden": "true" }), s.label)),
  );
  const figure = el("figure", { class: "chart-figure" }, key, saveButtons(slug(title, "indicator"), svgDrawing(drawing as SVGSVGElement)));
  figure.prepend(drawing);
  return figure;
}
