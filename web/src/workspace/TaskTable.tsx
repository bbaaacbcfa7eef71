import {
  Chip,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useTranslation } from "react-i18next";
import type { TaskOut, TaskUpdate } from "../api";
import { formatShortDate } from "../format";
import { CRITICAL, MOVED_BACKGROUND } from "../theme";
import { DueDateField } from "./DueDateField";
import { AssigneeField, StatusSelect } from "./TaskCells";

/** Saves a change to a task; resolves to the error when the server refused it. */
export type UpdateTask = (task: TaskOut, change: TaskUpdate) => Promise<unknown>;

export interface TaskTableProps {
  tasks: TaskOut[];
  onUpdate: UpdateTask;
  /** Tasks the last change moved, shown highlighted for a moment. */
  moved?: ReadonlySet<string>;
}

export function TaskTable({ tasks, onUpdate, moved }: TaskTableProps) {
  const { t, i18n } = useTranslation();
  const sorted = [...tasks].sort(
    (a, b) => a.due_date.localeCompare(b.due_date) || a.title.localeCompare(b.title),
  );
  return (
    <TableContainer>
      <Table size="small" aria-label={t("plan.tasks")}>
        <TableHead>
          <TableRow>
            <TableCell>{t("plan.task")}</TableCell>
            <TableCell>{t("plan.status")}</TableCell>
            <TableCell>{t("plan.start")}</TableCell>
            <TableCell>{t("plan.due")}</TableCell>
            <TableCell>{t("plan.assignee")}</TableCell>
            <TableCell align="right">{t("plan.slack")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((task) => {
            const isMoved = moved?.has(task.id) ?? false;
            return (
              <TableRow
                key={task.id}
                data-testid="task-row"
                data-task-id={task.id}
                data-moved={isMoved || undefined}
                hover
                sx={{
                  transition: "background-color 0.6s",
                  ...(isMoved && { bgcolor: MOVED_BACKGROUND, "&.MuiTableRow-hover:hover": { bgcolor: MOVED_BACKGROUND } }),
                }}
              >
                <TableCell sx={{ minWidth: 200 }}>
                  <Typography variant="body2" component="span" sx={{ mr: 1 }}>
                    {task.title}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" component="p">
                    {t(`enums.phase.${task.phase}`)}
                  </Typography>
                  {task.critical && (
                    <Chip
                      size="small"
                      label={t("plan.legendCritical")}
                      sx={{ bgcolor: CRITICAL, color: "white", height: 20 }}
                    />
                  )}
                  {task.overdue && (
                    <Chip size="small" color="error" variant="outlined" label={t("plan.overdue")} sx={{ ml: 0.5, height: 20 }} />
                  )}
                </TableCell>
                <TableCell>
                  <StatusSelect
                    value={task.status}
                    label={t("plan.statusLabel", { title: task.title })}
                    onCommit={(status) => onUpdate(task, { status })}
                  />
                </TableCell>
                <TableCell sx={{ whiteSpace: "nowrap" }}>{formatShortDate(task.start_date, i18n.language)}</TableCell>
                <TableCell>
                  <DueDateField
                    value={task.due_date}
                    label={t("plan.dueLabel", { title: task.title })}
                    onCommit={(value) =>
                      onUpdate(task, task.milestone ? { start_date: value } : { due_date: value })
                    }
                  />
                </TableCell>
                <TableCell>
                  <AssigneeField
                    value={task.assignee}
                    label={t("plan.assigneeLabel", { title: task.title })}
                    placeholder={
                      task.owner_role ? t(`enums.role.${task.owner_role}`, { defaultValue: task.owner_role }) : ""
                    }
                    onCommit={(assignee) => onUpdate(task, { assignee })}
                  />
                </TableCell>
                <TableCell align="right">{task.slack ?? "—"}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
