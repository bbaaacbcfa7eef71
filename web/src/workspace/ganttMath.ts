// The Gantt chart's arithmetic, apart from React: where a date sits on the x axis, and which
// whole day a drag or a key press targets. Dates are calendar dates (YYYY-MM-DD) throughout;
// working days are the server's business, which moves a date off a weekend when it saves it.
import { daysBetween, parseIsoDate, toIsoDate } from "../format";

export interface TimeScale {
  /** The first day drawn. */
  first: string;
  /** Days drawn, the first and the last included. */
  span: number;
  /** Width of one day in SVG units. */
  dayWidth: number;
  /** Left edge of a day's column. */
  x: (date: string) => number;
}

export function timeScale(first: string, last: string, left: number, chartWidth: number): TimeScale {
  const span = Math.max(daysBetween(first, last) + 1, 1);
  const dayWidth = chartWidth / span;
  return { first, span, dayWidth, x: (date) => left + daysBetween(first, date) * dayWidth };
}

/** The calendar date `days` after (or before, when negative) `date`. */
export function shiftDate(date: string, days: number): string {
  const day = parseIsoDate(date);
  day.setDate(day.getDate() + days);
  return toIsoDate(day);
}

/** Whole days a pointer travelled: a drag snaps to the nearest day, half a day rounding
 * away from where it began in either direction (Math.round alone would favour the right). */
export function daysDragged(pixels: number, dayWidth: number): number {
  if (!(dayWidth > 0)) return 0;
  const days = Math.round(Math.abs(pixels) / dayWidth);
  return pixels < 0 && days > 0 ? -days : days;
}

/** The later of two dates; a due date may not come before its task's start. */
export function notBefore(date: string, earliest: string | null): string {
  return earliest !== null && date < earliest ? earliest : date;
}

/** Days an arrow key moves a pending date: a day, a week with Shift; null for other keys. */
export function arrowStep(key: string, shiftKey: boolean): number | null {
  const size = shiftKey ? 7 : 1;
  if (key === "ArrowRight") return size;
  if (key === "ArrowLeft") return -size;
  return null;
}

/** The date a drag or the keys may move: a bar's due date, a milestone's own day. */
export function editableDate(task: { milestone: boolean; start_date: string; due_date: string }) {
  return task.milestone ? task.start_date : task.due_date;
}

/** The earliest date a task's edited date may take: a bar cannot end before it starts. */
export function earliestDate(task: { milestone: boolean; start_date: string }): string | null {
  return task.milestone ? null : task.start_date;
}

/** Days of lead drawn before the first task when today is long before the plan begins. */
const LEAD_DAYS = 7;
/** Today is drawn in place when it is at most this far before the first task. */
const NEAR_DAYS = 21;

export interface ChartRange {
  first: string;
  last: string;
  /** False when today lies well before the plan: it is then marked at the chart's left edge. */
  todayInRange: boolean;
}

/**
 * The days the chart spans: the plan and the event, and today when it is near. A plan that
 * begins months from now would otherwise be squeezed into the right-hand edge of the chart.
 */
export function chartRange(dates: string[], today: string, eventDate: string): ChartRange {
  const planned = [...dates, eventDate];
  const start = planned.reduce((a, b) => (a < b ? a : b));
  const end = [...planned, today].reduce((a, b) => (a > b ? a : b));
  if (today >= start || daysBetween(today, start) <= NEAR_DAYS) {
    return { first: today < start ? today : start, last: end, todayInRange: true };
  }
  return { first: shiftDate(start, -LEAD_DAYS), last: end, todayInRange: false };
}
