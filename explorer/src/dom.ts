// Small helpers for building the page: elements, tables, and the alert banner. Text always
// goes in as text nodes, so nothing from the API is ever parsed as HTML.

import { ApiError } from "./api";

type Attr = string | number | boolean | null | undefined | ((event: Event) => void);
export type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, Attr> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === "function") {
      node.addEventListener(name.replace(/^on/, ""), value);
    } else if (typeof value === "boolean") {
      node.toggleAttribute(name, value);
    } else if (value !== null && value !== undefined) {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function table(caption: string, headers: string[], rows: Child[][]): HTMLTableElement {
  return el(
    "table",
    {},
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...rows.map((cells) => el("tr", {}, ...cells.map((c) => el("td", {}, c))))),
  );
}

/** Text as a file name's stem: lower case, words joined by "-" ("Counts by theme" gives
 *  "counts-by-theme"); `otherwise` where nothing is left. */
export function slug(text: string, otherwise: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || otherwise;
}

/** An enum value such as CO_CHAIR in words: "co chair". */
export function words(value: string): string {
  return value.toLowerCase().replace(/_/g, " ");
}

/** The same, starting with a capital: "Co chair". */
export function sentence(value: string): string {
  const said = words(value);
  return said.charAt(0).toUpperCase() + said.slice(1);
}

export function number(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? "—" : value.toFixed(digits);
}

export function showError(error: unknown): void {
  const banner = document.getElementById("alert");
  if (!banner) return;
  const message =
    error instanceof ApiError ? error.message : "Something went wrong on this page. Reload it to try again.";
  banner.dataset.code = error instanceof ApiError ? error.code : "PAGE";
  replaceChildren(banner, el("strong", {}, "Cannot show this view. "), message);
  banner.hidden = false;
  if (!(error instanceof ApiError)) console.error(error);
}

export function clearError(): void {
  const banner = document.getElementById("alert");
  if (banner) banner.hidden = true;
}

const latest = new WeakMap<HTMLElement, number>();
let requests = 0;

/** Marks a region busy while it loads, and ready (for scripts and tests) when done. Only
 * the latest call for a region counts: an answer that arrives after a newer request began
 * is dropped (undefined), so a slow old answer never overwrites a newer choice. */
export async function loading<T>(region: HTMLElement, work: () => Promise<T>): Promise<T | undefined> {
  const mine = ++requests;
  latest.set(region, mine);
  region.setAttribute("aria-busy", "true");
  region.dataset.state = "loading";
  try {
    const result = await work();
    if (latest.get(region) !== mine) return undefined;
    clearError();
    region.dataset.state = "ready";
    return result;
  } catch (error) {
    if (latest.get(region) !== mine) return undefined;
    region.dataset.state = "failed";
    showError(error);
    return undefined;
  } finally {
    if (latest.get(region) === mine) region.removeAttribute("aria-busy");
  }
}
