import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { TaskOut } from "../api";
import { Gantt, ganttRows } from "./Gantt";
import { task } from "./testTasks";

const TASKS = [
  task("b", "venue_vendors", "2027-02-10", "2027-02-12"),
  task("a", "concept", "2027-02-01", "2027-02-03", { critical: true }),
  task("c", "concept", "2027-01-20", "2027-01-22", { critical: true, milestone: true, duration: 0 }),
];

function renderChart(
  onMove = vi.fn(async (_task: TaskOut, _date: string) => {}),
  moved?: ReadonlySet<string>,
) {
  render(
    <Gantt
      tasks={TASKS}
      phases={["concept", "venue_vendors"]}
      today="2027-01-25"
      eventDate="2027-03-01"
      width={900}
      onMove={onMove}
      moved={moved}
    />,
  );
  return onMove;
}

function bar(id: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-testid=gantt-task][data-task-id="${id}"]`);
  if (element === null) throw new Error(`no bar ${id}`);
  return element;
}

function handleOf(id: string): Element {
  const handle = bar(id).querySelector("[data-testid=gantt-handle]");
  if (handle === null) throw new Error(`no handle on ${id}`);
  return handle;
}

const ghostDate = () => screen.queryByTestId("gantt-ghost")?.getAttribute("data-date") ?? null;

describe("Gantt", () => {
  it("groups tasks under their phases in plan order, each phase by start date", () => {
    const rows = ganttRows(TASKS, ["concept", "content", "venue_vendors"]);
    expect(rows.map((row) => (row.kind === "phase" ? row.phase : row.task?.id))).toEqual([
      "concept",
      "c",
      "a",
      "venue_vendors",
      "b",
    ]);
  });

  it("draws the critical path in its own colour, milestones as diamonds and a line for today", () => {
    render(
      <Gantt tasks={TASKS} phases={["concept", "venue_vendors"]} today="2027-01-25" eventDate="2027-03-01" width={900} />,
    );
    const bars = screen.getAllByTestId("gantt-task");
    expect(bars).toHaveLength(3);
    expect(bars.filter((bar) => bar.dataset.critical === "true")).toHaveLength(2);
    expect(bars[0]?.querySelector("path")).not.toBeNull();
    expect(bars[1]?.querySelector("rect")?.getAttribute("fill")).toBe("#d32f2f");
    expect(bars[2]?.querySelector("rect")?.getAttribute("fill")).not.toBe("#d32f2f");
    const today = screen.getByTestId("today-line");
    const firstBar = Number(bars[1]?.querySelector("rect")?.getAttribute("x"));
    // Today (25 Jan) lies left of the task that starts on 1 Feb.
    expect(Number(today.getAttribute("x1"))).toBeLessThan(firstBar);
    // Read-only without a way to save: nothing to focus or drag.
    expect(screen.queryAllByRole("slider")).toHaveLength(0);
    expect(screen.queryAllByTestId("gantt-handle")).toHaveLength(0);
  });

  it("names each bar with its title and dates for the keyboard and screen readers", () => {
    renderChart();
    const slider = screen.getByRole("slider", { name: /Task a/ });
    expect(slider).toHaveAttribute("tabindex", "-1");
    expect(slider.getAttribute("aria-label")).toMatch(/1 февр\. 2027 г\. – 3 февр\. 2027 г\./);
    expect(slider).toHaveAttribute("aria-valuetext", "3 февр. 2027 г.");
  });

  it("is one tab stop; the up and down arrows go from bar to bar in chart order", () => {
    renderChart();
    const sliders = screen.getAllByRole("slider");
    // Chart order: the milestone c (20 Jan), then a, then b in the next phase.
    expect(sliders.map((slider) => slider.getAttribute("tabindex"))).toEqual(["0", "-1", "-1"]);
    act(() => bar("c").focus());
    fireEvent.keyDown(bar("c"), { key: "ArrowDown" });
    expect(document.activeElement).toBe(bar("a"));
    fireEvent.keyDown(bar("a"), { key: "ArrowDown" });
    fireEvent.keyDown(bar("b"), { key: "ArrowDown" });
    expect(document.activeElement).toBe(bar("b"));
    fireEvent.keyDown(bar("b"), { key: "Home" });
    expect(document.activeElement).toBe(bar("c"));
    fireEvent.keyDown(bar("c"), { key: "End" });
    expect(document.activeElement).toBe(bar("b"));
    // Tab comes back to the bar last used.
    expect(bar("b")).toHaveAttribute("tabindex", "0");
    expect(bar("c")).toHaveAttribute("tabindex", "-1");
    expect(ghostDate()).toBeNull();
  });

  it("moves a due date with the arrows, shows where it would go, and saves it on Enter", async () => {
    const onMove = renderChart();
    const slider = screen.getByRole("slider", { name: /Task a/ });
    act(() => slider.focus());
    fireEvent.keyDown(slider, { key: "ArrowRight" });
    fireEvent.keyDown(slider, { key: "ArrowRight" });
    expect(ghostDate()).toBe("2027-02-05");
    expect(screen.getByTestId("gantt-ghost")).toHaveTextContent("(+2 дн.)");
    expect(slider).toHaveAttribute("aria-valuetext", "5 февр. 2027 г.");
    fireEvent.keyDown(slider, { key: "ArrowRight", shiftKey: true });
    expect(ghostDate()).toBe("2027-02-12");
    fireEvent.keyDown(slider, { key: "ArrowLeft" });
    expect(onMove).not.toHaveBeenCalled();
    fireEvent.keyDown(slider, { key: "Enter" });
    expect(onMove).toHaveBeenCalledTimes(1);
    expect(onMove.mock.calls[0]?.[1]).toBe("2027-02-11");
    await waitFor(() => expect(ghostDate()).toBeNull());
  });

  it("keeps the ghost while saving, so the bar does not jump back before the answer", async () => {
    let finish = () => {};
    const onMove = vi.fn((_task: TaskOut, _date: string) => new Promise<void>((resolve) => (finish = resolve)));
    renderChart(onMove);
    const slider = screen.getByRole("slider", { name: /Task a/ });
    fireEvent.keyDown(slider, { key: "ArrowRight" });
    fireEvent.keyDown(slider, { key: "Enter" });
    expect(screen.getByTestId("gantt-ghost")).toHaveTextContent("…");
    fireEvent.keyDown(slider, { key: "ArrowRight" });
    expect(ghostDate()).toBe("2027-02-04");
    await act(async () => finish());
    expect(ghostDate()).toBeNull();
  });

  it("gives up a pending date on Escape or when the bar loses focus", () => {
    const onMove = renderChart();
    const slider = screen.getByRole("slider", { name: /Task a/ });
    fireEvent.keyDown(slider, { key: "ArrowRight" });
    fireEvent.keyDown(slider, { key: "Escape" });
    expect(ghostDate()).toBeNull();
    fireEvent.keyDown(slider, { key: "Enter" });
    fireEvent.keyDown(slider, { key: "ArrowLeft", shiftKey: true });
    fireEvent.blur(slider);
    expect(ghostDate()).toBeNull();
    expect(onMove).not.toHaveBeenCalled();
  });

  it("does not let a due date go before the task's start", () => {
    renderChart();
    const slider = screen.getByRole("slider", { name: /Task a/ });
    fireEvent.keyDown(slider, { key: "ArrowLeft", shiftKey: true });
    expect(ghostDate()).toBe("2027-02-01");
  });

  it("drags a bar's end to a whole day and saves it on release", () => {
    const onMove = renderChart();
    const svg = screen.getByTestId("gantt");
    const dayWidth = Number(svg.getAttribute("data-day-width"));
    const handle = handleOf("a");
    fireEvent.pointerDown(handle, { pointerId: 1, clientX: 500, button: 0, pointerType: "mouse" });
    fireEvent.pointerMove(handle, { pointerId: 1, clientX: 500 + dayWidth * 1.4 });
    expect(ghostDate()).toBe("2027-02-04");
    fireEvent.pointerMove(handle, { pointerId: 1, clientX: 500 + dayWidth * 3.2 });
    expect(ghostDate()).toBe("2027-02-06");
    // Another finger on the screen does not steer this drag.
    fireEvent.pointerMove(handle, { pointerId: 2, clientX: 500 + dayWidth * 9 });
    expect(ghostDate()).toBe("2027-02-06");
    fireEvent.pointerUp(handle, { pointerId: 1, clientX: 500 + dayWidth * 3.2 });
    expect(onMove).toHaveBeenCalledTimes(1);
    expect(onMove.mock.calls[0]?.[0]?.id).toBe("a");
    expect(onMove.mock.calls[0]?.[1]).toBe("2027-02-06");
  });

  it("drops a drag on Escape, and saves nothing for a click without a move", () => {
    const onMove = renderChart();
    const dayWidth = Number(screen.getByTestId("gantt").getAttribute("data-day-width"));
    const handle = handleOf("a");
    fireEvent.pointerDown(handle, { pointerId: 1, clientX: 100, button: 0, pointerType: "mouse" });
    fireEvent.pointerMove(handle, { pointerId: 1, clientX: 100 + dayWidth * 2 });
    fireEvent.keyDown(bar("a"), { key: "Escape" });
    expect(ghostDate()).toBeNull();
    fireEvent.pointerUp(handle, { pointerId: 1, clientX: 100 + dayWidth * 2 });
    fireEvent.pointerDown(handle, { pointerId: 3, clientX: 100, button: 0, pointerType: "mouse" });
    fireEvent.pointerUp(handle, { pointerId: 3, clientX: 100 });
    expect(onMove).not.toHaveBeenCalled();
  });

  it("ignores a right-button drag", () => {
    renderChart();
    fireEvent.pointerDown(handleOf("a"), { pointerId: 1, clientX: 100, button: 2, pointerType: "mouse" });
    expect(ghostDate()).toBeNull();
  });

  it("moves a milestone as a whole, earlier as well as later", () => {
    const onMove = renderChart();
    const dayWidth = Number(screen.getByTestId("gantt").getAttribute("data-day-width"));
    const diamond = handleOf("c");
    expect(diamond.tagName).toBe("path");
    fireEvent.pointerDown(diamond, { pointerId: 1, clientX: 300, button: 0, pointerType: "touch" });
    fireEvent.pointerMove(diamond, { pointerId: 1, clientX: 300 - dayWidth * 2 });
    fireEvent.pointerUp(diamond, { pointerId: 1, clientX: 300 - dayWidth * 2 });
    expect(onMove.mock.calls[0]?.[1]).toBe("2027-01-18");
  });

  it("highlights the tasks the last change moved", () => {
    renderChart(undefined, new Set(["b"]));
    expect(bar("b")).toHaveAttribute("data-moved", "true");
    expect(bar("a")).not.toHaveAttribute("data-moved");
  });
});
