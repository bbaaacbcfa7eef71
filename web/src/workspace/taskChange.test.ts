import { describe, expect, it } from "vitest";
import type { TaskChange, TaskOut } from "../api";
import { applyTaskChange, movedIds } from "./taskChange";
import { task } from "./testTasks";

describe("a task change in the cached list", () => {
  it("replaces the edited task and moves the dependants the server moved", () => {
    const tasks: TaskOut[] = [
      task("a", "concept", "2027-03-01", "2027-03-05"),
      task("b", "concept", "2027-03-08", "2027-03-09", { depends_on: ["a"] }),
      task("c", "content", "2027-03-01", "2027-03-02"),
    ];
    const change: TaskChange = {
      task: { ...task("a", "concept", "2027-03-01", "2027-03-10"), status: "in_progress" },
      moved: [{ id: "b", title: "Task b", start_date: "2027-03-11", due_date: "2027-03-12" }],
    };
    applyTaskChange(tasks, change);
    expect(tasks.map((t) => [t.id, t.start_date, t.due_date])).toEqual([
      ["a", "2027-03-01", "2027-03-10"],
      ["b", "2027-03-11", "2027-03-12"],
      ["c", "2027-03-01", "2027-03-02"],
    ]);
    expect(tasks[0]?.status).toBe("in_progress");
    expect([...movedIds(change)]).toEqual(["b"]);
  });
});
