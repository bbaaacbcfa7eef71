import {
  Alert,
  Box,
  Button,
  LinearProgress,
  Paper,
  Snackbar,
  Stack,
  Typography,
} from "@mui/material";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  useGeneratePlanMutation,
  useGetTimelineQuery,
  useListTasksQuery,
  useUpdateTaskMutation,
  type EventOut,
  type TaskOut,
} from "../api";
import { EmptyState } from "../common/EmptyState";
import { Loading } from "../common/Loading";
import { ProblemAlert } from "../common/ProblemAlert";
import { formatDate } from "../format";
import { CRITICAL } from "../theme";
import { ExportButton } from "./ExportButton";
import { Gantt } from "./Gantt";
import { TaskTable } from "./TaskTable";
import { useElementWidth } from "./useElementWidth";

export function PlanTab({ event }: { event: EventOut }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const tasksQuery = useListTasksQuery({ eventId: event.id });
  const hasPlan = (tasksQuery.data?.length ?? 0) > 0;
  // The timeline exists only once there is a plan; asking earlier would only fail.
  const timelineQuery = useGetTimelineQuery({ eventId: event.id }, { skip: !hasPlan });
  const [generate, generation] = useGeneratePlanMutation();
  const [updateTask, update] = useUpdateTaskMutation();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [chartRef, chartWidth] = useElementWidth<HTMLDivElement>(1100);

  if (tasksQuery.isLoading) return <Loading />;
  if (tasksQuery.error) {
    return <ProblemAlert error={tasksQuery.error} onRetry={() => void tasksQuery.refetch()} />;
  }
  if (!hasPlan) {
    return (
      <Stack spacing={2}>
        {generation.error ? <ProblemAlert error={generation.error} /> : null}
        <EmptyState
          text={event.date ? t("plan.empty") : t("plan.needsDate")}
          action={
            event.date && (
              <Button
                variant="contained"
                disabled={generation.isLoading}
                onClick={() =>
                  void generate({
                    eventId: event.id,
                    body: { locale: language === "en" ? "en" : "ru" },
                  })
                }
              >
                {t("plan.generate")}
              </Button>
            )
          }
        />
      </Stack>
    );
  }

  const tasks = tasksQuery.data ?? [];
  const timeline = timelineQuery.data;
  const moveDueDate = async (task: TaskOut, dueDate: string) => {
    const result = await updateTask({ taskId: task.id, taskUpdate: { due_date: dueDate } });
    if (result.error) {
      setFailure(result.error);
      return;
    }
    const moved = result.data.moved.length;
    setNotice(moved > 0 ? t("plan.moved", { count: moved }) : t("plan.movedNone"));
  };

  return (
    <Stack spacing={2}>
      {failure ? <ProblemAlert error={failure} /> : null}
      {timeline && (
        <Paper sx={{ p: 2 }}>
          <Stack
            direction={{ xs: "column", sm: "row" }}
            spacing={2}
            useFlexGap
            sx={{ alignItems: { sm: "center" }, flexWrap: "wrap", "& > *": { whiteSpace: "nowrap" } }}
          >
            <Box sx={{ minWidth: 220 }}>
              <Typography variant="body2" color="text.secondary">
                {t("plan.progress")}: {Math.round(timeline.progress)}%
              </Typography>
              <LinearProgress variant="determinate" value={timeline.progress} aria-hidden />
            </Box>
            <Typography variant="body2" color={timeline.overdue > 0 ? "error" : "text.secondary"}>
              {t("plan.overdue")}: {timeline.overdue}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t("plan.atRisk")}: {timeline.at_risk}
            </Typography>
            <Box sx={{ flexGrow: 1 }} />
            <ExportButton
              url={`/api/v1/planning/events/${event.id}/export?format=ics`}
              filename={`plan-${event.id}.ics`}
              label={t("plan.exportIcs")}
              onError={setFailure}
            />
            <ExportButton
              url={`/api/v1/planning/events/${event.id}/export?format=xlsx`}
              filename={`plan-${event.id}.xlsx`}
              label={t("plan.exportXlsx")}
              onError={setFailure}
            />
          </Stack>
          <Alert
            severity={timeline.feasibility.feasible ? "success" : "warning"}
            sx={{ mt: 2 }}
          >
            <strong>
              {timeline.feasibility.feasible ? t("plan.feasible") : t("plan.notFeasible")}
            </strong>
            {timeline.feasibility.explanation ? ` ${timeline.feasibility.explanation}` : ""}
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              <span style={{ color: CRITICAL, fontWeight: 600 }}>{t("plan.criticalPath")}:</span>{" "}
              {timeline.feasibility.critical_path
                .map((task) => `${task.title} (${formatDate(task.due_date, language)})`)
                .join(" → ")}
            </Typography>
          </Alert>
        </Paper>
      )}
      <Paper sx={{ p: 2, overflowX: "auto" }} ref={chartRef}>
        {timeline ? (
          <Gantt
            tasks={tasks}
            phases={timeline.phases.map((phase) => phase.id)}
            today={timeline.today}
            eventDate={timeline.event_date}
            width={Math.max(chartWidth, 640)}
          />
        ) : (
          <Loading />
        )}
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {t("plan.tasks")}
        </Typography>
        <TaskTable tasks={tasks} busy={update.isLoading} onDueDate={(task, due) => void moveDueDate(task, due)} />
      </Paper>
      <Snackbar
        open={notice !== null}
        autoHideDuration={6000}
        onClose={() => setNotice(null)}
        message={notice}
      />
    </Stack>
  );
}
