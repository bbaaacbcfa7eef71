// Tasks as the API returns them, for component tests.
import type { TaskOut } from "../api";

export function task(
  id: string,
  phase: string,
  start: string,
  due: string,
  extra: Partial<TaskOut> = {},
): TaskOut {
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
