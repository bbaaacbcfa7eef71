// The plan as a Gantt chart in SVG: a bar per task from its start to its due date, grouped by
// phase, the critical path in red, milestones as diamonds, and lines for today and the event.
// Each bar's due date (a milestone's day) can be dragged or moved with the keys.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TaskOut } from "../api";
import { daysBetween, formatDate, formatShortDate, parseIsoDate, toIsoDate } from "../format";
import { CRITICAL, EVENT_DAY, FOCUS, MOVED, MOVED_BACKGROUND, TODAY } from "../theme";
import type { DateEdit } from "./dateEdit";
import { chartRange, earliestDate, editableDate, timeScale, type TimeScale } from "./ganttMath";
import { useGanttEditing, type MoveDate } from "./useGanttEditing";

const ROW = 22;
const HEADER = 40;
const LABEL_WIDTH = 280;
const BAR_COLOR = "#5c6bc0";
/** Wide enough to grab with a finger, however short the bar. */
const HANDLE_WIDTH = 12;

export interface GanttProps {
  tasks: TaskOut[];
  phases: string[];
  today: string;
  eventDate: string;
  width: number;
  /** Saves a task's new due date (a milestone's new day); without it the chart is read-only. */
  onMove?: MoveDate;
  /** Tasks the last change moved, shown highlighted for a moment. */
  moved?: ReadonlySet<string>;
  /** The element that tells how to move a date with the pointer and the keys. */
  describedBy?: string;
}

interface Row {
  kind: "phase" | "task";
  phase: string;
  task?: TaskOut;
}

export function ganttRows(tasks: TaskOut[], phases: string[]): Row[] {
  const rows: Row[] = [];
  for (const phase of phases) {
    const inPhase = tasks
      .filter((task) => task.phase === phase)
      .sort((a, b) => a.start_date.localeCompare(b.start_date) || a.due_date.localeCompare(b.due_date));
    if (inPhase.length === 0) continue;
    rows.push({ kind: "phase", phase });
    for (const task of inPhase) rows.push({ kind: "task", phase, task });
  }
  return rows;
}

function monthStarts(from: string, to: string): string[] {
  const start = parseIsoDate(from);
  const cursor = new Date(start.getFullYear(), start.getMonth() + 1, 1);
  const result: string[] = [];
  while (toIsoDate(cursor) <= to) {
    result.push(toIsoDate(cursor));
    cursor.setMonth(cursor.getMonth() + 1);
  }
  return result;
}

export function Gantt({
  tasks,
  phases,
  today,
  eventDate,
  width,
  onMove,
  moved,
  describedBy,
}: GanttProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rows = ganttRows(tasks, phases);
  const dates = tasks.flatMap((task) => [task.start_date, task.due_date]);
  const { first, last, todayInRange } = chartRange(dates, today, eventDate);
  const scale = timeScale(first, last, LABEL_WIDTH, Math.max(width - LABEL_WIDTH - 8, 200));
  const { x, dayWidth } = scale;
  // Today long before the plan is marked at the left edge, with its date, not to scale.
  const todayX = todayInRange ? x(today) + dayWidth / 2 : LABEL_WIDTH;
  const height = HEADER + rows.length * ROW + 4;
  const { edit, barProps, handleProps, editable } = useGanttEditing(dayWidth, onMove);
  const [focused, setFocused] = useState<string | null>(null);
  // One tab stop for the whole chart (the bar last focused, else the first); ↑/↓ go between
  // bars, so that the keyboard does not have to step through every task to reach the list.
  const [tabStop, setTabStop] = useState<string | null>(null);
  const taskIds = rows.flatMap((row) => (row.task ? [row.task.id] : []));
  const tabStopId = tabStop !== null && taskIds.includes(tabStop) ? tabStop : taskIds[0];
  const focusBar = (from: SVGGElement, key: string): boolean => {
    const index = taskIds.indexOf(from.dataset.taskId ?? "");
    const targets: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: taskIds.length - 1,
    };
    const next = targets[key];
    if (next === undefined) return false;
    const id = taskIds[Math.min(Math.max(next, 0), taskIds.length - 1)];
    from.ownerSVGElement?.querySelector<SVGGElement>(`[data-task-id="${id}"]`)?.focus();
    return true;
  };
  const [hovered, setHovered] = useState<string | null>(null);
  const editedRow = edit === null ? -1 : rows.findIndex((row) => row.task?.id === edit.taskId);

  return (
    <svg
      width={width}
      height={height}
      role="group"
      aria-label={t("plan.gantt")}
      aria-describedby={editable ? describedBy : undefined}
      data-testid="gantt"
      data-day-width={dayWidth}
      style={{ display: "block", fontFamily: "inherit", fontSize: 12, userSelect: "none" }}
    >
      {monthStarts(first, last).map((month) => (
        <g key={month}>
          <line x1={x(month)} x2={x(month)} y1={HEADER - 16} y2={height} stroke="#e0e0e0" />
          <text x={x(month) + 3} y={HEADER - 6} fill="#757575">
            {formatShortDate(month, language)}
          </text>
        </g>
      ))}
      {rows.map((row, index) => {
        const y = HEADER + index * ROW;
        if (row.kind === "phase" || row.task === undefined) {
          return (
            <g key={`phase-${row.phase}`}>
              <rect x={0} y={y} width={width} height={ROW} fill="#eef0f8" />
              <text x={6} y={y + 15} fontWeight={600}>
                {t(`enums.phase.${row.phase}`)}
              </text>
            </g>
          );
        }
        const task = row.task;
        const color = task.critical ? CRITICAL : BAR_COLOR;
        const start = x(task.start_date);
        const end = x(task.due_date) + dayWidth;
        const isMoved = moved?.has(task.id) ?? false;
        const isEdited = edit?.taskId === task.id;
        const showGrip = editable && (hovered === task.id || focused === task.id || isEdited);
        const value = isEdited ? edit.date : editableDate(task);
        const earliest = earliestDate(task);
        const offset = (date: string) => daysBetween(first, date);
        const bar = barProps(task);
        const handle = handleProps(task);
        const barX = task.milestone ? end - dayWidth / 2 - 8 : start - 3;
        const barWidth = task.milestone ? 16 : Math.max(end - start, 3) + 6;
        return (
          <g
            key={task.id}
            data-testid="gantt-task"
            data-task-id={task.id}
            data-critical={task.critical}
            data-moved={isMoved || undefined}
            tabIndex={editable ? (tabStopId === task.id ? 0 : -1) : undefined}
            role={editable ? "slider" : undefined}
            aria-label={t("plan.barLabel", {
              title: task.title,
              start: formatDate(task.start_date, language),
              due: formatDate(task.due_date, language),
            })}
            aria-valuetext={editable ? formatDate(value, language) : undefined}
            aria-valuenow={editable ? offset(value) : undefined}
            aria-valuemin={editable ? (earliest === null ? Math.min(0, offset(value)) : offset(earliest)) : undefined}
            aria-valuemax={editable ? Math.max(scale.span - 1, offset(value)) : undefined}
            style={{ outline: "none" }}
            onKeyDown={(event) => {
              if (focusBar(event.currentTarget, event.key)) event.preventDefault();
              else bar.onKeyDown(event);
            }}
            onFocus={() => {
              setFocused(task.id);
              setTabStop(task.id);
            }}
            onBlur={(event) => {
              setFocused(null);
              bar.onBlur(event);
            }}
            onPointerEnter={() => setHovered(task.id)}
            onPointerLeave={() => setHovered((current) => (current === task.id ? null : current))}
          >
            <title>{`${task.title}: ${task.start_date} → ${task.due_date}`}</title>
            {isMoved && <rect x={0} y={y} width={width} height={ROW} fill={MOVED_BACKGROUND} />}
            <text x={14} y={y + 15} fill={task.overdue ? CRITICAL : "#212121"}>
              {task.title.length > 40 ? `${task.title.slice(0, 39)}…` : task.title}
            </text>
            {focused === task.id && (
              <rect
                data-png-skip
                x={barX - 2}
                y={y + 1}
                width={barWidth + 4}
                height={ROW - 2}
                rx={5}
                fill="none"
                stroke={FOCUS}
                strokeWidth={2}
              />
            )}
            {task.milestone ? (
              <path
                d={`M ${end - dayWidth / 2} ${y + 4} l 7 7 l -7 7 l -7 -7 z`}
                fill={color}
                stroke={isMoved ? MOVED : "none"}
                strokeWidth={2}
                opacity={isEdited ? 0.35 : 1}
                data-testid={editable ? "gantt-handle" : undefined}
                style={editable ? { cursor: "ew-resize", touchAction: "none" } : undefined}
                {...(editable ? handle : {})}
              />
            ) : (
              <>
                <rect
                  x={start}
                  y={y + 5}
                  width={Math.max(end - start, 3)}
                  height={ROW - 10}
                  rx={3}
                  fill={color}
                  stroke={isMoved ? MOVED : "none"}
                  strokeWidth={2}
                  opacity={(task.status === "done" ? 0.45 : 1) * (isEdited ? 0.35 : 1)}
                />
                {showGrip && (
                  <rect
                    data-png-skip
                    x={(isEdited ? x(edit.date) + dayWidth : end) - 4}
                    y={y + 3}
                    width={4}
                    height={ROW - 6}
                    rx={2}
                    fill="#fff"
                    stroke={color}
                    pointerEvents="none"
                  />
                )}
                {editable && (
                  <rect
                    data-testid="gantt-handle"
                    data-png-skip
                    x={(isEdited ? x(edit.date) + dayWidth : end) - HANDLE_WIDTH / 2}
                    y={y}
                    width={HANDLE_WIDTH}
                    height={ROW}
                    fill="transparent"
                    style={{ cursor: "ew-resize", touchAction: "none" }}
                    {...handle}
                  />
                )}
              </>
            )}
          </g>
        );
      })}
      <line
        data-testid="today-line"
        data-in-range={todayInRange}
        x1={todayX}
        x2={todayX}
        y1={16}
        y2={height}
        stroke={TODAY}
        strokeWidth={2}
        strokeDasharray={todayInRange ? "4 3" : "1 3"}
        pointerEvents="none"
      />
      <text x={todayX + 4} y={12} fill={TODAY} fontWeight={600}>
        {todayInRange
          ? t("plan.today")
          : t("plan.todayBefore", { date: formatShortDate(today, language) })}
      </text>
      <line
        x1={x(eventDate) + dayWidth / 2}
        x2={x(eventDate) + dayWidth / 2}
        y1={16}
        y2={height}
        stroke={EVENT_DAY}
        strokeWidth={2}
        pointerEvents="none"
      />
      <text
        x={x(eventDate) + dayWidth / 2 - 4}
        y={12}
        fill={EVENT_DAY}
        fontWeight={600}
        textAnchor="end"
      >
        {t("plan.eventDay")}
      </text>
      {edit !== null && editedRow >= 0 && (
        <GhostBar
          edit={edit}
          task={rows[editedRow]?.task}
          y={HEADER + editedRow * ROW}
          scale={scale}
          width={width}
          height={height}
        />
      )}
    </svg>
  );
}

/** Where the edited task would go: a dashed outline, a guide line and the targeted date. */
function GhostBar({
  edit,
  task,
  y,
  scale,
  width,
  height,
}: {
  edit: DateEdit;
  task: TaskOut | undefined;
  y: number;
  scale: TimeScale;
  width: number;
  height: number;
}) {
  const { t, i18n } = useTranslation();
  if (task === undefined) return null;
  const { x, dayWidth } = scale;
  const end = x(edit.date) + dayWidth;
  const days = daysBetween(edit.original, edit.date);
  const label = t("plan.ghostLabel", {
    date: formatShortDate(edit.date, i18n.language),
    days: days > 0 ? `+${days}` : String(days),
  });
  // Near the right edge the label goes left of the end, over the bar, on a white halo.
  const leftOfEnd = end + 150 > width;
  return (
    <g data-testid="gantt-ghost" data-date={edit.date} data-png-skip pointerEvents="none">
      <line x1={end} x2={end} y1={HEADER - 16} y2={height} stroke={FOCUS} strokeDasharray="2 3" />
      {task.milestone ? (
        <path
          d={`M ${end - dayWidth / 2} ${y + 4} l 7 7 l -7 7 l -7 -7 z`}
          fill="none"
          stroke={FOCUS}
          strokeWidth={2}
          strokeDasharray="3 2"
        />
      ) : (
        <rect
          x={x(task.start_date)}
          y={y + 4}
          width={Math.max(end - x(task.start_date), 3)}
          height={ROW - 8}
          rx={3}
          fill="rgba(57, 73, 171, 0.12)"
          stroke={FOCUS}
          strokeWidth={2}
          strokeDasharray="4 2"
        />
      )}
      <text
        x={leftOfEnd ? end - 10 : end + 10}
        y={y + 15}
        textAnchor={leftOfEnd ? "end" : "start"}
        fill={FOCUS}
        fontWeight={600}
        stroke="#fff"
        strokeWidth={4}
        paintOrder="stroke"
      >
        {edit.saving ? `${label} …` : label}
      </text>
    </g>
  );
}
