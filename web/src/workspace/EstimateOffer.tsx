import { Button, Stack, TextField } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useCreateBudgetMutation, useUpdateEventMutation, type EventOut } from "../api";
import { EmptyState } from "../common/EmptyState";
import { ProblemAlert } from "../common/ProblemAlert";

/** The Budget tab of an event without an estimate: make one. The estimate is priced per
 * guest, so an event that has no guest count yet asks for it here. */
export function EstimateOffer({ event }: { event: EventOut }) {
  const { t } = useTranslation();
  const [createBudget, creation] = useCreateBudgetMutation();
  const [updateEvent, update] = useUpdateEventMutation();
  const [guests, setGuests] = useState("");
  const [invalid, setInvalid] = useState(false);
  const needsGuests = !event.guests_count;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const count = Number(guests.replace(/\s/g, ""));
    if (needsGuests && !(Number.isInteger(count) && count >= 1)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    void (async () => {
      // The count belongs to the event (plan, vendors and the dashboard read it there), so it
      // is saved first; the estimate then reads it from the event like any other.
      if (needsGuests && (await updateEvent({ eventId: event.id, eventUpdate: { guests_count: count } })).error) return;
      await createBudget({ eventId: event.id, budgetCreate: {} });
    })();
  };

  return (
    <Stack spacing={2}>
      {update.error ? <ProblemAlert error={update.error} /> : null}
      {creation.error ? <ProblemAlert error={creation.error} /> : null}
      <EmptyState
        text={needsGuests ? t("budget.emptyNeedsGuests") : t("budget.empty")}
        action={
          <Stack
            component="form"
            aria-label={t("budget.create")}
            noValidate
            onSubmit={submit}
            direction={{ xs: "column", sm: "row" }}
            spacing={2}
            sx={{ alignItems: { sm: "flex-start" } }}
          >
            {needsGuests && (
              <TextField
                size="small"
                label={t("eventForm.guests")}
                value={guests}
                onChange={(e) => setGuests(e.target.value)}
                required
                error={invalid}
                helperText={invalid ? t("validation.positive") : undefined}
                slotProps={{ htmlInput: { inputMode: "numeric" } }}
              />
            )}
            <Button type="submit" variant="contained" disabled={update.isLoading || creation.isLoading || creation.isSuccess}>
              {t("budget.create")}
            </Button>
          </Stack>
        }
      />
    </Stack>
  );
}
