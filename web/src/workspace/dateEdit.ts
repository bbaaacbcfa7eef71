// A date being moved on the Gantt chart, by a drag or by the arrow keys, until it is saved or
// given up. One edit at a time: the chart shows it as a ghost bar and the targeted date.
import { earliestDate, editableDate, notBefore, shiftDate } from "./ganttMath";

interface EditableTask {
  id: string;
  milestone: boolean;
  start_date: string;
  due_date: string;
}

export interface DateEdit {
  taskId: string;
  /** The saved date the edit started from. */
  original: string;
  /** The date targeted now. */
  date: string;
  earliest: string | null;
  /** Sent to the server, waiting for its answer. */
  saving: boolean;
}

export type DateEditAction =
  | { type: "begin"; task: EditableTask }
  | { type: "drag"; days: number }
  | { type: "step"; task: EditableTask; days: number }
  | { type: "cancel" }
  | { type: "saving" }
  | { type: "done" };

function started(task: EditableTask): DateEdit {
  const original = editableDate(task);
  return { taskId: task.id, original, date: original, earliest: earliestDate(task), saving: false };
}

export function dateEditReducer(edit: DateEdit | null, action: DateEditAction): DateEdit | null {
  // While a change is on its way nothing else starts: the chart would draw a stale plan.
  if (edit?.saving && action.type !== "done") return edit;
  switch (action.type) {
    case "begin":
      return started(action.task);
    case "drag":
      if (edit === null) return null;
      return { ...edit, date: notBefore(shiftDate(edit.original, action.days), edit.earliest) };
    case "step": {
      const current = edit?.taskId === action.task.id ? edit : started(action.task);
      return { ...current, date: notBefore(shiftDate(current.date, action.days), current.earliest) };
    }
    case "cancel":
      return null;
    case "saving":
      return edit === null || edit.date === edit.original ? null : { ...edit, saving: true };
    case "done":
      return null;
  }
}

/** Whether there is anything to save: a drag that came back to where it began is not. */
export function isChanged(edit: DateEdit | null): edit is DateEdit {
  return edit !== null && edit.date !== edit.original;
}
