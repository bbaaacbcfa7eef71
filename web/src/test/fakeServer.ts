// A stand-in for the HTTP API in component tests: routes answer with canned JSON and every
// request is recorded, so a test can assert what the page sent.
import { vi } from "vitest";

export interface Recorded {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

type Handler = (request: Recorded) => { status?: number; body?: unknown } | undefined;

export function fakeServer(routes: Record<string, Handler>) {
  const requests: Recorded[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(new URL(String(input), window.location.origin)), init);
    const url = new URL(request.url);
    const text = await request.text();
    const recorded = {
      method: request.method,
      path: url.pathname + url.search,
      body: text ? (JSON.parse(text) as unknown) : null,
      authorization: request.headers.get("Authorization"),
    };
    requests.push(recorded);
    const handler = routes[`${request.method} ${url.pathname}`];
    const answer = handler?.(recorded) ?? { status: 404, body: { detail: "not found", status: 404, title: "Not found" } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { "Content-Type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return { requests, fetchMock };
}
