// Maestro beside an event: messages go with the event's id, and whatever the agents changed
// shows in the tabs at once because every cached answer about the event is refetched.
import SendIcon from "@mui/icons-material/Send";
import { Alert, Box, Button, Chip, CircularProgress, Paper, Stack, TextField, Typography } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import { processStream, type StepState } from "../brief/process";
import { useAppDispatch } from "../hooks";

interface Turn {
  role: "user" | "maestro";
  text: string;
}

const STEP_COLOR = { running: "default", done: "success", failed: "error", skipped: "default" } as const;

export function EventChat({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const [message, setMessage] = useState("");
  const [turns, setTurns] = useState<Turn[]>([]);
  const [steps, setSteps] = useState<{ step: string; skill: string; state: StepState }[]>([]);
  const [conversation, setConversation] = useState<string | undefined>(undefined);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const text = message.trim();
    if (!text || working) return;
    setTurns((current) => [...current, { role: "user", text }]);
    setMessage("");
    setSteps([]);
    setError(null);
    setWorking(true);
    try {
      const answer = await processStream(
        {
          message: text,
          event_id: eventId,
          conversation_id: conversation,
          timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        },
        {
          onUnderstood: () => undefined,
          onStepStarted: ({ step, skill }) =>
            setSteps((current) => [...current.filter((s) => s.step !== step), { step, skill, state: "running" }]),
          onStepFinished: ({ step, skill, state }) =>
            setSteps((current) => [...current.filter((s) => s.step !== step), { step, skill, state }]),
        },
      );
      setConversation(answer.conversation_id);
      setTurns((current) => [
        ...current,
        { role: "maestro", text: answer.clarification?.question ?? answer.summary },
      ]);
      dispatch(api.util.invalidateTags(["planning", "finance", "vendors", "events"]));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Paper sx={{ p: 2 }} component="aside" aria-label={t("chat.title")}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {t("chat.title")}
      </Typography>
      <Stack spacing={1} aria-live="polite" sx={{ maxHeight: 360, overflowY: "auto", mb: 1 }}>
        {turns.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t("chat.hint")}
          </Typography>
        )}
        {turns.map((turn, index) => (
          <Box
            key={index}
            data-testid={`chat-${turn.role}`}
            sx={{
              alignSelf: turn.role === "user" ? "flex-end" : "flex-start",
              px: 1.5,
              py: 0.75,
              borderRadius: 2,
              bgcolor: turn.role === "user" ? "primary.main" : "grey.100",
              color: turn.role === "user" ? "primary.contrastText" : "text.primary",
              whiteSpace: "pre-wrap",
              fontSize: 14,
            }}
          >
            {turn.text}
          </Box>
        ))}
        {(working || steps.length > 0) && (
          <Stack direction="row" spacing={0.5} sx={{ flexWrap: "wrap", rowGap: 0.5, alignItems: "center" }}>
            {working && <CircularProgress size={16} aria-label={t("brief.working")} />}
            {steps.map((step) => (
              <Chip key={step.step} size="small" color={STEP_COLOR[step.state]} label={`${step.skill}: ${t(`brief.step.${step.state}`)}`} />
            ))}
          </Stack>
        )}
        {error && <Alert severity="error">{error}</Alert>}
      </Stack>
      <Stack component="form" direction="row" spacing={1} onSubmit={send}>
        <TextField
          fullWidth
          size="small"
          label={t("chat.prompt")}
          placeholder={t("chat.placeholder")}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
        <Button type="submit" variant="contained" disabled={working || !message.trim()} aria-label={t("brief.send")}>
          <SendIcon fontSize="small" />
        </Button>
      </Stack>
    </Paper>
  );
}
