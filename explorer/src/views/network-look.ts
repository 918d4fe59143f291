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
};

export function styles(biggest: number): cytoscape.StylesheetJson {
  const size = (degree: number): number => 14 + 42 * Math.sqrt(degree / biggest);
  return [
    {
      selector: "node",
      style: {
        label: "data(shown)",
        "font-size": 9,
        "text-wrap": "ellipsis",
        "text-max-width": "110px",
        "text-valign": "bottom",
        "text-margin-y": 2,
        "border-width": 1,
        "border-color": "#ffffff",
        width: (node: cytoscape.NodeSingular) => size(Number(node.data("degree"))),
        height: (node: cytoscape.NodeSingular) => size(Number(node.data("degree"))),
      },
    },
    ...Object.entries(KINDS).map(([kind, look]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { "background-color": look.colour, shape: look.shape as cytoscape.Css.NodeShape },
    })),
    { selector: "node:selected", style: { label: "data(label)", "border-width": 4, "border-color": "#111111", "font-weight": "bold" } },
    { selector: "edge", style: { width: 1, "line-color": "#b8b8b8", "curve-style": "haystack", opacity: 0.8 } },
  ];
}

export function legend(drawn: Set<string>): HTMLElement[] {
  const kinds = Object.entries(KINDS).filter(([kind]) => drawn.has(kind));
  return [
    ...kinds.map(([, look]) =>
      el("li", {}, el("span", { class: `swatch shape-${look.shape}`, style: `background:${look.colour}`, "aria-hidden": "true" }), look.name),
    ),
    el("li", {}, "Size: how many ties it has in the drawing"),
  ];
}
