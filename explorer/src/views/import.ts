// Importing a file from the page, for a signed-in editor or partner: choose the files (the
// map's CSV or JSON, a 3W/4W/5W sheet as CSV, XLSX, XLS or ODS, or IATI XML), see the
// preview (what the import would create, update and leave, each row left out with its
// row number and why, the organizations matched and why, the look-alikes queued for
// review), then apply exactly that, with a progress bar and a Cancel button, and a result
// that links to every record created or changed. A partner's key imports only its own rows;
// the preview says which rows are left out for that. Both steps are POST /import, the
// preview with ?dryRun=true, signed by the session's CSRF token; the apply carries a random
// ticket by which the page follows it (GET /import/progress/{ticket}) and cancels it (DELETE).

import { el, replaceChildren, table, type Child } from "../dom";
import { linkTo } from "../state";
import { mayOpen, session, signing, type SignedIn } from "../session";

interface Skipped {
  file: string;
  row: string;
  field: string | null;
  reason: string;
}

interface Changed {
  id: string;
  name: string;
  action: string;
}

interface Progress {
  written: number | null;
  to_write: number | null;
  cancel: boolean;
}

interface Report {
  changed: Changed[];
  created: number;
  updated: number;
  unchanged: number;
  relationships_created: number;
  relationships_updated: number;
  relationships_unchanged: number;
  skipped: Skipped[];
  matched: { written: string; id: string; reason: string; file: string; row: string }[];
  queued: {
    id: string;
    name: string;
    file: string;
    row: string;
    look_alikes: { id: string; name: string; score: number; reasons: string[] }[];
  }[];
}

export async function importView(root: HTMLElement): Promise<void> {
  const who = await session();
  if (!who || !mayOpen(who, "any")) {
    replaceChildren(
      root,
      el("h2", {}, "Import"),
      el(
        "p",
        {},
        who ? `A ${who.role} key changes nothing, so it cannot import. ` : "Importing needs a key. ",
        el("a", { href: linkTo("signin") }, who ? "Sign in with another key" : "Sign in"),
        ".",
      ),
    );
    return;
  }
  importForm(root, who);
}

function importForm(root: HTMLElement, who: SignedIn): void {
  const files = el("input", { id: "import-files", type: "file", multiple: true, required: true, "aria-describedby": "import-help" });
  const country = el("input", { id: "import-country", type: "text", autocomplete: "off" });
  const sheet = el("input", { id: "import-sheet", type: "text", autocomplete: "off" });
  const status = el("p", { id: "import-status", role: "status", class: "status" });
  const result = el("section", { id: "import-result", "aria-label": "What the import does", "aria-live": "polite" });
  const watch = el("div", { id: "import-watch", hidden: true });
  const send = async (dryRun: boolean): Promise<Report | null> => {
    const form = new FormData();
    for (const file of Array.from(files.files ?? [])) form.append("files", file, file.name);
    if (country.value.trim()) form.append("country", country.value.trim());
    if (sheet.value.trim()) form.append("sheet", sheet.value.trim());
    status.textContent = dryRun ? "Reading the files…" : "Importing…";
    root.setAttribute("aria-busy", "true");
    const ticket = dryRun ? null : newTicket();
    const stop = ticket ? follow(watch, ticket) : () => undefined;
    try {
      const response = await fetch(`/import?dryRun=${dryRun}${ticket ? `&ticket=${ticket}` : ""}`, {
        method: "POST",
        credentials: "same-origin",
        headers: signing(),
        body: form,
      });
      const body = (await response.json().catch(() => ({}))) as Report & { detail?: string; code?: string; problems?: Skipped[] };
      if (!response.ok) {
        status.textContent =
          body.code === "CANCELLED"
            ? "Cancelled: nothing of the import was kept; the map is as it was."
            : (body.detail ?? `The import was refused (HTTP ${response.status}).`);
        replaceChildren(result, ...(body.problems?.length ? [skippedTable("Why", body.problems)] : []));
        return null;
      }
      return body;
    } catch {
      status.textContent = "The map cannot be reached. Check the connection and try again.";
      return null;
    } finally {
      stop();
      root.removeAttribute("aria-busy");
    }
  };
  const form = el(
    "form",
    {
      class: "stacked",
      onsubmit: (event: Event) => {
        event.preventDefault();
        void send(true).then((report) => {
          if (!report) return;
          status.textContent = "Preview: nothing is written until you apply it.";
          const apply = el("button", { type: "button", id: "import-apply", class: "action" }, "Apply this import");
          apply.addEventListener("click", () => {
            apply.disabled = true;
            void send(false).then((done) => {
              if (!done) return;
              status.textContent = "Imported.";
              replaceChildren(result, ...reportParts(done, false));
              result.focus();
            });
          });
          replaceChildren(result, ...reportParts(report, true), apply);
          apply.focus();
        });
      },
    },
    el("label", { for: "import-files" }, "Files"),
    files,
    el(
      "p",
      { id: "import-help", class: "help" },
      "The map's CSV or JSON, a 3W, 4W or 5W sheet (CSV, XLSX, XLS or ODS) or an IATI activity file. ",
      who.organization ? `This key speaks for ${who.organization}: rows of other organizations are left out, each saying why.` : "",
    ),
    el("label", { for: "import-country" }, "Country the sheet is about (if it has no country column)"),
    country,
    el("label", { for: "import-sheet" }, "Sheet of a workbook to read (else the one that looks like a 3W)"),
    sheet,
    el("button", { type: "submit" }, "Preview"),
    status,
    watch,
  );
  result.tabIndex = -1;
  replaceChildren(root, el("h2", {}, "Import"), form, result);
}

/** A ticket to follow an import by: random, and needing no secure context. */
function newTicket(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Shows the import's progress (GET /import/progress/{ticket}) with a Cancel button
 * (DELETE) until the returned function is called, when the import has answered. */
function follow(watch: HTMLElement, ticket: string): () => void {
  const bar = el("progress", { id: "import-progress", "aria-label": "Import progress" });
  const said = el("p", { id: "import-progress-words", "aria-live": "polite" }, "Checking the rows…");
  const cancel = el("button", { type: "button", class: "action" }, "Cancel the import");
  const url = `/import/progress/${ticket}`;
  cancel.addEventListener("click", () => {
    cancel.disabled = true;
    said.textContent = "Cancelling: what was written is being taken back…";
    void fetch(url, { method: "DELETE", credentials: "same-origin", headers: signing() });
  });
  replaceChildren(watch, el("label", { for: "import-progress" }, "Progress"), bar, said, cancel);
  watch.hidden = false;
  let ended = false;
  const poll = async (): Promise<void> => {
    while (!ended) {
      const response = await fetch(url, { credentials: "same-origin", headers: signing() }).catch(() => null);
      if (ended) break;
      if (response?.ok) {
        const now = (await response.json()) as Progress;
        if (now.to_write !== null && now.written !== null) {
          bar.max = Math.max(now.to_write, 1);
          bar.value = now.written;
          if (!now.cancel) said.textContent = `Written ${now.written.toLocaleString()} of ${now.to_write.toLocaleString()} records and relationships.`;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
  };
  void poll();
  return () => {
    ended = true;
    watch.hidden = true;
  };
}

function reportParts(report: Report, preview: boolean): Child[] {
  const would = preview ? "would be" : "were";
  return [
    el("h3", {}, preview ? "Preview" : "Done"),
    el(
      "p",
      { class: "counts", "data-created": report.created },
      `Records: ${report.created} ${would} created, ${report.updated} updated, ${report.unchanged} left as they are. `,
      `Relationships: ${report.relationships_created} ${would} created, ${report.relationships_updated} updated, ${report.relationships_unchanged} left as they are.`,
    ),
    preview || !report.changed.length ? null : changedList(report.changed),
    report.skipped.length ? skippedTable(leftOut(report.skipped), report.skipped) : el("p", {}, "No row is left out."),
    report.matched.length
      ? table(
          "Organizations found on the map",
          ["Written", "Is", "Why", "Where"],
          report.matched.map((m) => [m.written, el("a", { href: linkTo("history", { id: m.id }) }, m.id), m.reason, `${m.file}, ${m.row}`]),
        )
      : null,
    report.queued.length
      ? table(
          "New organizations that look like others (queued for review)",
          ["Added as", "Looks like", "Where"],
          report.queued.map((q) => [
            `${q.name} (${q.id})`,
            q.look_alikes.map((l) => `${l.name} (${Math.round(l.score)}: ${l.reasons.join(", ")})`).join("; "),
            `${q.file}, ${q.row}`,
          ]),
        )
      : null,
  ];
}

/** "3 rows left out (4 reasons)": a row may be left out, or lose a value, for several. */
function leftOut(skipped: Skipped[]): string {
  const rows = new Set(skipped.map((s) => `${s.file}\u0000${s.row}`)).size;
  const reasons = skipped.length === rows ? "" : ` (${skipped.length} reasons)`;
  return `${rows} ${rows === 1 ? "row" : "rows"} with something left out${reasons}`;
}

function skippedTable(caption: string, rows: Skipped[]): HTMLTableElement {
  const shown = table(
    caption,
    ["File", "Row", "Field", "Why"],
    rows.map((s) => [s.file, s.row, s.field ?? "", s.reason]),
  );
  shown.classList.add("skipped");
  return shown;
}

/** Every record the import created or changed, each linked to its history and its form. */
function changedList(changed: Changed[]): HTMLElement {
  return el(
    "details",
    { id: "import-changed", open: changed.length <= 50 },
    el("summary", {}, `${changed.length} ${changed.length === 1 ? "record" : "records"} created or changed`),
    el(
      "ul",
      {},
      ...changed.map((c) =>
        el(
          "li",
          {},
          el("a", { href: linkTo("history", { id: c.id }) }, c.name),
          ` (${c.id}, ${c.action}) `,
          el("a", { href: linkTo("edit", { id: c.id }), "aria-label": `Edit ${c.name}` }, "edit"),
        ),
      ),
    ),
  );
}
