// What changed between two days (`?view=changes&from=2017-11-13&to=2026-12-07`): the
// records and relationships added, removed and changed, each with its sources, from the
// API's `diff`. It starts at the Buenos Aires meeting of the GCG, and any meeting on the
// map can be picked for either end, so the page answers "what changed between two
// meetings". Public, like all reading.

import { ask } from "../api";
import { el, loading, replaceChildren, table, type Child } from "../dom";
import { linkTo, param, setParams } from "../state";

interface FactChange {
  fact: string;
  change: "ADDED" | "REMOVED" | "CHANGED";
  changedFields: string[];
  sources: string[];
  after: Record<string, unknown> | null;
  before: Record<string, unknown> | null;
}

interface Diff {
  records: FactChange[];
  relationships: FactChange[];
  notTakenApart: string[];
}

interface Meeting {
  id: string;
  name: string;
  date: string | null;
}

const FIRST_MEETING = "2017-11-13";
const DIFF = `query Diff($from: DateTime!, $to: DateTime!) {
  diff(from: $from, to: $to) {
    records { fact change changedFields sources before after }
    relationships { fact change changedFields sources before after }
    notTakenApart
  }
}`;
const MEETINGS = `{ events { id name date } }`;
const WORDS = { ADDED: "Added", REMOVED: "Removed", CHANGED: "Changed" };

export async function changesView(root: HTMLElement): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const from = dateField("changes-from", param("from") ?? FIRST_MEETING);
  const to = dateField("changes-to", param("to") ?? today);
  const shown = el("section", { id: "changes", "aria-label": "What changed" });
  // The map's meetings dated to the day, oldest first (a date field takes a whole day);
  // without them the page still works from the two dates.
  const meetings: Meeting[] = await ask<{ events: Meeting[] }>(MEETINGS).then(
    (answer) => answer.events,
    () => [],
  );
  const dated = meetings
    .filter((m): m is Meeting & { date: string } => /^\d{4}-\d{2}-\d{2}$/.test(m.date ?? ""))
    .sort((a, b) => a.date.localeCompare(b.date));
  const form = el(
    "form",
    {
      class: "stacked",
      onsubmit: (event: Event) => {
        event.preventDefault();
        setParams({ from: from.value, to: to.value });
        void draw(shown, from.value, to.value);
      },
    },
    el("label", { for: "changes-from" }, "From the end of"),
    from,
    meetingPicker("changes-from-meeting", dated, from),
    el("label", { for: "changes-to" }, "To the end of"),
    to,
    meetingPicker("changes-to-meeting", dated, to),
    el("button", { type: "submit" }, "Show what changed"),
  );
  replaceChildren(root, el("h2", {}, "What changed"), form, shown);
  await draw(shown, from.value, to.value);
}

function dateField(id: string, value: string): HTMLInputElement {
  return el("input", { id, type: "date", value, required: true });
}

/** A list of the map's meetings that sets the date field to the chosen one's day. */
function meetingPicker(id: string, meetings: (Meeting & { date: string })[], field: HTMLInputElement): Child {
  if (!meetings.length) return "";
  const picker = el(
    "select",
    {
      id,
      "aria-label": `Or a meeting, for ${field.id === "changes-from" ? "the start" : "the end"}`,
      onchange: (event: Event) => {
        const chosen = (event.target as HTMLSelectElement).value;
        if (chosen) field.value = chosen;
      },
    },
    el("option", { value: "" }, "or pick a meeting…"),
    ...meetings.map((m) => el("option", { value: m.date }, `${m.name} (${m.date})`)),
  );
  return picker;
}

/** The end of a day, in UTC: a diff "to the end of" a meeting day takes in its changes. */
function endOf(day: string): string {
  return `${day}T23:59:59.999Z`;
}

async function draw(region: HTMLElement, from: string, to: string): Promise<void> {
  if (!from || !to || to < from) {
    replaceChildren(region, el("p", {}, "Give two days, the second not before the first."));
    return;
  }
  const found = await loading(region, () => ask<{ diff: Diff }>(DIFF, { from: endOf(from), to: endOf(to) }));
  if (!found) return;
  const { records, relationships, notTakenApart } = found.diff;
  const count = records.length + relationships.length;
  replaceChildren(
    region,
    el(
      "p",
      { class: "count", "data-count": String(count) },
      count
        ? `${count} ${count === 1 ? "fact" : "facts"} changed between the end of ${from} and the end of ${to}.`
        : `Nothing on the map changed between the end of ${from} and the end of ${to}.`,
    ),
    records.length
      ? table(
          `Records (${records.length})`,
          ["Change", "Record", "What changed", "Sources"],
          records.map((r) => [
            WORDS[r.change],
            el("a", { href: linkTo("history", { id: r.fact }) }, r.fact),
            r.changedFields.join(", "),
            r.sources.join(", "),
          ]),
        )
      : "",
    relationships.length
      ? table(
          `Relationships (${relationships.length})`,
          ["Change", "From", "Type", "To", "Sources"],
          relationships.map((r) => {
            const link = r.after ?? r.before ?? {};
            return [WORDS[r.change], String(link.from ?? ""), String(link.type ?? ""), String(link.to ?? ""), r.sources.join(", ")];
          }),
        )
      : "",
    notTakenApart.length
      ? el(
          "p",
          { class: "note" },
          `Merges in this time, which move relationships not listed above: ${notTakenApart.join("; ")}.`,
        )
      : "",
    el(
      "p",
      { class: "note" },
      "From the map's audit trail: edits and imports are in it; reloads of the seed are not.",
    ),
  );
}
