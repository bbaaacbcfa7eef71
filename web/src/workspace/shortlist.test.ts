import { act, renderHook } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { useShortlist } from "./shortlist";

beforeEach(() => window.localStorage.clear());

describe("useShortlist", () => {
  it("adds and removes vendors and keeps them per event across a reload", () => {
    const first = renderHook(() => useShortlist("e1"));
    act(() => first.result.current.toggle({ id: "v1", name: "Лофт", category: "venue" }));
    act(() => first.result.current.toggle({ id: "v2", name: "Вкус", category: "catering" }));
    act(() => first.result.current.toggle({ id: "v1", name: "Лофт", category: "venue" }));
    expect(first.result.current.items.map((item) => item.id)).toEqual(["v2"]);

    const reloaded = renderHook(() => useShortlist("e1"));
    expect(reloaded.result.current.has("v2")).toBe(true);
    expect(renderHook(() => useShortlist("e2")).result.current.items).toEqual([]);

    act(() => reloaded.result.current.remove("v2"));
    expect(renderHook(() => useShortlist("e1")).result.current.items).toEqual([]);
  });

  it("ignores a damaged stored value", () => {
    window.localStorage.setItem("maestro.shortlist.e1", "{not json");
    expect(renderHook(() => useShortlist("e1")).result.current.items).toEqual([]);
  });
});
