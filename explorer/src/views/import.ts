// Importing a file from the page, for a signed-in editor or partner: choose the files (the
// map's CSV or JSON, a 3W/4W/5W sheet as CSV, XLSX, XLS or ODS, or IATI XML), see the
// preview (what the import would create, update and leave, each row left out with its
// row number and why, the organizations matched and why, the look-alikes queued for
// review), then apply exactly that. A partner's key imports only its own rows; the preview
// says which rows are left out for that. Both steps are POST /import, the preview with
// ?dryRun=true, signed by the session's CSRF token.

import { el, replaceChildren, table, type Child } from "../dom";
import { linkTo } from "../state";
import { mayOpen, session, signing, type SignedIn } from "../session";

interface Skipped {
  file: string;
  row: string;
  field: string | null;
  reason: string;
}

interface Report {
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
  const send = async (dryRun: boolean): Promise<Report | null> => {
    const form = new FormData();
    for (const file of Array.from(files.files ?? [])) form.append("files", file, file.name);
    if (country.value.trim()) form.append("country", country.value.trim());
    if (sheet.value.trim()) form.append("sheet", sheet.value.trim());
    status.textContent = dryRun ? "Reading the files…" : "Importing…";
    root.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(`/import?dryRun=${dryRun}`, {
        method: "POST",
        credentials: "same-origin",
        headers: signing(),
        body: form,
      });
      const body = (await response.json().catch(() => ({}))) as Report & { detail?: string; problems?: Skipped[] };
      if (!response.ok) {
        status.textContent = body.detail ?? `The import was refused (HTTP ${response.status}).`;
        replaceChildren(result, ...(body.problems?.length ? [skippedTable("Why", body.problems)] : []));
        return null;
      }
      return body;
    } catch {
      status.textContent = "The map cannot be reached. Check the connection and try again.";
      return null;
    } finally {
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
  );
  result.tabIndex = -1;
  replaceChildren(root, el("h2", {}, "Import"), form, result);
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
