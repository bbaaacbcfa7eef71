import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { TaskOut } from "../api";
import { Gantt, ganttRows } from "./Gantt";

function task(id: string, phase: string, start: string, due: string, extra: Partial<TaskOut> = {}): TaskOut {
  return {
    id,
    plan_id: "p",
    key: id,
    title: `Task ${id}`,
    phase: phase as TaskOut["phase"],
    duration: 2,
    start_date: start,
    due_date: due,
    status: "todo",
    milestone: false,
    optional: false,
    after_event: false,
    owner_role: null,
    vendor_category: null,
    assignee: null,
    depends_on: [],
    critical: false,
    slack: 3,
    overdue: false,
    at_risk: false,
    ...extra,
  };
}

const TASKS = [
  task("b", "venue_vendors", "2027-02-10", "2027-02-12"),
  task("a", "concept", "2027-02-01", "2027-02-03", { critical: true }),
  task("c", "concept", "2027-01-20", "2027-01-22", { critical: true, milestone: true, duration: 0 }),
];

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
  });
});
