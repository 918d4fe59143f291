// The explorer's entry: the view named in the query string (`?view=network`, `gaps`,
// `country`, `overlaps`, `who`, `counts`, `people`, `commitments`, `indicators`, `sources`, `history`, `changes`, `alerts`, `import`,
// `review`, `edit` or `signin`), with navigation between them and who is signed in.

import "./style.css";
import { el, showError } from "./dom";
import { linkTo, param } from "./state";
import { gapsView } from "./views/gaps";
import { networkView } from "./views/network";
import { overlapsView } from "./views/overlaps";
import { commitmentsView } from "./views/commitments";
import { indicatorsView } from "./views/indicators";
import { peopleView } from "./views/people";
import { sourcesView } from "./views/sources";
import { whoView } from "./views/who";
import { countsView } from "./views/counts";
import { offerTableDownloads } from "./tables";
import { countryView } from "./views/country";
import { editView } from "./views/edit";
import { historyView } from "./views/history";
import { changesView } from "./views/changes";
import { alertsView } from "./views/alerts";
import { importView } from "./views/import";
import { reviewView } from "./views/review";
import { signInView } from "./views/signin";
import { mayOpen, session, type Writing } from "./session";
import { backLink, embedCode, embedded, notEmbeddable } from "./embed";

// `writing`: a page offered only to a signed-in key that may use it (session.ts, mayOpen).
const VIEWS: Record<string, { title: string; render: (root: HTMLElement) => Promise<void>; writing?: Writing }> = {
  network: { title: "Network", render: networkView },
  gaps: { title: "Gap map", render: gapsView },
  country: { title: "Country profile", render: countryView },
  overlaps: { title: "Overlaps", render: overlapsView },
  who: { title: "Who's doing what, where", render: whoView },
  counts: { title: "Counts and sums", render: countsView },
  people: { title: "People and seats", render: peopleView },
  commitments: { title: "Commitments", render: commitmentsView },
  indicators: { title: "Indicators", render: indicatorsView },
  sources: { title: "Evidence", render: sourcesView },
  history: { title: "History", render: historyView },
  changes: { title: "What changed", render: changesView },
  alerts: { title: "Alerts", render: alertsView, writing: "signed-in" },
  import: { title: "Import", render: importView, writing: "any" },
  review: { title: "Review look-alikes", render: reviewView, writing: "unscoped" },
  edit: { title: "Edit", render: editView, writing: "any" },
  signin: { title: "Sign in", render: signInView },
};

async function start(): Promise<void> {
  const root = document.getElementById("view");
  if (root) offerTableDownloads(root);
  await show();
  // Back and Forward step through filter, focus and view changes: the view is drawn
  // again from the query string it returns to.
  window.addEventListener("popstate", () => void show());
  window.addEventListener("a87:session", () => void navigation(param("view") ?? "network"));
}

/** The views, and who is signed in: the last link signs in, or names who is signed in. */
async function navigation(name: string): Promise<void> {
  const nav = document.getElementById("views");
  if (!nav) return;
  const who = await session();
  nav.replaceChildren(
    el(
      "ul",
      {},
      ...Object.entries(VIEWS)
        .filter(([, view]) => !view.writing || mayOpen(who, view.writing))
        .map(([key, view]) => {
        const title = key === "signin" && who ? `Signed in: ${who.name} (${who.role})` : view.title;
        return el("li", {}, el("a", { href: linkTo(key), "aria-current": key === name ? "page" : null }, title));
      }),
    ),
  );
}

async function show(): Promise<void> {
  const asked = param("view") ?? "network";
  const name = asked in VIEWS ? asked : "network";
  const root = document.getElementById("view");
  if (!root) return;
  await navigation(name);
  const view = VIEWS[name];
  if (!view) return;
  document.title = `${view.title} · Alliance 8.7 stakeholder map`;
  root.dataset.view = name;
  root.replaceChildren();
  const framed = embedded();
  document.body.classList.toggle("embedded", framed);
  const reading = !view.writing && name !== "signin";
  if (framed && !reading) {
    root.append(notEmbeddable());
    return;
  }
  try {
    await view.render(root);
  } catch (error) {
    showError(error);
  }
  if (framed) root.append(backLink());
  else if (reading) root.append(embedCode(view.title));
}

void start();
