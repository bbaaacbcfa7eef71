import {
  Alert,
  Button,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAddExpenseMutation } from "../api";
import { fieldErrors, problemOf } from "../api/problem";
import { toIsoDate } from "../format";

export interface ExpenseFormProps {
  eventId: string;
  categories: string[];
  onAdded: () => void;
}

export function ExpenseForm({ eventId, categories, onAdded }: ExpenseFormProps) {
  const { t } = useTranslation();
  const empty = {
    category: categories[0] ?? "",
    amount: "",
    date: toIsoDate(new Date()),
    vendor: "",
    paid: false,
  };
  const [form, setForm] = useState(empty);
  const [addExpense, { isLoading, error, reset }] = useAddExpenseMutation();
  const problem = problemOf(error);
  const fields = fieldErrors(problem);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await addExpense({
      eventId,
      expenseCreate: {
        category: form.category,
        amount: { amount: form.amount.replace(/\s/g, "").replace(",", "."), currency: "RUB" },
        date: form.date,
        vendor: form.vendor.trim() || null,
        paid: form.paid,
      },
    });
    if (!result.error) {
      setForm({ ...empty, category: form.category });
      reset();
      onAdded();
    }
  };

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label={t("budget.addExpense")}>
      <Typography variant="h6" component="h2">
        {t("budget.addExpense")}
      </Typography>
      {problem && Object.keys(fields).length === 0 && <Alert severity="error">{problem.detail}</Alert>}
      <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ alignItems: { md: "flex-start" } }}>
        <TextField
          select
          label={t("budget.category")}
          value={form.category}
          onChange={(e) => setForm({ ...form, category: e.target.value })}
          sx={{ minWidth: 180 }}
          error={Boolean(fields.category)}
          helperText={fields.category}
        >
          {categories.map((category) => (
            <MenuItem key={category} value={category}>
              {t(`enums.category.${category}`, { defaultValue: category })}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t("budget.amount")}
          required
          inputMode="decimal"
          value={form.amount}
          onChange={(e) => setForm({ ...form, amount: e.target.value })}
          error={Boolean(fields["amount.amount"] ?? fields.amount)}
          helperText={fields["amount.amount"] ?? fields.amount}
        />
        <TextField
          type="date"
          label={t("budget.date")}
          value={form.date}
          onChange={(e) => setForm({ ...form, date: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
          error={Boolean(fields.date)}
          helperText={fields.date}
        />
        <TextField
          label={t("budget.vendor")}
          value={form.vendor}
          onChange={(e) => setForm({ ...form, vendor: e.target.value })}
          error={Boolean(fields.vendor)}
          helperText={fields.vendor}
        />
        <FormControlLabel
          control={
            <Checkbox checked={form.paid} onChange={(e) => setForm({ ...form, paid: e.target.checked })} />
          }
          label={t("budget.paidFlag")}
        />
        <Button type="submit" variant="contained" disabled={isLoading} sx={{ alignSelf: { md: "center" } }}>
          {t("budget.addExpense")}
        </Button>
      </Stack>
    </Stack>
  );
}
