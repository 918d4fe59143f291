// The network's search box: full-text search over the whole map (`search`), each hit a
// button that opens its details.

import { ask } from "../api";
import { el, loading, replaceChildren } from "../dom";
import { KINDS } from "./network-look";

export function searchBox(open: (id: string) => void): HTMLElement {
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
