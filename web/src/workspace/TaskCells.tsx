// A task's status and assignee edited in place in the task list. Each saves on its own and
// shows the server's objection next to itself.
import { TextField } from "@mui/material";
import { useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { TaskStatus } from "../api";
import { messageFor } from "../api/problem";

/** Saves a value; resolves to the error when the server refused it, else to nothing. */
export type Commit<T> = (value: T) => Promise<unknown>;

// A record, so that a status the API adds is a compile error here until it has a place.
const STATUSES: Record<TaskStatus, true> = { todo: true, in_progress: true, done: true, skipped: true };
export const TASK_STATUSES = Object.keys(STATUSES) as TaskStatus[];

/** In a table row an editor looks like the text around it, with a line to say it is one. */
export const INLINE_EDITOR = { "& .MuiInputBase-root": { fontSize: 14 } } as const;

function isStatus(value: string): value is TaskStatus {
  return value in STATUSES;
}

export function StatusSelect({
  value,
  label,
  onCommit,
}: {
  value: TaskStatus;
  label: string;
  onCommit: Commit<TaskStatus>;
}) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<TaskStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const change = async (next: string) => {
    if (!isStatus(next) || next === value) return;
    setPending(next);
    const failure = await onCommit(next);
    setPending(null);
    setError(failure ? messageFor(failure, "status") : null);
  };
  return (
    <TextField
      select
      variant="standard"
      size="small"
      value={pending ?? value}
      onChange={(event) => void change(event.target.value)}
      error={error !== null}
      helperText={error}
      slotProps={{ select: { native: true }, htmlInput: { "aria-label": label, "aria-busy": pending !== null } }}
      sx={{ ...INLINE_EDITOR, minWidth: 130 }}
    >
      {TASK_STATUSES.map((status) => (
        <option key={status} value={status}>
          {t(`enums.taskStatus.${status}`)}
        </option>
      ))}
    </TextField>
  );
}

/** Free text sent on Enter or when the field loses focus; Escape puts the saved text back. */
export function AssigneeField({
  value,
  label,
  placeholder,
  onCommit,
}: {
  value: string | null;
  label: string;
  placeholder: string;
  onCommit: Commit<string | null>;
}) {
  const [draft, setDraft] = useState(value ?? "");
  const [saved, setSaved] = useState(value);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A value from the server (a reload, another person's edit) replaces the draft.
  if (value !== saved) {
    setSaved(value);
    setDraft(value ?? "");
  }
  const commit = async () => {
    const next = draft.trim() === "" ? null : draft.trim();
    if (saving) return;
    if (next === value) {
      setDraft(value ?? "");
      setError(null);
      return;
    }
    setSaving(true);
    const failure = await onCommit(next);
    setSaving(false);
    setError(failure ? messageFor(failure, "assignee") : null);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault();
      void commit();
    } else if (event.key === "Escape") {
      setDraft(value ?? "");
      setError(null);
    }
  };
  return (
    <TextField
      variant="standard"
      size="small"
      value={draft}
      placeholder={placeholder}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => void commit()}
      onKeyDown={onKeyDown}
      error={error !== null}
      helperText={error}
      slotProps={{ htmlInput: { "aria-label": label, "aria-busy": saving, maxLength: 500 } }}
      sx={{ ...INLINE_EDITOR, width: 150 }}
    />
  );
}
