// How the network looks: a colour and a shape per kind, sizes by degree, and the legend.

import type cytoscape from "cytoscape";
import { el } from "../dom";

// Okabe-Ito colours, which stay apart for the common colour-vision deficiencies, and a
// shape per kind so colour is never the only cue.
export const KINDS: Record<string, { colour: string; shape: string; name: string }> = {
  organization: { colour: "#0072B2", shape: "ellipse", name: "Organization" },
  initiative: { colour: "#D55E00", shape: "round-rectangle", name: "Initiative" },
  "action-group": { colour: "#CC79A7", shape: "hexagon", name: "Action group or Alliance body" },
  country: { colour: "#009E73", shape: "diamond", name: "Country" },
  region: { colour: "#56B4E9", shape: "triangle", name: "Region" },
  "sdg-target": { colour: "#E69F00", shape: "star", name: "SDG target" },
  theme: { colour: "#F0E442", shape: "vee", name: "Theme" },
  event: { colour: "#999999", shape: "tag", name: "Event" },
  sdg: { colour: "#8C6D1F", shape: "pentagon", name: "SDG" },
  source: { colour: "#444444", shape: "rectangle", name: "Source" },
  need: { colour: "#B2182B", shape: "octagon", name: "Need estimate" },
  // Three more from Paul Tol's muted scheme, each with a shape of its own.
  person: { colour: "#332288", shape: "round-triangle", name: "Person" },
  commitment: { colour: "#117733", shape: "rhomboid", name: "Commitment" },
  indicator: { colour: "#882255", shape: "round-pentagon", name: "Indicator" },
};
// A kind the page does not know yet still gets a look and a legend entry.
export const OTHER = { colour: "#777777", shape: "barrel", name: "Other" };
// Labels are never drawn smaller than this on screen, whatever the zoom.
export const LABEL_PX = 11;
// Rings of the drawing, inside out: what the map is about first, then who, then where.
export const RINGS = [
  "initiative",
  "commitment",
  "action-group",
  "organization",
  "person",
  "event",
  "theme",
  "indicator",
  "sdg",
  "sdg-target",
  "region",
  "country",
];

export function look(kind: string): { colour: string; shape: string; name: string } {
  return KINDS[kind] ?? { ...OTHER, name: `Other (${kind})` };
}

// Communities, coloured apart (Okabe-Ito again, in another order); those past the eighth
// share grey, and the legend says so.
export const COMMUNITY_COLOURS = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"];
export const OTHER_COMMUNITY = "#bbbbbb";

export function communityColour(number: number): string {
  return COMMUNITY_COLOURS[number] ?? OTHER_COMMUNITY;
}

/** What sizes the nodes: ties drawn (degree), closeness or eigenvector centrality. */
export type SizeBy = "degree" | "closeness" | "eigenvector";

export function styles(biggest: number, sizeBy: SizeBy = "degree", byCommunity = false): cytoscape.StylesheetJson {
  const size = (value: number): number => 14 + 42 * Math.sqrt(Math.max(value, 0) / (biggest || 1));
  return [
    {
      selector: "node",
      style: {
        label: "data(shown)",
        "font-size": LABEL_PX,
        "background-color": OTHER.colour,
        shape: OTHER.shape as cytoscape.Css.NodeShape,
        // Whole names, wrapped between words: never cut to "Allian…".
        "text-wrap": "wrap",
        "text-max-width": "120px",
        "text-valign": "bottom",
        "text-margin-y": 2,
        "border-width": 1,
        "border-color": "#ffffff",
        width: (node: cytoscape.NodeSingular) => size(Number(node.data(sizeBy))),
        height: (node: cytoscape.NodeSingular) => size(Number(node.data(sizeBy))),
      },
    },
    ...Object.entries(KINDS).map(([kind, look]) => ({
      selector: `node[kind = "${kind}"]`,
      style: byCommunity ? { shape: look.shape as cytoscape.Css.NodeShape } : { "background-color": look.colour, shape: look.shape as cytoscape.Css.NodeShape },
    })),
    ...(byCommunity
      ? [{ selector: "node", style: { "background-color": (node: cytoscape.NodeSingular) => communityColour(Number(node.data("community"))) } }]
      : []),
    { selector: "node:selected", style: { label: "data(label)", "border-width": 4, "border-color": "#111111", "font-weight": "bold" } },
    // Edges take no taps: a tap always lands on the node under it, never on a line across it.
    { selector: "edge", style: { width: 1, "line-color": "#b8b8b8", "curve-style": "haystack", opacity: 0.8, events: "no" } },
  ];
}

const SIZED: Record<SizeBy, string> = {
  degree: "how many ties it has in the drawing",
  closeness: "its closeness: how near it is to all it can reach",
  eigenvector: "its eigenvector centrality: tied to others that are well tied",
};

export function legend(drawn: Set<string>, sizeBy: SizeBy = "degree", communities: { number: number; name: string; size: number }[] | null = null): HTMLElement[] {
  const kinds = [...drawn].sort((a, b) => ring(a) - ring(b) || a.localeCompare(b)).map(look);
  const colours: (HTMLElement | null)[] = communities
    ? [
        ...communities.slice(0, COMMUNITY_COLOURS.length).map((c) =>
          el("li", { "data-community": c.number }, el("span", { class: "swatch", style: `background:${communityColour(c.number)}`, "aria-hidden": "true" }), `${c.name} and ${c.size - 1} more`),
        ),
        communities.length > COMMUNITY_COLOURS.length ? el("li", {}, el("span", { class: "swatch", style: `background:${OTHER_COMMUNITY}`, "aria-hidden": "true" }), `${communities.length - COMMUNITY_COLOURS.length} smaller communities`) : null,
      ]
    : [];
  return [
    ...kinds.map((shown) =>
      el("li", { "data-kind": shown.name }, el("span", { class: `swatch shape-${shown.shape}`, style: `background:${communities ? "#ffffff; border:1px solid #555" : shown.colour}`, "aria-hidden": "true" }), shown.name),
    ),
    ...colours.filter((c): c is HTMLElement => c !== null),
    el("li", {}, `Size: ${SIZED[sizeBy]}`),
  ];
}

export function ring(kind: string): number {
  const found = RINGS.indexOf(kind);
  return found < 0 ? RINGS.length : found;
}

/** The network as drawn, as a standalone SVG: each tie a line, each node a circle in its
 *  colour, each shown label in words wrapped as on the page (about 120 px a line). */
export function networkSvg(cy: cytoscape.Core): string {
  const box = cy.elements().boundingBox({});
  const pad = 20;
  const at = (p: cytoscape.Position): string => `${(p.x - box.x1 + pad).toFixed(1)} ${(p.y - box.y1 + pad).toFixed(1)}`;
  const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const parts: string[] = [];
  cy.edges().forEach((edge) => {
    const [x1, y1] = at(edge.source().position()).split(" ");
    const [x2, y2] = at(edge.target().position()).split(" ");
    parts.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${String(edge.style("line-color"))}" stroke-width="1" opacity="0.8"/>`);
  });
  cy.nodes().forEach((node) => {
    const [x, y] = at(node.position()).split(" ").map(Number);
    const r = node.width() / 2;
    parts.push(`<circle cx="${x}" cy="${y}" r="${r.toFixed(1)}" fill="${String(node.style("background-color"))}" stroke="#ffffff"><title>${escape(String(node.data("label")))}</title></circle>`);
    const label = String(node.style("label") ?? "");
    const px = Number.parseFloat(String(node.style("font-size"))) || LABEL_PX;
    wrapped(label, 20).forEach((line, n) => {
      parts.push(`<text x="${x}" y="${((y ?? 0) + r + px * (n + 1.1)).toFixed(1)}" font-size="${px.toFixed(1)}" font-family="sans-serif" text-anchor="middle">${escape(line)}</text>`);
    });
  });
  const width = box.w + 2 * pad;
  const height = box.h + 2 * pad;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width.toFixed(0)}" height="${height.toFixed(0)}" viewBox="0 0 ${width.toFixed(0)} ${height.toFixed(0)}"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join("")}</svg>`;
}

/** `text` in lines of about `width` characters, broken between words only. */
function wrapped(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] ?? "").length + word.length < width) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return lines;
}
