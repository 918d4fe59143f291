// What a view shows lives in the query string, so any view can be shared as a link.

export function param(name: string): string | null {
  const value = new URLSearchParams(location.search).get(name);
  return value === null || value === "" ? null : value;
}

export function setParams(changes: Record<string, string | null>): void {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === "") {
      params.delete(name);
    } else {
      params.set(name, value);
    }
  }
  const query = params.toString();
  history.replaceState(null, "", query ? `${location.pathname}?${query}` : location.pathname);
}

export function linkTo(view: string, extra: Record<string, string> = {}): string {
  return `?${new URLSearchParams({ view, ...extra }).toString()}`;
}
