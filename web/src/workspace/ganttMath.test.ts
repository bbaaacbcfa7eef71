import { describe, expect, it } from "vitest";
import {
  arrowStep,
  daysDragged,
  earliestDate,
  editableDate,
  notBefore,
  shiftDate,
  timeScale,
  chartRange,
} from "./ganttMath";

describe("time scale", () => {
  it("puts each day in its own column after the labels, the first and last day included", () => {
    const scale = timeScale("2027-03-01", "2027-03-10", 280, 500);
    expect(scale.span).toBe(10);
    expect(scale.dayWidth).toBe(50);
    expect(scale.x("2027-03-01")).toBe(280);
    expect(scale.x("2027-03-04")).toBe(430);
    // A date before the first one lies left of the chart rather than wrapping round.
    expect(scale.x("2027-02-28")).toBe(230);
  });

  it("counts calendar days across a change to summer time", () => {
    const scale = timeScale("2027-03-20", "2027-04-08", 0, 200);
    expect(scale.x("2027-04-01") - scale.x("2027-03-27")).toBe(5 * scale.dayWidth);
  });
});

describe("dates", () => {
  it("shifts across months, years and leap days", () => {
    expect(shiftDate("2027-01-30", 3)).toBe("2027-02-02");
    expect(shiftDate("2026-12-30", 7)).toBe("2027-01-06");
    expect(shiftDate("2028-03-01", -1)).toBe("2028-02-29");
    expect(shiftDate("2027-03-05", 0)).toBe("2027-03-05");
  });

  it("keeps a due date from coming before its start; a milestone has no such bound", () => {
    expect(notBefore("2027-03-01", "2027-03-04")).toBe("2027-03-04");
    expect(notBefore("2027-03-09", "2027-03-04")).toBe("2027-03-09");
    expect(notBefore("2027-03-01", null)).toBe("2027-03-01");
    const bar = { milestone: false, start_date: "2027-03-01", due_date: "2027-03-05" };
    const milestone = { milestone: true, start_date: "2027-03-10", due_date: "2027-03-10" };
    expect([editableDate(bar), earliestDate(bar)]).toEqual(["2027-03-05", "2027-03-01"]);
    expect([editableDate(milestone), earliestDate(milestone)]).toEqual(["2027-03-10", null]);
  });
});

describe("snapping", () => {
  it("rounds a drag to the nearest whole day either way", () => {
    expect(daysDragged(0, 12)).toBe(0);
    expect(daysDragged(5, 12)).toBe(0);
    expect(daysDragged(7, 12)).toBe(1);
    expect(daysDragged(36, 12)).toBe(3);
    expect(daysDragged(30, 12)).toBe(3);
    expect(daysDragged(-30, 12)).toBe(-3);
    expect(daysDragged(-29, 12)).toBe(-2);
    expect(Object.is(daysDragged(-4, 12), 0)).toBe(true);
  });

  it("does not divide by a chart with no width", () => {
    expect(daysDragged(40, 0)).toBe(0);
  });

  it("moves a day per arrow, a week with Shift, and ignores other keys", () => {
    expect(arrowStep("ArrowRight", false)).toBe(1);
    expect(arrowStep("ArrowLeft", false)).toBe(-1);
    expect(arrowStep("ArrowRight", true)).toBe(7);
    expect(arrowStep("ArrowLeft", true)).toBe(-7);
    expect(arrowStep("ArrowUp", false)).toBeNull();
    expect(arrowStep("Enter", false)).toBeNull();
  });

  it("keeps today in the chart when it is near the plan, and marks it at the edge when not", () => {
    const dates = ["2027-02-01", "2027-04-10"];
    expect(chartRange(dates, "2027-01-20", "2027-04-15")).toEqual({
      first: "2027-01-20",
      last: "2027-04-15",
      todayInRange: true,
    });
    // Months ahead: a week of lead before the first task, today only marked.
    expect(chartRange(dates, "2026-11-24", "2027-04-15")).toEqual({
      first: "2027-01-25",
      last: "2027-04-15",
      todayInRange: false,
    });
    // Under way, and after the event: today is always drawn to scale.
    expect(chartRange(dates, "2027-03-01", "2027-04-15").todayInRange).toBe(true);
    expect(chartRange(dates, "2027-05-01", "2027-04-15")).toEqual({
      first: "2027-02-01",
      last: "2027-05-01",
      todayInRange: true,
    });
  });
});
