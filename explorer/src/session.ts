// Who is signed in. The key an editor pastes is sent once, to POST /session, and never kept:
// the server answers with a session cookie the page's scripts cannot read (HttpOnly), and
// with a CSRF token this module keeps in memory only, sending it with every request. A
// reload asks GET /session again; nothing goes to localStorage, sessionStorage or the URL.

export const CSRF_HEADER = "X-CSRF-Token";

export interface SignedIn {
  name: string;
  role: string;
  organization: string | null;
  writes: boolean;
  expires: string;
  csrfToken: string;
}

let current: SignedIn | null = null;
let asked: Promise<SignedIn | null> | null = null;

/** The open session, asked of the server once per page load. */
export function session(): Promise<SignedIn | null> {
  asked ??= fetch("/session", { credentials: "same-origin" })
    .then(async (response) => (response.ok ? ((await response.json()) as SignedIn) : null))
    .catch(() => null)
    .then((found) => (current = found));
  return asked;
}

/** The headers that sign a request as the session's: none when signed out. */
export function signing(): Record<string, string> {
  return current ? { [CSRF_HEADER]: current.csrfToken } : {};
}

/** Signs in with a key; the server's words when it refuses it. */
export async function signIn(key: string): Promise<SignedIn> {
  const response = await fetch("/session", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ key }),
  });
  const body = (await response.json().catch(() => ({}))) as Partial<SignedIn> & { detail?: unknown };
  if (!response.ok) {
    throw new Error(typeof body.detail === "string" ? body.detail : `Signing in failed (HTTP ${response.status}).`);
  }
  current = body as SignedIn;
  asked = Promise.resolve(current);
  return current;
}

/** Ends the session on the server; the page is signed out whatever it answers. */
export async function signOut(): Promise<void> {
  const headers = signing();
  current = null;
  asked = Promise.resolve(null);
  await fetch("/session", { method: "DELETE", credentials: "same-origin", headers }).catch(() => undefined);
}

/** Which pages need a key: "signed-in" to any key (reading what the public may not),
 * "any" to a key that writes, "unscoped" to one that also speaks for no one organization
 * (judging other organizations' records). */
export type Writing = "signed-in" | "any" | "unscoped";

export function mayOpen(who: SignedIn | null, writing: Writing): boolean {
  if (writing === "signed-in") return Boolean(who);
  return Boolean(who?.writes && (writing === "any" || !who.organization));
}

/** What the role may do, in words. */
export function mayDo(who: SignedIn): string {
  if (!who.writes) return "You may read who made each change; you cannot change the map.";
  if (who.organization) return `You may import and edit what ${who.organization} does, and only that.`;
  return who.role === "admin"
    ? "You may import, edit and review anything, and read who made each change."
    : "You may import and edit any record.";
}
