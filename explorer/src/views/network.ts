// Network view: organizations, action groups, initiatives, places and SDG targets as a
// graph (from `graph`), coloured and shaped by kind, sized by degree. Filters narrow the
// whole-map drawing; a focus shows one node's neighbourhood; a click opens the details.

import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import { ask } from "../api";
import { showDetails } from "../details";
import { el, loading, replaceChildren, table } from "../dom";
import { chosen, filterBar, ORGANIZATION_TYPE, REGION, SDG_TARGET, THEME, type FilterField } from "../filters";
import { param, setParams } from "../state";

interface GraphNode {
  id: string;
  kind: string;
  label: string;
  degree: number;
}

interface Drawing {
  focus: string | null;
  truncated: boolean;
  nodes: GraphNode[];
  edges: { id: string; source: string; target: string; type: string; label: string | null }[];
}

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

const AREA: FilterField[] = [THEME, REGION, SDG_TARGET];
const FIELDS: FilterField[] = [...AREA, ORGANIZATION_TYPE];
const QUERY = `query Network($focus: ID, $depth: Int!, $filter: GraphFilter) {
  graph(focus: $focus, depth: $depth, filter: $filter) {
    focus truncated
    nodes { id kind label degree }
    edges { id source target type label }
  }
}`;

declare global {
  interface Window {
    /** The drawn network, for scripts and the browser tests. */
    explorer?: { network?: Core };
  }
}

export async function networkView(root: HTMLElement): Promise<void> {
  const canvas = el("div", { id: "network", class: "canvas", role: "img" });
  const panel = el("aside", { id: "details", class: "panel", "aria-label": "Details", hidden: true });
  const listing = el("div", { class: "listing" });
  const banner = el("div", { class: "focus-banner" });
  const key = el("ul", { class: "legend", "aria-label": "Legend" });
  const view = new NetworkView(canvas, panel, listing, banner, key);
  const filters = await loading(root, () => filterBar(FIELDS, () => void view.draw()));
  replaceChildren(
    root,
    el("h2", {}, "Who works with whom, on what, where"),
    el(
      "p",
      { class: "lead" },
      "Each dot is an organization, initiative, Alliance body, place or SDG target; larger dots have more ties. " +
        "Choose a node to read its details and sources, or show its neighbourhood.",
    ),
    el("div", { class: "toolbar" }, filters ?? null, searchBox((id) => view.select(id))),
    banner,
    el("div", { class: "split" }, el("div", { class: "drawing" }, canvas, key), panel),
    listing,
  );
  await view.draw();
  const selected = param("node");
  if (selected) await view.select(selected);
}

class NetworkView {
  private cy: Core | null = null;

  constructor(
    private readonly canvas: HTMLElement,
    private readonly panel: HTMLElement,
    private readonly listing: HTMLElement,
    private readonly banner: HTMLElement,
    private readonly key: HTMLElement,
  ) {}

  async draw(): Promise<void> {
    const focus = param("focus");
    const depth = Number(param("depth") ?? "1");
    const wanted = chosen(focus ? [ORGANIZATION_TYPE] : FIELDS);
    this.showFocus(focus, depth);
    const filter = { ...Object.fromEntries(Object.entries(wanted).filter(([, v]) => v)), limit: 400 };
    const found = await loading(this.canvas, () =>
      ask<{ graph: Drawing }>(QUERY, { focus, depth: focus ? depth : 1, filter }),
    );
    if (found) this.render(found.graph);
  }

  async select(id: string): Promise<void> {
    setParams({ node: id });
    this.cy?.elements().unselect();
    const drawn = this.cy?.getElementById(id);
    if (drawn && drawn.nonempty()) drawn.select();
    await showDetails(this.panel, id, { open: (other) => void this.select(other), focus: (f) => void this.focusOn(f) });
  }

  private async focusOn(id: string | null): Promise<void> {
    setParams({ focus: id, depth: null });
    await this.draw();
  }

  private showFocus(focus: string | null, depth: number): void {
    for (const field of AREA) {
      const menu = document.getElementById(`filter-${field.param}`) as HTMLSelectElement | null;
      if (menu) menu.disabled = focus !== null;
    }
    if (!focus) {
      replaceChildren(this.banner);
      return;
    }
    const steps = el("select", { id: "focus-depth", "aria-label": "Steps out from the focus" });
    for (const n of [1, 2, 3]) steps.append(el("option", { value: String(n) }, `${n} step${n > 1 ? "s" : ""} out`));
    steps.value = String(depth);
    steps.addEventListener("change", () => {
      setParams({ depth: steps.value });
      void this.draw();
    });
    replaceChildren(
      this.banner,
      el(
        "p",
        {},
        "Showing the neighbourhood of ",
        el("strong", { id: "focus-name" }, focus),
        ". Theme, region and SDG target filters apply to the whole map.",
      ),
      steps,
      el("button", { type: "button", onclick: () => void this.focusOn(null) }, "Back to the whole map"),
    );
  }

  private render(drawing: Drawing): void {
    const nodes = drawing.nodes;
    const biggest = Math.max(1, ...nodes.map((n) => n.degree));
    const labelled = nodes.length <= 40 ? 0 : 3;
    const elements: ElementDefinition[] = [
      ...nodes.map((n) => ({
        data: { ...n, shown: n.degree >= labelled || n.id === drawing.focus ? n.label : "" },
      })),
      ...drawing.edges.map((e) => ({ data: { ...e } })),
    ];
    this.cy?.destroy();
    this.cy = cytoscape({
      container: this.canvas,
      elements,
      style: styles(biggest),
      layout: { name: "cose", animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 60 },
      minZoom: 0.2,
      maxZoom: 4,
    });
    this.cy.on("tap", "node", (event) => void this.select(String(event.target.id())));
    window.explorer = { ...window.explorer, network: this.cy };
    const truncated = drawing.truncated ? " The node limit cut it short; narrow the filters to see the rest." : "";
    this.canvas.setAttribute(
      "aria-label",
      `A network drawing of ${nodes.length} nodes and ${drawing.edges.length} relationships; the table below lists the same nodes.${truncated}`,
    );
    this.canvas.dataset.nodes = String(nodes.length);
    const focused = nodes.find((n) => n.id === drawing.focus);
    const name = document.getElementById("focus-name");
    if (focused && name) name.textContent = focused.label;
    replaceChildren(this.listing, nodeTable(drawing, (id) => void this.select(id)));
    replaceChildren(this.key, ...legend(new Set(nodes.map((n) => n.kind))));
  }
}

function styles(biggest: number): cytoscape.StylesheetJson {
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

function legend(drawn: Set<string>): HTMLElement[] {
  const kinds = Object.entries(KINDS).filter(([kind]) => drawn.has(kind));
  return [
    ...kinds.map(([, look]) =>
      el("li", {}, el("span", { class: `swatch shape-${look.shape}`, style: `background:${look.colour}`, "aria-hidden": "true" }), look.name),
    ),
    el("li", {}, "Size: how many ties it has in the drawing"),
  ];
}

function nodeTable(drawing: Drawing, open: (id: string) => void): HTMLElement {
  const rows = [...drawing.nodes]
    .sort((a, b) => b.degree - a.degree || a.label.localeCompare(b.label))
    .map((n) => [
      el("button", { type: "button", class: "link", "data-node": n.id, onclick: () => open(n.id) }, n.label),
      KINDS[n.kind]?.name ?? n.kind,
      n.degree,
    ]);
  return el(
    "details",
    { class: "equivalent" },
    el("summary", {}, `The ${drawing.nodes.length} drawn nodes as a table`),
    table("Drawn nodes, most ties first", ["Name", "Kind", "Ties drawn"], rows),
  );
}

function searchBox(open: (id: string) => void): HTMLElement {
  const input = el("input", { id: "search", type: "search", name: "text", autocomplete: "off", placeholder: "e.g. knowledge platform" });
  const results = el("ul", { class: "search-results", "aria-live": "polite" });
  let timer = 0;
  const run = async (): Promise<void> => {
    const text = input.value.trim();
    if (text.length < 2) {
      replaceChildren(results);
      return;
    }
    const found = await loading(results, () =>
      ask<{ search: { id: string; kind: string; name: string }[] }>(
        "query Search($text: String!) { search(text: $text, first: 8) { id kind name } }",
        { text },
      ),
    );
    if (!found) return;
    const hits = found.search.map((hit) =>
      el("li", {}, el("button", { type: "button", class: "link", onclick: () => open(hit.id) }, hit.name), ` (${KINDS[hit.kind]?.name ?? hit.kind})`),
    );
    replaceChildren(results, ...(hits.length ? hits : [el("li", {}, "Nothing on the map matches.")]));
  };
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 250);
  });
  return el(
    "form",
    { role: "search", class: "search", onsubmit: (event) => { event.preventDefault(); void run(); } },
    el("label", { for: "search" }, "Search the map"),
    el("div", { class: "row" }, input, el("button", { type: "submit" }, "Search")),
    results,
  );
}
