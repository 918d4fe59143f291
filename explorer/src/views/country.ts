// A country's profile (`?view=country&iso=NGA`), on one page an analyst can print or share:
// need against the work present for each theme (with source and year), the work present by
// admin area, the actors and their roles, the commitments concerning it, its standing in the
// Alliance and its coordination bodies, indicators over time, the evidence and the context
// lists. One GraphQL query: `countryProfile` with the lists the API already has.

import { ask } from "../api";
import { el, loading, replaceChildren, table, words, type Child } from "../dom";
import { linkTo, param, setParams } from "../state";

interface Named {
  id: string;
  name: string;
}

interface Coverage {
  theme: Named;
  need: { measure: string; value: number; unit: string; people: number | null; dataYear: number | null; dataPeriod: string | null; edition: string | null; basis: string; region: string | null; sources: string[] } | null;
  countryLevelWork: boolean;
  initiatives: number;
  organizations: number;
  peopleReached: number | null;
  regionalInitiatives: number;
  worldwideInitiatives: number;
  gapScore: number | null;
  gapInPeople: boolean;
  why: string;
}

interface Profile {
  asOf: string;
  country: {
    name: string;
    iso3: string;
    allianceStatus: { status: string; since: string | null }[];
    coordinationBodies: Named[];
    evidence: { id: string; name: string; publisher: string | null; date: string | null }[];
    goodsList: { year: number; childLabour: string[]; forcedLabour: string[] } | null;
    tipTiers: { year: number; tier: string }[];
  };
  coverage: Coverage[];
  presence: { group: { value: string | null; label: string | null }[]; initiatives: number; organizations: number; peopleReached: number | null }[];
  indicators: { id: string; name: string; unit: string | null; values: { dataYear: number | null; value: number | null; matched: string | null; source: { name: string } | null }[] }[];
}

interface Answer {
  countryProfile: Profile;
  whoIsDoingWhatWhere: { totalCount: number; edges: { node: { organization: Named | null; role: string | null; initiative: Named; matched: string | null } }[] };
  commitments: { edges: { node: { id: string; name: string; status: string; due: string | null } }[] };
}

const QUERY = `query Profile($country: String!) {
  countryProfile(country: $country) {
    asOf
    country { name iso3 allianceStatus { status since } coordinationBodies { id name }
      evidence { id name publisher date } goodsList { year childLabour forcedLabour } tipTiers { year tier } }
    coverage { theme { id name } need { measure value unit people dataYear dataPeriod edition basis region sources }
      countryLevelWork initiatives organizations peopleReached regionalInitiatives worldwideInitiatives gapScore gapInPeople why }
    presence { group { value label } initiatives organizations peopleReached }
    indicators { id name unit values(country: $country) { dataYear value matched source { name } } }
  }
  whoIsDoingWhatWhere(where: { country: $country }, first: 100) {
    totalCount edges { node { organization { id name } role initiative { id name } matched } }
  }
  commitments(filter: { country: $country }, first: 50) { edges { node { id name status due } } }
}`;

export async function countryView(root: HTMLElement): Promise<void> {
  const box = el("input", { id: "country-code", type: "text", autocomplete: "off", value: param("iso") ?? "NGA", size: 6 });
  const region = el("section", { id: "profile", "aria-label": "The country's profile" });
  const form = el(
    "form",
    {
      class: "toolbar no-print",
      onsubmit: (event: Event) => {
        event.preventDefault();
        setParams({ iso: box.value.trim().toUpperCase() });
        void draw(region, box.value.trim());
      },
    },
    el("div", { class: "field" }, el("label", { for: "country-code" }, "Country (ISO code, such as NGA)"), box),
    el("button", { type: "submit" }, "Show its profile"),
    el("button", { type: "button", onclick: () => window.print() }, "Print"),
  );
  replaceChildren(root, el("h2", {}, "Country profile"), form, region);
  await draw(region, param("iso") ?? "NGA");
}

async function draw(region: HTMLElement, country: string): Promise<void> {
  const found = await loading(region, () => ask<Answer>(QUERY, { country }));
  if (!found) return;
  const { countryProfile: p, whoIsDoingWhatWhere: who, commitments } = found;
  const c = p.country;
  replaceChildren(
    region,
    el("h3", {}, `${c.name} (${c.iso3})`),
    el("p", { class: "hint" }, `Work counted as present on ${p.asOf}. `, el("a", { href: linkTo("country", { iso: c.iso3 }) }, "Link to this profile"), "."),
    section("Need and the work present, by theme", needTable(p.coverage)),
    section(
      "Work present at country level, by admin area",
      p.presence.length
        ? table("Initiatives and organizations by admin area and theme", ["Admin area", "Theme", "Initiatives", "Organizations", "People reached"], p.presence.map((g) => [g.group[0].label ?? "not recorded", g.group[1].label ?? "no theme", g.initiatives, g.organizations, g.peopleReached === null ? "not counted" : g.peopleReached.toLocaleString()]))
        : el("p", {}, "No country-level work is recorded here, which is not the same as none: the work listed below reaches it through a region or worldwide."),
    ),
    section(
      "Actors and their roles",
      table(
        `${who.totalCount} roles in work reaching ${c.name}`,
        ["Organization", "Role", "Initiative", "How it reaches the country"],
        who.edges.map(({ node: r }) => [r.organization?.name ?? "not recorded", r.role ? words(r.role) : "", el("a", { href: linkTo("history", { id: r.initiative.id }) }, r.initiative.name), r.matched ? words(r.matched) : ""]),
      ),
    ),
    section("Commitments concerning it", commitments.edges.length ? el("ul", {}, ...commitments.edges.map(({ node: m }) => el("li", {}, `${m.name}: ${words(m.status)}${m.due ? `, due ${m.due}` : ""}`))) : el("p", {}, "None recorded.")),
    section(
      "Standing in the Alliance and coordination",
      el(
        "dl",
        { class: "facts" },
        el("dt", {}, "Alliance status"),
        el("dd", {}, c.allianceStatus.length ? c.allianceStatus.map((s) => `${words(s.status)}${s.since ? ` since ${s.since}` : ""}`).join("; ") : "none recorded"),
        el("dt", {}, "Coordination bodies"),
        el("dd", {}, c.coordinationBodies.length ? c.coordinationBodies.map((b) => b.name).join("; ") : "none recorded"),
        el("dt", {}, "US goods list"),
        el(
          "dd",
          {},
          c.goodsList
            ? `${c.goodsList.year}: child labour in ${c.goodsList.childLabour.join(", ") || "none listed"}; forced labour in ${c.goodsList.forcedLabour.join(", ") || "none listed"}`
            : "not listed, which says nothing of its risk",
        ),
        el("dt", {}, "TIP report tiers"),
        el("dd", {}, c.tipTiers.length ? c.tipTiers.map((t) => `${t.year}: ${t.tier}`).join("; ") : "not ranked"),
      ),
    ),
    section("Indicators over time", indicatorList(p.indicators)),
    section("Evidence", c.evidence.length ? el("ul", {}, ...c.evidence.map((s) => el("li", {}, `${s.name}${s.publisher ? `, ${s.publisher}` : ""}${s.date ? ` (${s.date})` : ""}`))) : el("p", {}, "No evidence about it is on the map.")),
  );
}

function section(title: string, ...body: Child[]): HTMLElement {
  return el("section", { class: "profile-part" }, el("h4", {}, title), ...body);
}

function needTable(rows: Coverage[]): HTMLElement {
  return table(
    "Published need against the work present",
    ["Theme", "Need (source, year)", "Work present here", "Gap by people"],
    rows.map((r) => [
      r.theme.name,
      r.need
        ? `${r.need.value} ${r.need.unit}${r.need.people === null ? "" : `, ${r.need.people.toLocaleString()} people`} (${r.need.basis === "REGION" ? `${r.need.region}'s figure; ` : ""}${r.need.sources[0] ?? r.need.edition ?? ""}, ${r.need.dataYear ?? r.need.dataPeriod ?? "year not given"})`
        : "no published estimate",
      r.countryLevelWork
        ? `${r.organizations} organization(s) in ${r.initiatives} initiative(s)${r.peopleReached === null ? "" : `, ${r.peopleReached.toLocaleString()} people reached`}`
        : `no country-level work recorded (apart: ${r.regionalInitiatives} regional, ${r.worldwideInitiatives} worldwide)`,
      r.gapScore === null ? "no figure" : gapWords(r),
    ]),
  );
}

function gapWords(r: Coverage): string {
  const gap = Math.round(r.gapScore ?? 0).toLocaleString();
  if (r.gapInPeople) return `${gap} people in need not reached`;
  if (!r.countryLevelWork) return `${gap} people in need, no country-level work recorded against them`;
  return `${gap} (people in need over 1 + the ${r.organizations} organization(s) present; no count of people reached)`;
}

function indicatorList(indicators: Profile["indicators"]): HTMLElement {
  if (!indicators.length) return el("p", {}, "No indicator has a value for it.");
  return el(
    "ul",
    {},
    ...indicators.map((i) =>
      el(
        "li",
        {},
        el("strong", {}, i.name),
        ": ",
        i.values.length
          ? i.values.map((v) => `${v.dataYear ?? "year not given"}: ${v.value ?? "no value"}${i.unit ? ` ${i.unit}` : ""}${v.matched && v.matched !== "IN_PLACE" ? ` (${words(v.matched)})` : ""}${v.source ? `, ${v.source.name}` : ""}`).join("; ")
          : "no values",
      ),
    ),
  );
}
