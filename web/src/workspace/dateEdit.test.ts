import { describe, expect, it } from "vitest";
import { dateEditReducer, isChanged, type DateEdit } from "./dateEdit";

const BAR = { id: "a", milestone: false, start_date: "2027-03-01", due_date: "2027-03-05" };
const MILESTONE = { id: "m", milestone: true, start_date: "2027-03-10", due_date: "2027-03-10" };

describe("a date being moved", () => {
  it("follows a drag from the saved date, never before the start", () => {
    let edit = dateEditReducer(null, { type: "begin", task: BAR });
    expect(edit).toMatchObject({ taskId: "a", original: "2027-03-05", date: "2027-03-05" });
    expect(isChanged(edit)).toBe(false);
    edit = dateEditReducer(edit, { type: "drag", days: 3 });
    expect(edit?.date).toBe("2027-03-08");
    // Drag offsets are from where the drag began, not cumulative.
    edit = dateEditReducer(edit, { type: "drag", days: 2 });
    expect(edit?.date).toBe("2027-03-07");
    edit = dateEditReducer(edit, { type: "drag", days: -30 });
    expect(edit?.date).toBe("2027-03-01");
    expect(isChanged(edit)).toBe(true);
  });

  it("adds up key steps, starting from the saved date of the bar the keys are on", () => {
    let edit = dateEditReducer(null, { type: "step", task: BAR, days: 1 });
    edit = dateEditReducer(edit, { type: "step", task: BAR, days: 1 });
    expect(edit?.date).toBe("2027-03-07");
    edit = dateEditReducer(edit, { type: "step", task: BAR, days: 7 });
    expect(edit?.date).toBe("2027-03-14");
    // Keys on another bar start over there.
    edit = dateEditReducer(edit, { type: "step", task: MILESTONE, days: -1 });
    expect(edit).toMatchObject({ taskId: "m", original: "2027-03-10", date: "2027-03-09" });
  });

  it("lets a milestone go earlier than its own day", () => {
    const edit = dateEditReducer(null, { type: "step", task: MILESTONE, days: -7 });
    expect(edit?.date).toBe("2027-03-03");
  });

  it("is given up by Escape, and an unchanged one is never saved", () => {
    const edit = dateEditReducer(null, { type: "step", task: BAR, days: 2 });
    expect(dateEditReducer(edit, { type: "cancel" })).toBeNull();
    const untouched = dateEditReducer(null, { type: "begin", task: BAR });
    expect(dateEditReducer(untouched, { type: "saving" })).toBeNull();
  });

  it("holds still while saving, until the answer comes", () => {
    let edit: DateEdit | null = dateEditReducer(null, { type: "step", task: BAR, days: 2 });
    edit = dateEditReducer(edit, { type: "saving" });
    expect(edit?.saving).toBe(true);
    const held = edit;
    expect(dateEditReducer(held, { type: "step", task: BAR, days: 1 })).toBe(held);
    expect(dateEditReducer(held, { type: "cancel" })).toBe(held);
    expect(dateEditReducer(held, { type: "begin", task: MILESTONE })).toBe(held);
    expect(dateEditReducer(held, { type: "done" })).toBeNull();
  });
});
