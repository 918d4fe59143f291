// Network view: organizations, action groups, initiatives, places and SDG targets as a
// graph (from `graph`), coloured and shaped by kind, sized by degree. Filters narrow the
// whole-map drawing; a focus shows one node's neighbourhood; a click opens the details.

import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import { ask } from "../api";
import { showDetails } from "../details";
import { el, loading, replaceChildren, table } from "../dom";
import { chosen, filterBar, ORGANIZATION_TYPE, REGION, SDG_TARGET, THEME, type FilterField } from "../filters";
import { param, setParams } from "../state";
import { saveButtons } from "../figures";
import { communityColour, LABEL_PX, legend, look, networkSvg, ring, RINGS, styles, type SizeBy } from "./network-look";
import { searchBox } from "./network-search";

interface GraphNode {
  id: string;
  kind: string;
  label: string;
  degree: number;
  community: number;
  closeness: number;
  eigenvector: number;
}

interface Community {
  number: number;
  name: string;
  size: number;
}

interface Drawing {
  focus: string | null;
  truncated: boolean;
  nodes: GraphNode[];
  communities: Community[];
  edges: { id: string; source: string; target: string; type: string; label: string | null }[];
}

const AREA: FilterField[] = [THEME, REGION, SDG_TARGET];
const FIELDS: FilterField[] = [...AREA, ORGANIZATION_TYPE];
const QUERY = `query Network($focus: ID, $depth: Int!, $filter: GraphFilter) {
  graph(focus: $focus, depth: $depth, filter: $filter) {
    focus truncated
    nodes { id kind label degree community closeness eigenvector }
    edges { id source target type label }
    communities { number name size }
  }
}`;

declare global {
  interface Window {
    /** The drawn network, for scripts and the browser tests. */
    explorer?: { network?: Core };
  }
}

export async function networkView(root: HTMLElement): Promise<void> {
  const canvas = el("div", { id: "network", class: "canvas", role: "img", tabindex: "0" });
  const panel = el("aside", { id: "details", class: "panel", "aria-label": "Details", hidden: true });
  const listing = el("div", { class: "listing" });
  const banner = el("div", { class: "focus-banner" });
  const key = el("ul", { class: "legend", "aria-label": "Legend" });
  const empty = el("p", { class: "empty", role: "status", hidden: true }, "Nothing on the map matches these filters.");
  const view = new NetworkView(canvas, panel, listing, banner, key, empty);
  const controls = el(
    "div",
    { class: "zoom-controls", role: "group", "aria-label": "Zoom" },
    el("button", { type: "button", id: "zoom-in", onclick: () => view.zoom(1.25) }, "Zoom in"),
    el("button", { type: "button", id: "zoom-out", onclick: () => view.zoom(0.8) }, "Zoom out"),
    el("button", { type: "button", id: "zoom-fit", onclick: () => view.fit() }, "Fit"),
    el("button", { type: "button", id: "zoom-reset", onclick: () => view.reset() }, "Reset"),
  );
  const saving = saveButtons("network", { svg: () => view.svg(), png: () => view.png() });
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
    el("div", { class: "toolbar" }, filters ?? null, lookChoices(() => void view.draw()), searchBox((id) => view.select(id))),
    banner,
    el("div", { class: "split" }, el("div", { class: "drawing" }, controls, empty, canvas, key, saving), panel),
    listing,
  );
  await view.draw();
  const selected = param("node");
  if (selected) await view.select(selected);
}

class NetworkView {
  private cy: Core | null = null;

  svg(): string {
    return this.cy ? networkSvg(this.cy) : "";
  }

  async png(): Promise<Blob> {
    if (!this.cy) throw new Error("nothing is drawn yet");
    return this.cy.png({ output: "blob-promise", full: true, scale: 2, bg: "#ffffff" });
  }

  constructor(
    private readonly canvas: HTMLElement,
    private readonly panel: HTMLElement,
    private readonly listing: HTMLElement,
    private readonly banner: HTMLElement,
    private readonly key: HTMLElement,
    private readonly empty: HTMLElement,
  ) {}

  zoom(by: number): void {
    if (!this.cy) return;
    const middle = { x: this.canvas.clientWidth / 2, y: this.canvas.clientHeight / 2 };
    this.cy.zoom({ level: this.cy.zoom() * by, renderedPosition: middle });
  }

  fit(): void {
    this.cy?.fit(undefined, 20);
  }

  /** Back to the drawing as it first looked: nothing selected, the panel closed, fitted. */
  reset(): void {
    this.cy?.elements().unselect();
    this.closeDetails();
  }

  /** Close the details panel; keyboard focus goes back to the map. */
  private closeDetails(): void {
    setParams({ node: null });
    this.panel.hidden = true;
    this.cy?.resize();
    this.fit();
    this.canvas.focus({ preventScroll: true });
  }

  async draw(): Promise<void> {
    const focus = param("focus");
    const depth = Number(param("depth") ?? "1");
    const filter = { ...chosen(focus ? [ORGANIZATION_TYPE] : FIELDS), limit: 400 };
    this.showFocus(focus, depth);
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
    await showDetails(this.panel, id, {
      open: (other) => void this.select(other),
      focus: (f) => void this.focusOn(f),
      close: () => this.closeDetails(),
    });
    // The panel takes room from the drawing: fit it again, and bring the panel into view.
    this.cy?.resize();
    this.fit();
    if (window.matchMedia("(max-width: 720px)").matches) this.panel.scrollIntoView({ block: "start" });
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
    const sizeBy = (param("size") ?? "degree") as SizeBy;
    const byCommunity = param("colour") === "community";
    const biggest = Math.max(0.000001, ...nodes.map((n) => n[sizeBy]));
    const labelled = nodes.length <= 40 ? 0 : 3;
    const elements: ElementDefinition[] = [
      ...nodes.map((n) => ({
        data: { ...n, shown: n.degree >= labelled || n.id === drawing.focus ? n.label : "" },
      })),
      ...drawing.edges.map((e) => ({ data: { ...e } })),
    ];
    this.cy?.destroy();
    this.empty.hidden = nodes.length > 0;
    // The same link always draws the same picture: rings by kind (initiatives inside,
    // places outside), each ring ordered by ties, then by id; no randomness.
    this.cy = cytoscape({
      container: this.canvas,
      elements,
      style: styles(biggest, sizeBy, byCommunity),
      layout: {
        name: "concentric",
        animate: false,
        minNodeSpacing: 12,
        concentric: (node: cytoscape.NodeSingular) => (RINGS.length + 1 - ring(String(node.data("kind")))) * 1000 + Number(node.data("degree")),
        levelWidth: () => 1000,
        sort: (a: cytoscape.NodeSingular, b: cytoscape.NodeSingular) =>
          Number(b.data("degree")) - Number(a.data("degree")) || String(a.id()).localeCompare(String(b.id())),
      } as cytoscape.LayoutOptions,
      minZoom: 0.2,
      maxZoom: 4,
    });
    // Labels stay at least LABEL_PX on screen: sized for the fitted drawing, which is also
    // as far as it zooms out.
    const fitted = Math.min(1, this.cy.zoom());
    this.cy.minZoom(fitted);
    this.cy.style().selector("node").style("font-size", LABEL_PX / fitted).update();
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
    replaceChildren(this.key, ...legend(new Set(nodes.map((n) => n.kind)), sizeBy, byCommunity ? drawing.communities : null));
  }
}

function nodeTable(drawing: Drawing, open: (id: string) => void): HTMLElement {
  const named = new Map(drawing.communities.map((c) => [c.number, c.name]));
  const rows = [...drawing.nodes]
    .sort((a, b) => b.degree - a.degree || a.label.localeCompare(b.label))
    .map((n) => [
      el("button", { type: "button", class: "link", "data-node": n.id, onclick: () => open(n.id) }, n.label),
      look(n.kind).name,
      n.degree,
      n.closeness.toFixed(3),
      n.eigenvector.toFixed(3),
      named.get(n.community) ?? "",
    ]);
  return el(
    "div",
    {},
    el(
      "details",
      { class: "equivalent" },
      el("summary", {}, `The ${drawing.communities.length} communities of the drawing`),
      table(
        "Communities (Louvain, fixed seed), each named by its most central member",
        ["Community", "Nodes"],
        drawing.communities.map((c) => [el("span", {}, el("span", { class: "swatch", style: `background:${communityColour(c.number)}`, "aria-hidden": "true" }), ` ${c.name}`), c.size]),
      ),
    ),
    el(
      "details",
      { class: "equivalent" },
      el("summary", {}, `The ${drawing.nodes.length} drawn nodes as a table`),
      table("Drawn nodes, most ties first", ["Name", "Kind", "Ties drawn", "Closeness", "Eigenvector", "Community"], rows),
    ),
  );
}

/** Colour by kind or by community; size by ties, closeness or eigenvector centrality. */
function lookChoices(onChange: () => void): HTMLElement {
  const colour = el("select", { id: "network-colour" }, el("option", { value: "kind" }, "Kind"), el("option", { value: "community" }, "Community"));
  colour.value = param("colour") ?? "kind";
  const size = el("select", { id: "network-size" }, el("option", { value: "degree" }, "Ties drawn"), el("option", { value: "closeness" }, "Closeness"), el("option", { value: "eigenvector" }, "Eigenvector centrality"));
  size.value = param("size") ?? "degree";
  colour.addEventListener("change", () => {
    setParams({ colour: colour.value === "kind" ? null : colour.value });
    onChange();
  });
  size.addEventListener("change", () => {
    setParams({ size: size.value === "degree" ? null : size.value });
    onChange();
  });
  return el(
    "div",
    { class: "look-choices" },
    el("div", { class: "field" }, el("label", { for: "network-colour" }, "Colour by"), colour),
    el("div", { class: "field" }, el("label", { for: "network-size" }, "Size by"), size),
  );
}
