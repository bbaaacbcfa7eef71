// A due date edited in place: typing changes only the field; the change is sent when the
// field loses focus or on Enter, and Escape puts the saved date back. A refusal from the
// server is shown under the field.
import { TextField } from "@mui/material";
import { useState, type KeyboardEvent } from "react";
import { messageFor } from "../api/problem";
import { INLINE_EDITOR } from "./TaskCells";

export interface DueDateFieldProps {
  value: string;
  label: string;
  disabled?: boolean;
  /** Resolves to the error when the server refused the date. */
  onCommit: (value: string) => Promise<unknown> | void;
}

export function DueDateField({ value, label, disabled, onCommit }: DueDateFieldProps) {
  const [draft, setDraft] = useState(value);
  const [saved, setSaved] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A new date from the server (a dependency moved this task) replaces an untouched draft.
  if (value !== saved) {
    setSaved(value);
    setDraft(value);
  }
  const commit = async () => {
    if (saving) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft) || draft === value) {
      setDraft(value);
      return;
    }
    setSaving(true);
    const failure = await onCommit(draft);
    setSaving(false);
    setError(failure ? messageFor(failure, "due_date") : null);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault();
      void commit();
    } else if (event.key === "Escape") {
      setDraft(value);
      setError(null);
    }
  };
  return (
    <TextField
      type="date"
      variant="standard"
      size="small"
      value={draft}
      disabled={disabled}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => void commit()}
      onKeyDown={onKeyDown}
      error={error !== null}
      helperText={error}
      slotProps={{ htmlInput: { "aria-label": label } }}
      sx={{ ...INLINE_EDITOR, width: 130 }}
    />
  );
}
