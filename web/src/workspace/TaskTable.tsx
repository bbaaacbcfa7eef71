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
import type { TaskOut } from "../api";
import { formatShortDate } from "../format";
import { CRITICAL } from "../theme";
import { DueDateField } from "./DueDateField";

export interface TaskTableProps {
  tasks: TaskOut[];
  busy: boolean;
  onDueDate: (task: TaskOut, dueDate: string) => void;
}

export function TaskTable({ tasks, busy, onDueDate }: TaskTableProps) {
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
            <TableCell>{t("plan.phase")}</TableCell>
            <TableCell>{t("plan.status")}</TableCell>
            <TableCell>{t("plan.start")}</TableCell>
            <TableCell>{t("plan.due")}</TableCell>
            <TableCell>{t("plan.assignee")}</TableCell>
            <TableCell align="right">{t("plan.slack")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((task) => (
            <TableRow key={task.id} data-testid="task-row" hover>
              <TableCell>
                <Typography variant="body2" component="span" sx={{ mr: 1 }}>
                  {task.title}
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
              <TableCell>{t(`enums.phase.${task.phase}`)}</TableCell>
              <TableCell>{t(`enums.taskStatus.${task.status}`)}</TableCell>
              <TableCell sx={{ whiteSpace: "nowrap" }}>{formatShortDate(task.start_date, i18n.language)}</TableCell>
              <TableCell>
                <DueDateField
                  value={task.due_date}
                  disabled={busy}
                  label={t("plan.dueLabel", { title: task.title })}
                  onCommit={(value) => onDueDate(task, value)}
                />
              </TableCell>
              <TableCell>
                {task.assignee ??
                  (task.owner_role ? t(`enums.role.${task.owner_role}`, { defaultValue: task.owner_role }) : "—")}
              </TableCell>
              <TableCell align="right">{task.slack ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
