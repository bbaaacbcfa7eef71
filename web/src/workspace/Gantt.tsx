// The plan as a Gantt chart in SVG: a bar per task from its start to its due date, grouped by
// phase, the critical path in red, milestones as diamonds, and lines for today and the event.
import { useTranslation } from "react-i18next";
import type { TaskOut } from "../api";
import { daysBetween, formatShortDate, parseIsoDate, toIsoDate } from "../format";
import { CRITICAL, EVENT_DAY, TODAY } from "../theme";

const ROW = 22;
const HEADER = 40;
const LABEL_WIDTH = 280;

export interface GanttProps {
  tasks: TaskOut[];
  phases: string[];
  today: string;
  eventDate: string;
  width: number;
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

export function Gantt({ tasks, phases, today, eventDate, width }: GanttProps) {
  const { t, i18n } = useTranslation();
  const rows = ganttRows(tasks, phases);
  const dates = tasks.flatMap((task) => [task.start_date, task.due_date]);
  const first = [...dates, today, eventDate].reduce((a, b) => (a < b ? a : b));
  const last = [...dates, today, eventDate].reduce((a, b) => (a > b ? a : b));
  const span = Math.max(daysBetween(first, last) + 1, 1);
  const chartWidth = Math.max(width - LABEL_WIDTH - 8, 200);
  const dayWidth = chartWidth / span;
  const x = (date: string) => LABEL_WIDTH + daysBetween(first, date) * dayWidth;
  const height = HEADER + rows.length * ROW + 4;

  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={t("plan.tasks")}
      style={{ display: "block", fontFamily: "inherit", fontSize: 12 }}
    >
      {monthStarts(first, last).map((month) => (
        <g key={month}>
          <line x1={x(month)} x2={x(month)} y1={HEADER - 16} y2={height} stroke="#e0e0e0" />
          <text x={x(month) + 3} y={HEADER - 6} fill="#757575">
            {formatShortDate(month, i18n.language)}
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
        const color = task.critical ? CRITICAL : "#5c6bc0";
        const start = x(task.start_date);
        const end = x(task.due_date) + dayWidth;
        return (
          <g key={task.id} data-testid="gantt-task" data-critical={task.critical}>
            <title>{`${task.title}: ${task.start_date} → ${task.due_date}`}</title>
            <text x={14} y={y + 15} fill={task.overdue ? CRITICAL : "#212121"}>
              {task.title.length > 40 ? `${task.title.slice(0, 39)}…` : task.title}
            </text>
            {task.milestone ? (
              <path
                d={`M ${end - dayWidth / 2} ${y + 4} l 7 7 l -7 7 l -7 -7 z`}
                fill={color}
              />
            ) : (
              <rect
                x={start}
                y={y + 5}
                width={Math.max(end - start, 3)}
                height={ROW - 10}
                rx={3}
                fill={color}
                opacity={task.status === "done" ? 0.45 : 1}
              />
            )}
          </g>
        );
      })}
      <line
        data-testid="today-line"
        x1={x(today) + dayWidth / 2}
        x2={x(today) + dayWidth / 2}
        y1={16}
        y2={height}
        stroke={TODAY}
        strokeWidth={2}
        strokeDasharray="4 3"
      />
      <text x={x(today) + dayWidth / 2 + 4} y={12} fill={TODAY} fontWeight={600}>
        {t("plan.today")}
      </text>
      <line
        x1={x(eventDate) + dayWidth / 2}
        x2={x(eventDate) + dayWidth / 2}
        y1={16}
        y2={height}
        stroke={EVENT_DAY}
        strokeWidth={2}
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
    </svg>
  );
}
