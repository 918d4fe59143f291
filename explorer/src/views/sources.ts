// The evidence directory: the documents on the map (`sources`), by title, narrowed by
// theme, place and type of document, each with what it is evidence about.

import { ask } from "../api";
import { el, loading, replaceChildren, sentence, table, type Child } from "../dom";
import { chosen, COUNTRY, filterBar, REGION, THEME, type Choice, type FilterField } from "../filters";

interface Source {
  id: string;
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  documentType: string | null;
  language: string | null;
  evidenceAbout: { id: string; name: string }[];
}

const DOCUMENT_TYPE: FilterField = {
  param: "documentType",
  label: "Type of document",
  choices: async () =>
    (await ask<{ __type: { enumValues: { name: string }[] } }>('{ __type(name: "DocumentType") { enumValues { name } } }')).__type.enumValues.map(
      (v): Choice => ({ value: v.name, label: sentence(v.name) }),
    ),
};
const FIELDS = [THEME, REGION, COUNTRY, DOCUMENT_TYPE];
const QUERY = `query Directory($filter: SourceFilter, $first: Int!) {
  sources(filter: $filter, first: $first) {
    totalCount
    edges { node { id title publisher date url documentType language evidenceAbout { id name } } }
  }
}`;

export async function sourcesView(root: HTMLElement): Promise<void> {
  const results = el("section", { class: "directory", "aria-label": "Documents" });
  const filters = await loading(root, () => filterBar(FIELDS, () => void drawSources(results)));
  replaceChildren(
    root,
    el("h2", {}, "Evidence directory"),
    el(
      "p",
      { class: "lead" },
      "The documents the map's facts come from, and what each is evidence about. A theme or place matches documents about it, about a region it lies in, and about the world; a document with no type recorded says so.",
    ),
    el("div", { class: "toolbar" }, filters ?? null),
    results,
  );
  await drawSources(results);
}

async function drawSources(results: HTMLElement): Promise<void> {
  const filter = chosen(FIELDS);
  const found = await loading(results, () => ask<{ sources: { totalCount: number; edges: { node: Source }[] } }>(QUERY, { filter, first: 100 }));
  if (!found) return;
  const sources = found.sources.edges.map((e) => e.node);
  const rows = sources.map((s): Child[] => [
    s.url ? el("a", { href: s.url, rel: "noopener" }, s.title) : s.title,
    s.documentType ? sentence(s.documentType) : el("em", {}, "not recorded"),
    s.publisher ?? "",
    s.date ?? "",
    s.language ?? "",
    s.evidenceAbout.length ? s.evidenceAbout.map((a) => a.name).join("; ") : el("em", {}, "none recorded"),
  ]);
  replaceChildren(
    results,
    el("p", { class: "count", "data-count": String(found.sources.totalCount) }, `${found.sources.totalCount} document${found.sources.totalCount === 1 ? "" : "s"}`),
    sources.length
      ? el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": "Table, scrolls sideways" },
          table("Documents", ["Title", "Type", "Publisher", "Date", "Language", "Evidence about"], rows))
      : el("p", {}, "No document on the map matches these filters."),
  );
}
