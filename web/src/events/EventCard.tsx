import {
  Card,
  CardActionArea,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Typography,
} from "@mui/material";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router-dom";
import { useListExpensesQuery, useListTasksQuery, type EventOut, type TaskOut } from "../api";
import { formatDate, formatMoney } from "../format";

/** Share of working days done, the same measure the timeline uses. */
export function planProgress(tasks: TaskOut[]): number {
  const total = tasks.reduce((sum, task) => sum + Math.max(task.duration, 1), 0);
  const done = tasks
    .filter((task) => task.status === "done" || task.status === "skipped")
    .reduce((sum, task) => sum + Math.max(task.duration, 1), 0);
  return total === 0 ? 0 : Math.round((done / total) * 100);
}

export function EventCard({ event }: { event: EventOut }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { data: tasks } = useListTasksQuery({ eventId: event.id });
  const { data: expenses } = useListExpensesQuery({ eventId: event.id, limit: 100 });
  const spent = (expenses?.items ?? []).reduce((sum, item) => sum + Number(item.amount.amount), 0);
  const budget = event.budget ? Number(event.budget.amount) : null;
  const overdue = (tasks ?? []).filter((task) => task.overdue).length;
  const progress = tasks && tasks.length > 0 ? planProgress(tasks) : null;

  return (
    <Card component="article" aria-label={event.name}>
      <CardActionArea component={RouterLink} to={`/events/${event.id}/plan`} sx={{ height: "100%" }}>
        <CardContent>
          <Stack spacing={1}>
            <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap" }}>
              <Chip size="small" label={t(`enums.eventType.${event.event_type}`)} />
              <Chip size="small" variant="outlined" label={t(`enums.eventStatus.${event.status}`)} />
            </Stack>
            <Typography variant="h6" component="h2">
              {event.name}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {formatDate(event.date, language)}
              {event.city ? ` · ${event.city.name}` : ""}
              {event.guests_count ? ` · ${t("common.guests", { count: event.guests_count })}` : ""}
            </Typography>
            {budget !== null && (
              <Typography variant="body2">
                {t("event.budget_")}: {formatMoney(budget, language)}
              </Typography>
            )}
            {progress === null ? (
              <Typography variant="body2" color="text.secondary">
                {t("dashboard.noPlan")}
              </Typography>
            ) : (
              <Stack spacing={0.5}>
                <Typography variant="body2">{t("dashboard.progress", { value: progress })}</Typography>
                <LinearProgress variant="determinate" value={progress} aria-hidden />
              </Stack>
            )}
            {overdue > 0 && (
              <Typography variant="body2" color="error">
                {t("dashboard.overdue", { count: overdue })}
              </Typography>
            )}
            {budget !== null ? (
              <Typography variant="body2" color={spent > budget ? "error" : "text.secondary"}>
                {t("dashboard.budgetUsed", { value: Math.round((spent / budget) * 100) })}
              </Typography>
            ) : (
              spent > 0 && (
                <Typography variant="body2" color="text.secondary">
                  {t("dashboard.spent", { amount: formatMoney(spent, language) })}
                </Typography>
              )
            )}
          </Stack>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}
