// Any reading view drawn inside another site's page: `&embed=1` leaves out the page's own
// header, navigation and footer and adds a link back to the whole map. Pages that write or
// sign in are never embedded (the server refuses to let another site frame them too:
// service/api/explorer.py, WRITING_VIEWS). Outside a frame, each reading view offers the
// code that embeds it.

import { el } from "./dom";

export function embedded(): boolean {
  return new URLSearchParams(location.search).get("embed") === "1";
}

function unembedded(): string {
  const params = new URLSearchParams(location.search);
  params.delete("embed");
  return `${location.origin}${location.pathname}?${params.toString()}`;
}

/** Below an embedded view: where it comes from, opened whole in a new tab. */
export function backLink(): HTMLElement {
  return el(
    "p",
    { class: "embed-credit" },
    el("a", { href: unembedded(), target: "_blank", rel: "noopener" }, "Open in the Alliance 8.7 stakeholder map"),
  );
}

/** In place of a writing page asked for in a frame. */
export function notEmbeddable(): HTMLElement {
  return el(
    "p",
    { class: "empty" },
    "This page changes the map, so it opens only on the map's own site: ",
    el("a", { href: unembedded(), target: "_blank", rel: "noopener" }, "open it there"),
    ".",
  );
}

/** The HTML that embeds the view as it is now, shown on request, with a copy button. */
export function embedCode(title: string): HTMLElement {
  const code = el("textarea", { class: "embed-code", readonly: true, rows: 3, "aria-label": "Code that embeds this view" });
  const box = el("div", { class: "embed-box", hidden: true }, code, el("button", { type: "button", onclick: () => void navigator.clipboard?.writeText(code.value) }, "Copy"));
  const open = el("button", {
    type: "button",
    class: "embed-open",
    "aria-expanded": "false",
    onclick: () => {
      const params = new URLSearchParams(location.search);
      params.set("embed", "1");
      const source = `${location.origin}${location.pathname}?${params.toString()}`;
      code.value = `<iframe src="${source.replace(/"/g, "&quot;")}" title="${title.replace(/"/g, "&quot;")}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
      box.hidden = !box.hidden;
      open.setAttribute("aria-expanded", String(!box.hidden));
    },
  }, "Embed this view");
  return el("div", { class: "embed" }, open, box);
}
