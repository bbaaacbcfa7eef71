// A due date edited in place: typing changes only the field; the change is sent when the
// field loses focus or on Enter, and Escape puts the saved date back.
import { TextField } from "@mui/material";
import { useState, type KeyboardEvent } from "react";

export interface DueDateFieldProps {
  value: string;
  label: string;
  disabled?: boolean;
  onCommit: (value: string) => void;
}

export function DueDateField({ value, label, disabled, onCommit }: DueDateFieldProps) {
  const [draft, setDraft] = useState(value);
  const [saved, setSaved] = useState(value);
  // A new date from the server (a dependency moved this task) replaces an untouched draft.
  if (value !== saved) {
    setSaved(value);
    setDraft(value);
  }
  const commit = () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(draft) && draft !== value) onCommit(draft);
    else setDraft(value);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    } else if (event.key === "Escape") {
      setDraft(value);
    }
  };
  return (
    <TextField
      type="date"
      size="small"
      value={draft}
      disabled={disabled}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
      slotProps={{ htmlInput: { "aria-label": label } }}
      sx={{ width: 160 }}
    />
  );
}
