import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { EventCreate, EventFormat, EventType } from "../api";
import { fieldErrors, problemOf } from "../api/problem";
import { useAppDispatch } from "../hooks";
import { createEventWithPlan } from "./createEvent";
import { EVENT_FORMATS, EVENT_TYPES } from "./options";

interface Form {
  name: string;
  event_type: EventType;
  date: string;
  city: string;
  guests_count: string;
  budget: string;
  format: EventFormat;
}

const EMPTY: Form = {
  name: "",
  event_type: "conference",
  date: "",
  city: "",
  guests_count: "",
  budget: "",
  format: "offline",
};

export function toEventCreate(form: Form): EventCreate {
  return {
    name: form.name.trim(),
    event_type: form.event_type,
    format: form.format,
    date: form.date || null,
    city: form.city.trim() || null,
    guests_count: form.guests_count ? Number(form.guests_count) : null,
    budget: form.budget
      ? { amount: form.budget.replace(/\s/g, "").replace(",", "."), currency: "RUB" }
      : null,
  };
}

export function NewEventDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const problem = problemOf(error);
  const fields = { ...fieldErrors(problem), ...checked };
  const set = (key: keyof Form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!form.name.trim()) found.name = t("validation.required");
    if (form.guests_count && !(Number(form.guests_count) >= 1)) found.guests_count = t("validation.positive");
    if (form.budget && !(Number(form.budget.replace(/\s/g, "").replace(",", ".")) > 0)) {
      found.budget = t("validation.positive");
    }
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const created = await createEventWithPlan(
        dispatch,
        toEventCreate(form),
        i18n.language === "en" ? "en" : "ru",
      );
      setForm(EMPTY);
      onClose();
      navigate(`/events/${created.id}/plan`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t("eventForm.title")}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {problem && Object.keys(fields).length === 0 && (
              <Alert severity="error">{problem.detail}</Alert>
            )}
            <TextField
              label={t("eventForm.name")}
              required
              autoFocus
              value={form.name}
              onChange={set("name")}
              error={Boolean(fields.name)}
              helperText={fields.name}
            />
            <Stack direction={{ xs: "column", sm: "row" }} spacing={2}>
              <TextField
                select
                fullWidth
                label={t("eventForm.type")}
                value={form.event_type}
                onChange={set("event_type")}
              >
                {EVENT_TYPES.map((type) => (
                  <MenuItem key={type} value={type}>
                    {t(`enums.eventType.${type}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                fullWidth
                label={t("eventForm.format")}
                value={form.format}
                onChange={set("format")}
              >
                {EVENT_FORMATS.map((format) => (
                  <MenuItem key={format} value={format}>
                    {t(`enums.format.${format}`)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <Stack direction={{ xs: "column", sm: "row" }} spacing={2}>
              <TextField
                fullWidth
                type="date"
                label={t("eventForm.date")}
                value={form.date}
                onChange={set("date")}
                slotProps={{ inputLabel: { shrink: true } }}
                error={Boolean(fields.date)}
                helperText={fields.date}
              />
              <TextField
                fullWidth
                label={t("eventForm.city")}
                value={form.city}
                onChange={set("city")}
                error={Boolean(fields.city)}
                helperText={fields.city}
              />
            </Stack>
            <Stack direction={{ xs: "column", sm: "row" }} spacing={2}>
              <TextField
                fullWidth
                type="number"
                label={t("eventForm.guests")}
                value={form.guests_count}
                onChange={set("guests_count")}
                slotProps={{ htmlInput: { min: 1 } }}
                error={Boolean(fields.guests_count)}
                helperText={fields.guests_count}
              />
              <TextField
                fullWidth
                label={t("eventForm.budget")}
                inputMode="decimal"
                value={form.budget}
                onChange={set("budget")}
                error={Boolean(fields["budget.amount"] ?? fields.budget)}
                helperText={fields["budget.amount"] ?? fields.budget}
              />
            </Stack>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t("common.create")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
