// The review queue, for unscoped editors and admins: organization records that may be one
// organization (`identityQueue`), likeliest first, side by side (names, aliases, acronym,
// identifiers, where they are based, their initiatives, their sources), with why they were
// paired and who last decided what, when. Same merges them (and can be undone), Different
// keeps them apart for good, Unsure leaves them queued (`judgeOrganizations`, `undoMerge`).

import { ApiError, ask } from "../api";
import { el, loading, replaceChildren, words, type Child } from "../dom";
import { linkTo } from "../state";
import { mayOpen, session } from "../session";

interface Organization {
  id: string;
  name: string;
  acronym: string | null;
  type: string;
  iatiRef: string | null;
  aliases: { name: string }[];
  basedIn: { name: string }[];
  initiatives: { role: string; initiative: { id: string; name: string } }[];
  sources: { source: { id: string; name: string } | null; section: string | null }[];
}

interface Candidate {
  score: number;
  reasons: string[];
  lastVerdict: string | null;
  lastDecidedBy: string | null;
  lastDecidedOn: string | null;
  organizations: Organization[];
}

const QUEUE = `query Queue($first: Int!) {
  identityQueue(first: $first) {
    score reasons lastVerdict lastDecidedBy lastDecidedOn
    organizations {
      id name acronym type iatiRef aliases { name } basedIn { name }
      initiatives { role initiative { id name } }
      sources { source { id name } section }
    }
  }
}`;
const JUDGE = `mutation Judge($ids: [ID!]!, $verdict: MergeVerdict!, $reason: String, $keep: ID) {
  judgeOrganizations(organizations: $ids, verdict: $verdict, reason: $reason, keep: $keep) {
    judgement { verdict decidedBy decidedOn } merged { id name }
  }
}`;
const RETIRED = `query Retired($id: ID!) { node(id: $id, includeRetired: true) { version } }`;
const UNDO = `mutation Undo($id: ID!, $version: Int!) { undoMerge(duplicate: $id, version: $version) { id } }`;
const SHOWN = 40;

export async function reviewView(root: HTMLElement): Promise<void> {
  const who = await session();
  if (!mayOpen(who, "unscoped")) {
    const why = who?.organization
      ? `A key scoped to ${who.organization} cannot judge other organizations' records. `
      : "Reviewing look-alikes needs an editor's key. ";
    replaceChildren(root, el("h2", {}, "Review look-alikes"), el("p", {}, why, el("a", { href: linkTo("signin") }, "Sign in"), "."));
    return;
  }
  const list = el("div", { class: "queue" });
  replaceChildren(
    root,
    el("h2", {}, "Review look-alikes"),
    el(
      "p",
      { class: "lead" },
      "Organization records that may be one organization, likeliest first. Same merges one into the record you keep (it can be undone); Different keeps them apart for good; Unsure leaves them here.",
    ),
    list,
  );
  const found = await loading(list, () => ask<{ identityQueue: Candidate[] }>(QUEUE, { first: SHOWN }));
  if (!found) return;
  if (!found.identityQueue.length) {
    replaceChildren(list, el("p", {}, "Nothing is waiting for review."));
    return;
  }
  replaceChildren(list, ...found.identityQueue.map((c, i) => candidate(c, i)));
}

function candidate(pair: Candidate, index: number): HTMLElement {
  const [first, second] = pair.organizations;
  const heading = `${first?.name ?? "?"} and ${second?.name ?? "?"}`;
  const status = el("p", { role: "status", class: "status" }, decided(pair));
  const reason = el("input", { id: `reason-${index}`, type: "text", autocomplete: "off" });
  // Same, keeping either record (the other is merged into it), Different or Unsure.
  const choices: [string, string | null, string][] = [
    ...pair.organizations.map((o): [string, string | null, string] => ["SAME", o.id, `Same, keep ${o.name}`]),
    ["DIFFERENT", null, "Different"],
    ["UNSURE", null, "Unsure"],
  ];
  const buttons = choices.map(([verdict, keep, label]) =>
    el("button", { type: "button", "data-verdict": verdict, "data-keep": keep }, label),
  );
  const article = el(
    "article",
    { class: "candidate", "aria-labelledby": `pair-${index}` },
    el("h3", { id: `pair-${index}` }, heading),
    el("p", {}, `Likeness ${Math.round(pair.score)} of 100: `, pair.reasons.join("; "), "."),
    el("div", { class: "pair" }, ...pair.organizations.map(side)),
    el("label", { for: `reason-${index}` }, "Why (kept with the decision)"),
    reason,
    el("div", { class: "verdicts" }, ...buttons),
    status,
  );
  buttons.forEach((button) =>
    button.addEventListener("click", () => {
      const verdict = button.dataset.verdict ?? "UNSURE";
      void judge(pair, verdict, button.dataset.keep ?? null, reason.value.trim() || null, buttons, status);
    }),
  );
  return article;
}

async function judge(
  pair: Candidate,
  verdict: string,
  keep: string | null,
  reason: string | null,
  buttons: HTMLButtonElement[],
  status: HTMLElement,
): Promise<void> {
  const ids = pair.organizations.map((o) => o.id);
  buttons.forEach((b) => (b.disabled = true));
  status.textContent = "Saving…";
  try {
    const done = await ask<{
      judgeOrganizations: { judgement: { verdict: string; decidedBy: string; decidedOn: string }; merged: { id: string; name: string } | null };
    }>(JUDGE, { ids, verdict, reason, keep });
    const { judgement, merged } = done.judgeOrganizations;
    const said = `Decided ${words(judgement.verdict)} by ${judgement.decidedBy} on ${judgement.decidedOn}.`;
    const duplicate = ids.find((id) => id !== merged?.id);
    if (merged && duplicate) {
      const undo = el("button", { type: "button" }, "Undo the merge");
      undo.addEventListener("click", () => void undoMerge(duplicate, undo, status));
      replaceChildren(status, `${said} Merged into ${merged.name}. `, undo);
      undo.focus();
    } else {
      status.textContent = said;
      if (verdict === "UNSURE") buttons.forEach((b) => (b.disabled = false));
    }
  } catch (error) {
    status.textContent = error instanceof ApiError ? error.message : "Saving failed.";
    buttons.forEach((b) => (b.disabled = false));
  }
}

async function undoMerge(duplicate: string, button: HTMLButtonElement, status: HTMLElement): Promise<void> {
  button.disabled = true;
  try {
    const read = await ask<{ node: { version: number } | null }>(RETIRED, { id: duplicate });
    if (!read.node) throw new ApiError(`${duplicate} is no longer on the map.`, "NOT_FOUND");
    await ask(UNDO, { id: duplicate, version: read.node.version });
    status.textContent = `The merge is undone: ${duplicate} is back on the map as it was.`;
  } catch (error) {
    status.textContent = error instanceof ApiError ? error.message : "Undoing failed.";
    button.disabled = false;
  }
}

function decided(pair: Candidate): string {
  if (!pair.lastVerdict) return "Not decided yet.";
  return `Last decided ${words(pair.lastVerdict)} by ${pair.lastDecidedBy ?? "someone"} on ${pair.lastDecidedOn ?? "an unknown day"}.`;
}

function side(organization: Organization): HTMLElement {
  const facts: [string, Child][] = [
    ["Id", el("a", { href: linkTo("history", { id: organization.id }) }, organization.id)],
    ["Acronym", organization.acronym ?? "—"],
    ["Type", words(organization.type)],
    ["IATI identifier", organization.iatiRef ?? "—"],
    ["Also called", organization.aliases.map((a) => a.name).join("; ") || "—"],
    ["Based in", organization.basedIn.map((c) => c.name).join(", ") || "unknown"],
    [
      "Initiatives",
      organization.initiatives.length
        ? organization.initiatives
            .slice(0, 8)
            .map((p) => `${p.initiative.name} (${words(p.role)})`)
            .join("; ") + (organization.initiatives.length > 8 ? `; and ${organization.initiatives.length - 8} more` : "")
        : "none on the map",
    ],
    [
      "Sources",
      organization.sources.map((s) => [s.source?.name, s.section].filter(Boolean).join(", ")).join("; ") || "—",
    ],
  ];
  return el(
    "section",
    { class: "side", "aria-label": organization.name },
    el("h4", {}, organization.name),
    el("dl", { class: "facts" }, ...facts.flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)])),
  );
}
