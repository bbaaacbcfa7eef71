import SendIcon from "@mui/icons-material/Send";
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Paper,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { createEventWithPlan } from "../events/createEvent";
import { useAppDispatch } from "../hooks";
import { problemOf } from "../api/problem";
import { BriefResult } from "./BriefResult";
import { eventFromEntities } from "./entities";
import { outputsOf, processStream, type ProcessAnswer, type StepState } from "./process";

interface Turn {
  role: "user" | "maestro";
  text: string;
}

interface Step {
  step: string;
  skill: string;
  state: StepState;
  durationMs?: number;
}

const STEP_COLOR = { running: "default", done: "success", failed: "error", skipped: "default" } as const;

function defaultName(answer: ProcessAnswer, t: (key: string, options?: Record<string, string>) => string) {
  const type = t(`enums.eventType.${answer.entities.event_type ?? "other"}`);
  return answer.entities.city ? t("brief.defaultName", { type, city: answer.entities.city.name }) : type;
}

export function BriefPage() {
  const { t, i18n } = useTranslation();
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const [message, setMessage] = useState("");
  const [turns, setTurns] = useState<Turn[]>([]);
  const [steps, setSteps] = useState<Step[]>([]);
  const [understood, setUnderstood] = useState<string | null>(null);
  const [answer, setAnswer] = useState<ProcessAnswer | null>(null);
  const [working, setWorking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState("");

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const text = message.trim();
    if (!text || working) return;
    setTurns((current) => [...current, { role: "user", text }]);
    setMessage("");
    setSteps([]);
    setUnderstood(null);
    setError(null);
    setWorking(true);
    try {
      const result = await processStream(
        {
          message: text,
          conversation_id: answer?.conversation_id,
          timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        },
        {
          onUnderstood: (data) =>
            setUnderstood(
              t("brief.understood", {
                intent: t(`enums.intent.${data.intent}`, { defaultValue: data.intent }),
                confidence: Math.round(data.confidence * 100),
              }),
            ),
          onStepStarted: ({ step, skill }) =>
            setSteps((current) => [...current.filter((s) => s.step !== step), { step, skill, state: "running" }]),
          onStepFinished: ({ step, skill, state, duration_ms }) =>
            setSteps((current) =>
              current.some((s) => s.step === step)
                ? current.map((s) => (s.step === step ? { step, skill, state, durationMs: Math.round(duration_ms) } : s))
                : [...current, { step, skill, state, durationMs: Math.round(duration_ms) }],
            ),
        },
      );
      setAnswer(result);
      setName(defaultName(result, t));
      const reply = result.clarification ? result.clarification.question : result.summary;
      setTurns((current) => [...current, { role: "maestro", text: reply }]);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setWorking(false);
    }
  };

  const save = async () => {
    if (!answer) return;
    setSaving(true);
    setError(null);
    try {
      const created = await createEventWithPlan(
        dispatch,
        eventFromEntities(answer.entities, name.trim() || defaultName(answer, t)),
        i18n.language === "en" ? "en" : "ru",
      );
      navigate(`/events/${created.id}/plan`);
    } catch (failure) {
      setError(problemOf(failure)?.detail ?? String(failure));
    } finally {
      setSaving(false);
    }
  };

  const outputs = answer ? outputsOf(answer) : null;
  const canSave = Boolean(answer && !answer.clarification && answer.entities.event_type);

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {t("brief.title")}
      </Typography>
      <Paper sx={{ p: 2 }}>
        <Stack spacing={1.5} aria-live="polite">
          {turns.map((turn, index) => (
            <Box
              key={index}
              data-testid={`turn-${turn.role}`}
              sx={{
                alignSelf: turn.role === "user" ? "flex-end" : "flex-start",
                maxWidth: "80%",
                px: 2,
                py: 1,
                borderRadius: 2,
                bgcolor: turn.role === "user" ? "primary.main" : "grey.100",
                color: turn.role === "user" ? "primary.contrastText" : "text.primary",
                whiteSpace: "pre-wrap",
              }}
            >
              {turn.text}
            </Box>
          ))}
          {(working || steps.length > 0) && (
            <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap", rowGap: 1, alignItems: "center" }} data-testid="progress">
              {working && <CircularProgress size={18} aria-label={t("brief.working")} />}
              {understood && <Typography variant="body2">{understood}</Typography>}
              {steps.map((step) => (
                <Chip
                  key={step.step}
                  size="small"
                  color={STEP_COLOR[step.state]}
                  variant={step.state === "running" ? "outlined" : "filled"}
                  label={`${step.skill}: ${t(`brief.step.${step.state}`)}${step.durationMs !== undefined ? ` · ${step.durationMs} ms` : ""}`}
                />
              ))}
            </Stack>
          )}
          {error && <Alert severity="error">{error}</Alert>}
          <Stack component="form" direction="row" spacing={1} onSubmit={send}>
            <TextField
              fullWidth
              multiline
              maxRows={6}
              label={t("brief.prompt")}
              placeholder={t("brief.placeholder")}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.shiftKey) {
                  e.preventDefault();
                  e.currentTarget.closest("form")?.requestSubmit();
                }
              }}
            />
            <Button type="submit" variant="contained" endIcon={<SendIcon />} disabled={working || !message.trim()}>
              {t("brief.send")}
            </Button>
          </Stack>
        </Stack>
      </Paper>
      {answer?.clarification && (
        <Alert severity="info">
          <strong>{t("brief.clarify")}:</strong> {answer.clarification.question}
        </Alert>
      )}
      {answer && (answer.warnings ?? []).length > 0 && (
        <Alert severity="warning">{answer.warnings.join(" ")}</Alert>
      )}
      {outputs && <BriefResult outputs={outputs} />}
      {canSave && (
        <Paper sx={{ p: 2 }}>
          <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ alignItems: { md: "center" } }}>
            <TextField
              label={t("brief.eventName")}
              value={name}
              onChange={(e) => setName(e.target.value)}
              sx={{ flexGrow: 1 }}
            />
            <Button variant="contained" size="large" disabled={saving} onClick={() => void save()}>
              {saving ? t("brief.saving") : t("brief.save")}
            </Button>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
