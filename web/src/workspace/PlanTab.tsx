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
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  api,
  useGeneratePlanMutation,
  useGetTimelineQuery,
  useListTasksQuery,
  useUpdateTaskMutation,
  type EventOut,
  type TaskOut,
  type TaskUpdate,
} from "../api";
import { EmptyState } from "../common/EmptyState";
import { Loading } from "../common/Loading";
import { PngExportButton } from "../common/PngExportButton";
import { ProblemAlert } from "../common/ProblemAlert";
import { formatDate } from "../format";
import { useAppDispatch } from "../hooks";
import { CRITICAL } from "../theme";
import { ExportButton } from "./ExportButton";
import { Gantt } from "./Gantt";
import { editableDate } from "./ganttMath";
import { applyTaskChange, movedIds } from "./taskChange";
import { TaskTable } from "./TaskTable";
import { useElementWidth } from "./useElementWidth";

/** How long the tasks a change moved stay highlighted. */
const MOVED_HIGHLIGHT_MS = 4000;
const NONE: ReadonlySet<string> = new Set();

export function PlanTab({ event }: { event: EventOut }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const tasksQuery = useListTasksQuery({ eventId: event.id });
  const hasPlan = (tasksQuery.data?.length ?? 0) > 0;
  // The timeline exists only once there is a plan; asking earlier would only fail.
  const timelineQuery = useGetTimelineQuery({ eventId: event.id }, { skip: !hasPlan });
  const [generate, generation] = useGeneratePlanMutation();
  const [updateTask] = useUpdateTaskMutation();
  const dispatch = useAppDispatch();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [moved, setMoved] = useState<ReadonlySet<string>>(NONE);
  const [chartRef, chartWidth] = useElementWidth<HTMLDivElement>(1100);
  const ganttRef = useRef<HTMLDivElement>(null);
  const hintId = useId();

  useEffect(() => {
    if (moved.size === 0) return;
    const timer = setTimeout(() => setMoved(NONE), MOVED_HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [moved]);

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
  /** Saves a change; resolves to the error when the server refused it. */
  const saveTask = async (task: TaskOut, change: TaskUpdate): Promise<unknown> => {
    const result = await updateTask({ taskId: task.id, taskUpdate: change });
    if (result.error) return result.error;
    // The saved dates at once; the refetch the mutation triggers brings critical path and slack.
    dispatch(
      api.util.updateQueryData("listTasks", { eventId: event.id }, (draft) =>
        applyTaskChange(draft, result.data),
      ),
    );
    setFailure(null);
    const target = change.due_date ?? change.start_date;
    if (target) {
      const count = result.data.moved.length;
      const saved = editableDate(result.data.task);
      const messages = [count > 0 ? t("plan.moved", { count }) : t("plan.movedNone")];
      // The server keeps deadlines on working days: a Saturday becomes the next Monday.
      if (saved !== target) messages.push(t("plan.movedToWorkday", { date: formatDate(saved, language) }));
      setNotice(messages.join(" "));
      setMoved(movedIds(result.data));
    }
    return null;
  };
  const moveOnChart = async (task: TaskOut, date: string) => {
    const failed = await saveTask(task, task.milestone ? { start_date: date } : { due_date: date });
    if (failed) setFailure(failed);
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
            <PngExportButton target={ganttRef} filename={`gantt-${event.id}.png`} onError={setFailure} />
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
      <Paper sx={{ p: 2 }}>
        <Typography id={hintId} variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          {t("plan.ganttHint")}
        </Typography>
        <Box sx={{ overflowX: "auto" }} ref={chartRef}>
          {timeline ? (
            <div ref={ganttRef}>
              <Gantt
                tasks={tasks}
                phases={timeline.phases.map((phase) => phase.id)}
                today={timeline.today}
                eventDate={timeline.event_date}
                width={Math.max(chartWidth, 640)}
                onMove={moveOnChart}
                moved={moved}
                describedBy={hintId}
              />
            </div>
          ) : (
            <Loading />
          )}
        </Box>
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {t("plan.tasks")}
        </Typography>
        <TaskTable tasks={tasks} onUpdate={saveTask} moved={moved} />
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
