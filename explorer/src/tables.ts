// Every table the explorer draws can be taken away as CSV, as its reader sees it: a button
// after each table, added as tables appear (a view redraws its tables as filters change).
// A view whose table has fuller downloads of its own (who, counts) marks it.

import { download, toCsv } from "./csv";
import { el, slug } from "./dom";

export function ownDownloads(table: HTMLTableElement): HTMLTableElement {
  table.dataset.download = "own";
  return table;
}

/** Watches `root` for tables and offers each as CSV. */
export function offerTableDownloads(root: HTMLElement): void {
  const offer = (): void => {
    for (const table of root.querySelectorAll("table")) {
      if (table.dataset.download) continue;
      table.dataset.download = "offered";
      const caption = table.caption?.textContent?.trim() || "table";
      const button = el("button", { type: "button", class: "table-csv", onclick: () => download(`${slug(caption, "table").slice(0, 60)}.csv`, asCsv(table)) }, `Download “${caption}” as CSV`);
      (table.closest(".scroll") ?? table).after(button);
    }
  };
  offer();
  new MutationObserver(offer).observe(root, { childList: true, subtree: true });
}

function asCsv(table: HTMLTableElement): string {
  const cells = (row: HTMLTableRowElement): string[] => [...row.cells].map((c) => (c.textContent ?? "").trim());
  const [header, ...body] = [...table.rows];
  return toCsv(header ? cells(header) : [], body.map(cells));
}
