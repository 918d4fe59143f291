// Signing in and out. The key goes to the server once, from a password field, and the field
// is emptied; what the page keeps is who is signed in (session.ts). Until the writing pages
// exist (import, review, edit: not built yet, see the docs), this page says what the
// signed-in role may do.

import { el, replaceChildren } from "../dom";
import { mayDo, session, signIn, signOut, type SignedIn } from "../session";

export async function signInView(root: HTMLElement): Promise<void> {
  const who = await session();
  if (who) signedInPage(root, who);
  else signInForm(root);
}

function signInForm(root: HTMLElement, said = ""): void {
  const key = el("input", {
    id: "key",
    name: "key",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
    "aria-describedby": "key-help sign-in-status",
  });
  const status = el("p", { id: "sign-in-status", role: "status", class: "status" }, said);
  // Handled here, never submitted by the browser: a plain submit would put the key in a URL.
  const form = el(
    "form",
    {
      class: "stacked",
      method: "post",
      action: "#",
      onsubmit: (event: Event) => {
        event.preventDefault();
        void submit(root, key, status);
      },
    },
    el("label", { for: "key" }, "API key"),
    key,
    el(
      "p",
      { id: "key-help", class: "help" },
      "Paste the key an administrator gave you (it begins a87_). It is sent once and not kept by this page.",
    ),
    el("button", { type: "submit" }, "Sign in"),
    status,
  );
  replaceChildren(root, el("h2", {}, "Sign in"), form);
  key.focus();
}

async function submit(root: HTMLElement, key: HTMLInputElement, status: HTMLElement): Promise<void> {
  const pasted = key.value;
  key.value = "";
  status.textContent = "Signing in…";
  try {
    signedInPage(root, await signIn(pasted));
    refreshHeader();
  } catch (error) {
    signInForm(root, error instanceof Error ? error.message : "Signing in failed.");
  }
}

function signedInPage(root: HTMLElement, who: SignedIn): void {
  const out = el(
    "button",
    {
      type: "button",
      class: "action",
      onclick: () =>
        void signOut().then(() => {
          signInForm(root, "Signed out.");
          refreshHeader();
        }),
    },
    "Sign out",
  );
  replaceChildren(
    root,
    el("h2", {}, "Signed in"),
    el(
      "dl",
      { class: "facts" },
      el("dt", {}, "Key"),
      el("dd", { "data-field": "name" }, who.name),
      el("dt", {}, "Role"),
      el("dd", { "data-field": "role" }, who.role),
      el("dt", {}, "Speaks for"),
      el("dd", { "data-field": "organization" }, who.organization ?? "any organization"),
      el("dt", {}, "Until"),
      el("dd", {}, new Date(who.expires).toLocaleString()),
    ),
    el("p", { "data-field": "may" }, mayDo(who)),
    out,
  );
  out.focus();
}

/** Tells the header (main.ts) the session changed, so it shows who is signed in. */
function refreshHeader(): void {
  window.dispatchEvent(new Event("a87:session"));
}
