// The one way the explorer talks to the map: GraphQL over POST to /graphql. Every failure
// becomes an ApiError whose message a reader can act on, keyed by the API's error code.

import { signing } from "./session";

/** A field the API refused, as the input spells it (cited[0].note), and why. */
export interface FieldProblem {
  field: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const READABLE: Record<string, string> = {
  DATABASE_UNAVAILABLE:
    "The map's database is not answering right now, so nothing can be shown. Try again in a moment.",
  NETWORK: "The map's API cannot be reached. Check the connection, then reload the page.",
  INTERNAL_SERVER_ERROR: "The map's API failed while answering. Reload the page to try again.",
};

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; problems?: FieldProblem[] };
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

export async function ask<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await post<T>(query, variables);
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? "INTERNAL_SERVER_ERROR";
    // Bad input names what is wrong; show the API's own words for it.
    throw new ApiError(READABLE[code] ?? first.message, code, first.extensions?.problems ?? []);
  }
  if (!body.data) {
    throw new ApiError(READABLE.INTERNAL_SERVER_ERROR, "INTERNAL_SERVER_ERROR");
  }
  return body.data;
}

async function post<T>(query: string, variables: Record<string, unknown>): Promise<GraphQLBody<T>> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", ...signing() },
      credentials: "same-origin",
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError(READABLE.NETWORK, "NETWORK");
  }
  try {
    return (await response.json()) as GraphQLBody<T>;
  } catch {
    const message = `The map's API answered with HTTP ${response.status} and no readable body.`;
    throw new ApiError(message, `HTTP_${response.status}`);
  }
}
