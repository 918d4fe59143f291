// Overlaps: the pairs of initiatives that look like the same work (from `overlaps`), each
// with its score and reasons, the clusters they form (from `duplicateClusters`), and the
// two initiatives of the chosen pair side by side.

import { ask } from "../api";
import { el, loading, number, replaceChildren, sentence, table, words } from "../dom";
import { COUNTRY, filterBar, THEME, type FilterField } from "../filters";
import { param, setParams } from "../state";

interface Named {
  id: string;
  name: string;
}

interface Reason {
  facet: string;
  weight: number;
  similarity: number;
  contribution: number;
  shared: string[];
}

interface Pair {
  a: Named;
  b: Named;
  score: number;
  likelyDuplicate: boolean;
  reasons: Reason[];
  scoringVersion: string;
  verdict: string;
  verdictReason: string | null;
  review: Review | null;
}

// The secretariat's verdict on a pair, with each involved organization's answer.
interface Review {
  verdict: string;
  reason: string;
  reviewedAt: string;
  current: boolean | null;
  responses: { organization: string; organizationName: string | null; response: string }[];
}

interface Initiative extends Named {
  initiativeKind: string;
  status: string;
  description: string | null;
  start: string | null;
  end: string | null;
  participants: { role: string; organization: Named }[];
  operatesIn: Named[];
  themes: Named[];
  sdgTargets: { code: string }[];
  coordinatedBy: Named[];
  sources: { source: Named | null; section: string | null }[];
}

const FACETS: Record<string, string> = {
  places: "Places",
  themes: "Themes",
  sdg_targets: "SDG targets",
  organizations: "Organizations, group or event followed up",
  work: "Kind of work",
  time: "Time",
  description: "Wording",
};
const THRESHOLDS: [string, string][] = [
  ["0.4", "Worth a review (0.40 and up)"],
  ["0.6", "Likely duplicates (0.60 and up)"],
];
const QUERY = `query Overlaps($minScore: Float!, $theme: String, $country: String, $asOf: Date, $reviewed: Boolean!) {
  overlaps(minScore: $minScore, theme: $theme, country: $country, limit: 50, asOf: $asOf, includeReviewed: $reviewed) {
    a { id name } b { id name } score likelyDuplicate scoringVersion verdict verdictReason
    reasons { facet weight similarity contribution shared }
    review { verdict reason reviewedAt current responses { organization organizationName response } }
  }
  duplicateClusters(minScore: $minScore, asOf: $asOf) { initiatives { id name } overlaps { score } }
}`;
const SIDE = `fragment Side on Initiative {
  id name initiativeKind status description start end
  participants { role organization { id name } }
  operatesIn { ... on Country { id name } ... on Region { id name } }
  themes { id name } sdgTargets { code } coordinatedBy { id name }
  sources { source { id name } section }
}
query Pair($a: ID!, $b: ID!) { a: initiative(id: $a) { ...Side } b: initiative(id: $b) { ...Side } }`;

export async function overlapsView(root: HTMLElement): Promise<void> {
  const pairs = el("section", { class: "pairs", "aria-label": "Flagged pairs" });
  const compare = el("section", { id: "compare", class: "compare", "aria-label": "Side by side" });
  const clusters = el("section", { class: "clusters", "aria-label": "Clusters" });
  const fields: FilterField[] = [THEME, COUNTRY];
  const redraw = (): void => void drawOverlaps(pairs, compare, clusters);
  const filters = await loading(root, () => filterBar(fields, redraw));
  replaceChildren(
    root,
    el("h2", {}, "Initiatives that may duplicate each other"),
    el(
      "p",
      { class: "lead" },
      "Pairs are scored on shared places, themes, SDG targets, organizations, kind of work, time and wording. " +
        "A high score is a prompt to talk, not a verdict.",
    ),
    el("div", { class: "toolbar" }, thresholdChoice(redraw), dayChoice(redraw), reviewedChoice(redraw), filters ?? null),
    el("div", { class: "split compare-split" }, pairs, compare),
    clusters,
  );
  await drawOverlaps(pairs, compare, clusters);
}

/** The day work must still be running on to be compared (empty: today). */
function dayChoice(onChange: () => void): HTMLElement {
  const day = el("input", { id: "as-of", type: "date" }) as HTMLInputElement;
  day.value = param("asOf") ?? "";
  day.addEventListener("change", () => {
    setParams({ asOf: day.value || null, pair: null });
    onChange();
  });
  return el(
    "div",
    { class: "field" },
    el("label", { for: "as-of" }, "Work running on"),
    day,
    el("span", { class: "hint" }, " (empty: today; ended work is not compared)"),
  );
}

/** Whether pairs the secretariat has reviewed, and whose review still holds, are shown. */
function reviewedChoice(onChange: () => void): HTMLElement {
  const box = el("input", { id: "with-reviewed", type: "checkbox", checked: param("reviewed") === "1" });
  box.addEventListener("change", () => {
    setParams({ reviewed: box.checked ? "1" : null, pair: null });
    onChange();
  });
  return el("div", { class: "field" }, el("label", { for: "with-reviewed" }, box, " with reviewed pairs"));
}

function thresholdChoice(onChange: () => void): HTMLElement {
  const menu = el("select", { id: "min-score" }, ...THRESHOLDS.map(([v, label]) => el("option", { value: v }, label)));
  menu.value = param("minScore") ?? "0.4";
  menu.addEventListener("change", () => {
    setParams({ minScore: menu.value === "0.4" ? null : menu.value, pair: null });
    onChange();
  });
  return el("div", { class: "field" }, el("label", { for: "min-score" }, "Show pairs"), menu);
}

async function drawOverlaps(pairs: HTMLElement, compare: HTMLElement, clusters: HTMLElement): Promise<void> {
  const variables = {
    minScore: Number(param("minScore") ?? "0.4"),
    theme: param("theme"),
    country: param("country"),
    asOf: param("asOf"),
    reviewed: param("reviewed") === "1",
  };
  const found = await loading(pairs, () =>
    ask<{ overlaps: Pair[]; duplicateClusters: { initiatives: Named[]; overlaps: { score: number }[] }[] }>(QUERY, variables),
  );
  if (!found) return;
  const show = (pair: Pair): void => {
    setParams({ pair: `${pair.a.id}|${pair.b.id}` });
    // The comparison opened at the user's asking: keyboard focus moves to it, and on a
    // phone, where it sits below the list, it scrolls into view.
    void sideBySide(compare, pair).then(() => {
      compare.querySelector<HTMLElement>("h3")?.focus({ preventScroll: true });
      if (window.matchMedia("(max-width: 720px)").matches) compare.scrollIntoView({ block: "start" });
    });
  };
  replaceChildren(
    pairs,
    el("h3", {}, `${found.overlaps.length} flagged pair${found.overlaps.length === 1 ? "" : "s"}`),
    found.overlaps.length ? el("ol", { class: "pair-list" }, ...found.overlaps.map((p) => pairCard(p, show))) : el("p", {}, "No pair reaches this score."),
  );
  replaceChildren(
    clusters,
    el("h3", {}, "Clusters of overlapping initiatives"),
    found.duplicateClusters.length === 0 ? el("p", {}, "No cluster at this score.") : table(
      "Initiatives joined by flagged overlaps",
      ["Initiatives", "Pairs", "Highest score"],
      found.duplicateClusters.map((c) => [c.initiatives.map((i) => i.name).join("; "), c.overlaps.length, number(Math.max(...c.overlaps.map((o) => o.score)))]),
    ),
  );
  const wanted = param("pair");
  const chosen = found.overlaps.find((p) => `${p.a.id}|${p.b.id}` === wanted) ?? found.overlaps[0];
  if (chosen) await sideBySide(compare, chosen);
  else replaceChildren(compare);
}

function pairCard(pair: Pair, show: (pair: Pair) => void): HTMLElement {
  const verdict = pair.likelyDuplicate ? "Likely duplicate" : pair.verdict === "RELATED" ? "Related: parts of one whole" : "Worth a review";
  return el(
    "li",
    { class: "pair", "data-pair": `${pair.a.id}|${pair.b.id}` },
    el("h4", {}, pair.a.name, el("span", { class: "versus" }, " and "), pair.b.name),
    el("p", {}, el("span", { class: pair.likelyDuplicate ? "badge strong" : "badge" }, verdict), ` score ${number(pair.score)} (${pair.scoringVersion})`),
    pair.verdictReason ? el("p", { class: "why" }, sentence(pair.verdictReason)) : null,
    pair.review ? reviewed(pair.review) : null,
    table(
      "Why they were flagged",
      ["Facet", "Similarity", "Adds"],
      pair.reasons
        .filter((r) => r.contribution > 0)
        .map((r) => [(FACETS[r.facet] ?? r.facet) + (r.shared.length ? ` (${r.shared.length} shared)` : ""), number(r.similarity), number(r.contribution, 3)]),
    ),
    el("button", { type: "button", onclick: () => show(pair) }, "Compare side by side"),
  );
}

/** The secretariat's verdict, published with the answers of the organizations involved. */
function reviewed(review: Review): HTMLElement {
  const holds = review.current === false ? " One of the initiatives has changed since." : "";
  return el(
    "div",
    { class: "review" },
    el("p", {}, el("strong", {}, `Reviewed ${review.reviewedAt.slice(0, 10)}: ${words(review.verdict.toLowerCase())}.`), ` ${sentence(review.reason)}${holds}`),
    ...review.responses.map((r) => el("p", { class: "response" }, `${r.organizationName ?? r.organization} answers: `, el("q", {}, r.response))),
  );
}

async function sideBySide(compare: HTMLElement, pair: Pair): Promise<void> {
  const found = await loading(compare, () => ask<{ a: Initiative; b: Initiative }>(SIDE, { a: pair.a.id, b: pair.b.id }));
  if (!found) return;
  const heading = el("h3", { tabindex: "-1" }, "Side by side");
  replaceChildren(compare, heading, el("div", { class: "columns" }, column(found.a), column(found.b)));
  compare.dataset.pair = `${pair.a.id}|${pair.b.id}`;
}

function column(initiative: Initiative): HTMLElement {
  const list = (items: string[]): string => (items.length ? items.join("; ") : "None recorded");
  const facts: [string, string][] = [
    ["Kind", words(initiative.initiativeKind)],
    ["Status", words(initiative.status)],
    ["When", [initiative.start, initiative.end].filter(Boolean).join(" to ") || "Not dated"],
    ["Who", list(initiative.participants.map((p) => `${p.organization.name} (${words(p.role)})`))],
    ["Where", list(initiative.operatesIn.map((p) => p.name))],
    ["Themes", list(initiative.themes.map((t) => t.name))],
    ["SDG targets", list(initiative.sdgTargets.map((t) => t.code))],
    ["Coordinated by", list(initiative.coordinatedBy.map((g) => g.name))],
    ["Sources", list(initiative.sources.map((s) => [s.source?.name, s.section].filter(Boolean).join(", ")))],
  ];
  return el(
    "article",
    { class: "side", "data-initiative": initiative.id },
    el("h4", {}, initiative.name),
    initiative.description ? el("p", {}, initiative.description) : null,
    el("dl", { class: "facts" }, ...facts.flatMap(([label, value]) => [el("dt", {}, label), el("dd", {}, value)])),
  );
}
