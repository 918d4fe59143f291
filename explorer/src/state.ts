// What a view shows lives in the query string, so any view can be shared as a link.

export function param(name: string): string | null {
  const value = new URLSearchParams(location.search).get(name);
  return value === null || value === "" ? null : value;
}

// Each change a person makes is a step Back can undo; a view filling in a default
// (`replace`) is not.
export function setParams(changes: Record<string, string | null>, options: { replace?: boolean } = {}): void {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === "") {
      params.delete(name);
    } else {
      params.set(name, value);
    }
  }
  const query = params.toString();
  const url = query ? `${location.pathname}?${query}` : location.pathname;
  if (url === `${location.pathname}${location.search}`) return;
  if (options.replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
}

export function linkTo(view: string, extra: Record<string, string> = {}): string {
  return `?${new URLSearchParams({ view, ...extra }).toString()}`;
}
