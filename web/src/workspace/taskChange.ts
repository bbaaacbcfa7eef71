// The server's answer to a task edit, written into the cached task list at once, so that the
// chart and the table show the saved dates without waiting for the refetch that follows (which
// brings the recomputed critical path and slack).
import type { TaskChange, TaskOut } from "../api";

/** Applies `change` to `tasks` in place (an Immer draft of the cached list). */
export function applyTaskChange(tasks: TaskOut[], change: TaskChange): void {
  const moved = new Map(change.moved.map((ref) => [ref.id, ref]));
  for (const [index, task] of tasks.entries()) {
    if (task.id === change.task.id) {
      tasks[index] = change.task;
      continue;
    }
    const ref = moved.get(task.id);
    if (ref !== undefined) {
      task.start_date = ref.start_date;
      task.due_date = ref.due_date;
    }
  }
}

/** The ids of the tasks a change moved, besides the one edited. */
export function movedIds(change: TaskChange): ReadonlySet<string> {
  return new Set(change.moved.map((ref) => ref.id).filter((id) => id !== change.task.id));
}
