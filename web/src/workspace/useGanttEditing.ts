// Moving a date on the Gantt chart with a pointer (mouse, pen or finger) or with the keys.
// A drag on a bar's end handle (or on a milestone) snaps to whole days and is sent on release;
// on a focused bar ArrowLeft/ArrowRight move a pending date a day (Shift: a week), Enter sends
// it; Escape gives up either. The server moves the dependants.
import {
  useReducer,
  useRef,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
} from "react";
import type { TaskOut } from "../api";
import { dateEditReducer, isChanged } from "./dateEdit";
import { arrowStep, daysDragged, earliestDate, editableDate, notBefore, shiftDate } from "./ganttMath";

export type MoveDate = (task: TaskOut, date: string) => Promise<void>;

interface Drag {
  pointerId: number;
  originX: number;
  /** SVG units per CSS pixel, in case the chart is drawn scaled. */
  unitsPerPixel: number;
  original: string;
  earliest: string | null;
}

function unitsPerPixel(element: SVGElement): number {
  const svg = element.ownerSVGElement;
  const drawn = svg?.getBoundingClientRect().width ?? 0;
  const units = Number(svg?.getAttribute("width"));
  return drawn > 0 && units > 0 ? units / drawn : 1;
}

export function useGanttEditing(dayWidth: number, onMove: MoveDate | undefined) {
  const [edit, dispatch] = useReducer(dateEditReducer, null);
  const drag = useRef<Drag | null>(null);

  const save = async (task: TaskOut, date: string) => {
    if (onMove === undefined || date === editableDate(task)) {
      dispatch({ type: "cancel" });
      return;
    }
    dispatch({ type: "saving" });
    try {
      await onMove(task, date);
    } finally {
      dispatch({ type: "done" });
    }
  };

  const dragged = (current: Drag, event: PointerEvent) =>
    daysDragged((event.clientX - current.originX) * current.unitsPerPixel, dayWidth);

  const cancel = () => {
    drag.current = null;
    dispatch({ type: "cancel" });
  };

  /** For the bar: focus, keys. */
  const barProps = (task: TaskOut) => ({
    onKeyDown: (event: KeyboardEvent<SVGGElement>) => {
      const step = arrowStep(event.key, event.shiftKey);
      if (step !== null && onMove !== undefined && drag.current === null) {
        event.preventDefault();
        dispatch({ type: "step", task, days: step });
      } else if (event.key === "Enter" && isChanged(edit) && edit.taskId === task.id) {
        event.preventDefault();
        if (drag.current === null) void save(task, edit.date);
      } else if (event.key === "Escape" && edit?.taskId === task.id) {
        event.preventDefault();
        cancel();
      }
    },
    onBlur: (_event: FocusEvent<SVGGElement>) => {
      // A pending date nobody confirmed is not saved behind the person's back.
      if (edit?.taskId === task.id && drag.current === null) dispatch({ type: "cancel" });
    },
  });

  /** For the end handle of a bar, or a milestone's diamond. */
  const handleProps = (task: TaskOut) => ({
    onPointerDown: (event: PointerEvent<SVGElement>) => {
      if (onMove === undefined || edit?.saving) return;
      if (event.pointerType === "mouse" && event.button !== 0) return;
      event.preventDefault();
      const element = event.currentTarget;
      element.setPointerCapture?.(event.pointerId);
      // Focus makes Escape reach the bar, and leaves the keys ready for a finer step.
      element.closest<SVGGElement>("[tabindex]")?.focus({ preventScroll: true });
      drag.current = {
        pointerId: event.pointerId,
        originX: event.clientX,
        unitsPerPixel: unitsPerPixel(element),
        original: editableDate(task),
        earliest: earliestDate(task),
      };
      dispatch({ type: "begin", task });
    },
    onPointerMove: (event: PointerEvent<SVGElement>) => {
      const current = drag.current;
      if (current === null || current.pointerId !== event.pointerId) return;
      dispatch({ type: "drag", days: dragged(current, event) });
    },
    onPointerUp: (event: PointerEvent<SVGElement>) => {
      const current = drag.current;
      if (current === null || current.pointerId !== event.pointerId) return;
      drag.current = null;
      event.currentTarget.releasePointerCapture?.(event.pointerId);
      // From the release itself: the last move's render may not have happened yet.
      void save(task, notBefore(shiftDate(current.original, dragged(current, event)), current.earliest));
    },
    onPointerCancel: (event: PointerEvent<SVGElement>) => {
      if (drag.current?.pointerId === event.pointerId) cancel();
    },
    onLostPointerCapture: (event: PointerEvent<SVGElement>) => {
      if (drag.current?.pointerId === event.pointerId) cancel();
    },
  });

  return { edit, barProps, handleProps, editable: onMove !== undefined };
}
