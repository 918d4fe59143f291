// Alerts worth acting on (`?view=alerts&kind=OVERLAP&about=organization:ilo`): overlaps,
// commitments falling due or overdue, look-alike organizations and stale facts, each with
// the facts behind it and a link to look, from the API's `alerts`. Reading them takes a
// signed-in key; a key that writes may acknowledge one, which takes it off the open list
// for good (a key scoped to an organization only those that concern it).

import { ask } from "../api";
import { el, loading, replaceChildren, table, words } from "../dom";
import { session, type SignedIn } from "../session";
import { param, setParams } from "../state";

interface Alert {
  key: string;
  kind: string;
  title: string;
  facts: string[];
  link: string;
  subjects: string[];
  organizations: string[];
  themes: string[];
  places: string[];
  raisedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

const KINDS = ["OVERLAP", "COMMITMENT_DUE", "COMMITMENT_OVERDUE", "LOOK_ALIKE", "STALE"];
const ALERTS = `query Alerts($kind: AlertKind, $about: ID, $acknowledged: Boolean!) {
  alerts(kind: $kind, about: $about, acknowledged: $acknowledged, first: 500) {
    key kind title facts link subjects organizations themes places raisedAt
    acknowledgedAt acknowledgedBy
  }
}`;
const ACKNOWLEDGE = `mutation Acknowledge($key: String!) { acknowledgeAlert(key: $key) }`;

export async function alertsView(root: HTMLElement): Promise<void> {
  const who = await session();
  const kind = el(
    "select",
    { id: "alerts-kind" },
    el("option", { value: "" }, "every kind"),
    ...KINDS.map((k) => el("option", { value: k, selected: param("kind") === k }, words(k.toLowerCase()))),
  );
  const about = el("input", { id: "alerts-about", type: "text", value: param("about") ?? "", placeholder: "organization:ilo" });
  const acknowledged = el("input", { id: "alerts-acknowledged", type: "checkbox", checked: param("acknowledged") === "1" });
  const shown = el("section", { id: "alerts", "aria-label": "Alerts" });
  const redraw = (): Promise<void> => draw(shown, who, kind.value, about.value.trim(), acknowledged.checked);
  const form = el(
    "form",
    {
      class: "stacked",
      onsubmit: (event: Event) => {
        event.preventDefault();
        setParams({ kind: kind.value || null, about: about.value.trim() || null, acknowledged: acknowledged.checked ? "1" : null });
        void redraw();
      },
    },
    el("label", { for: "alerts-kind" }, "Kind"),
    kind,
    el("label", { for: "alerts-about" }, "About (a record, or an organization, theme or place it concerns)"),
    about,
    el("label", { for: "alerts-acknowledged" }, acknowledged, " with those already acknowledged"),
    el("button", { type: "submit" }, "Show alerts"),
  );
  replaceChildren(root, el("h2", {}, "Alerts"), form, shown);
  if (!who) {
    replaceChildren(shown, el("p", {}, "Alerts are read with a key: sign in to see them."));
    return;
  }
  await redraw();
}

async function draw(
  region: HTMLElement,
  who: SignedIn | null,
  kind: string,
  about: string,
  acknowledged: boolean,
): Promise<void> {
  const variables = { kind: kind || null, about: about || null, acknowledged };
  const found = await loading(region, () => ask<{ alerts: Alert[] }>(ALERTS, variables));
  if (!found) return;
  const alerts = found.alerts;
  const redraw = (): Promise<void> => draw(region, who, kind, about, acknowledged);
  replaceChildren(
    region,
    el(
      "p",
      { class: "count", "data-count": String(alerts.length) },
      alerts.length ? `${alerts.length} ${alerts.length === 1 ? "alert" : "alerts"}.` : "No alert is open for this choice.",
    ),
    alerts.length
      ? table(
          "Alerts, newest first",
          ["Kind", "Alert", "Facts", "Concerns", "Raised", "Acknowledged"],
          alerts.map((a) => [
            words(a.kind.toLowerCase()),
            el("a", { href: a.link }, a.title),
            el("ul", {}, ...a.facts.map((f) => el("li", {}, f))),
            [...a.organizations, ...a.themes, ...a.places].join(", "),
            (a.raisedAt ?? "").slice(0, 10),
            a.acknowledgedAt
              ? `Acknowledged ${a.acknowledgedAt.slice(0, 10)}${a.acknowledgedBy ? ` by ${a.acknowledgedBy}` : ""}`
              : who?.writes
                ? el(
                    "button",
                    {
                      type: "button",
                      "data-key": a.key,
                      onclick: () => void ask(ACKNOWLEDGE, { key: a.key }).then(redraw),
                    },
                    "Acknowledge",
                  )
                : "",
          ]),
        )
      : "",
    el(
      "p",
      { class: "note" },
      "Alerts are raised by the map itself, once each. They also travel in the changes feed, its subscription and webhooks.",
    ),
  );
}
