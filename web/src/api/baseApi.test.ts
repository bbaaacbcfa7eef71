import { afterEach, describe, expect, it, vi } from "vitest";
import { refreshSession, startSession, getAccessToken } from "../auth/session";
import { makeStore } from "../store";
import { fakeServer } from "../test/fakeServer";
import { api } from ".";
import { serializeParams } from "./baseApi";

const pair = (n: number) => ({
  access_token: `access-${n}`,
  refresh_token: `refresh-${n}`,
  token_type: "bearer",
  expires_in: 900,
});

afterEach(() => vi.unstubAllGlobals());

describe("serializeParams", () => {
  it("repeats a key for each item of a list and leaves out empty values", () => {
    expect(serializeParams({ status: ["draft", "planning"], q: "", city: undefined, limit: 10 })).toBe(
      "status=draft&status=planning&limit=10",
    );
  });
});

describe("the session", () => {
  it("refreshes once when several requests find the token expired at the same time", async () => {
    startSession(pair(1));
    let refreshes = 0;
    fakeServer({
      "POST /api/v1/auth/refresh": () => ({ body: pair(2 + refreshes++) }),
      "GET /api/v1/events": (request) =>
        request.authorization === "Bearer access-1"
          ? { status: 401, body: { detail: "expired", status: 401, title: "Not authenticated" } }
          : { body: { items: [], total: 0, limit: 50, offset: 0 } },
    });
    const store = makeStore();
    const results = await Promise.all([
      store.dispatch(api.endpoints.listEvents.initiate({ q: "a" })),
      store.dispatch(api.endpoints.listEvents.initiate({ q: "b" })),
    ]);
    expect(results.map((result) => result.isSuccess)).toEqual([true, true]);
    // A reused refresh token revokes the whole sign-in: it must be spent exactly once.
    expect(refreshes).toBe(1);
    expect(getAccessToken()).toBe("access-2");
  });

  it("signs out when the refresh token is refused", async () => {
    startSession(pair(1));
    fakeServer({
      "POST /api/v1/auth/refresh": () => ({ status: 401, body: { detail: "reused", status: 401, title: "x" } }),
    });
    expect(await refreshSession()).toBe(false);
    expect(getAccessToken()).toBeNull();
    expect(localStorage.getItem("maestro.refresh")).toBeNull();
  });
});
