import { Alert, Button, Link, Stack, TextField, Typography } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, Navigate } from "react-router-dom";
import { useRegisterMutation } from "../api";
import { fieldErrors, problemOf } from "../api/problem";
import { useAppSelector } from "../hooks";
import { AuthLayout } from "./AuthLayout";
import { startSession } from "./session";

type Translate = (key: string) => string;

/** What can be told before asking the server, in the reader's language. */
export function validateSignUp(
  form: { organization: string; name: string; email: string; password: string },
  t: Translate,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.organization.trim()) errors.organization = t("validation.required");
  if (!form.name.trim()) errors.name = t("validation.required");
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(form.email.trim())) errors.email = t("validation.email");
  if (form.password.length < 8) errors.password = t("auth.passwordHint");
  return errors;
}

export function SignUpPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState({ organization: "", name: "", email: "", password: "" });
  const [register, { isLoading, error }] = useRegisterMutation();
  const status = useAppSelector((state) => state.auth.status);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const problem = problemOf(error);
  const fields = { ...fieldErrors(problem), ...checked };
  if (status === "signedIn") return <Navigate to="/" replace />;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateSignUp(form, t);
    setChecked(found);
    if (Object.keys(found).length > 0) return;
    const result = await register({ registerRequest: form });
    if (result.data) startSession(result.data);
  };

  return (
    <AuthLayout title={t("auth.signUpTitle")}>
      <Stack component="form" spacing={2} onSubmit={submit} noValidate>
        <Typography variant="body2" color="text.secondary">
          {t("auth.signUpHint")}
        </Typography>
        {problem && Object.keys(fields).length === 0 && (
          <Alert severity="error">{problem.detail}</Alert>
        )}
        <TextField
          label={t("auth.organization")}
          required
          value={form.organization}
          onChange={set("organization")}
          error={Boolean(fields.organization)}
          helperText={fields.organization}
        />
        <TextField
          label={t("auth.name")}
          required
          autoComplete="name"
          value={form.name}
          onChange={set("name")}
          error={Boolean(fields.name)}
          helperText={fields.name}
        />
        <TextField
          label={t("auth.email")}
          type="email"
          required
          autoComplete="username"
          value={form.email}
          onChange={set("email")}
          error={Boolean(fields.email)}
          helperText={fields.email}
        />
        <TextField
          label={t("auth.password")}
          type="password"
          required
          autoComplete="new-password"
          value={form.password}
          onChange={set("password")}
          error={Boolean(fields.password)}
          helperText={fields.password ?? t("auth.passwordHint")}
        />
        <Button type="submit" variant="contained" disabled={isLoading}>
          {t("auth.signUp")}
        </Button>
        <Link component={RouterLink} to="/signin">
          {t("auth.toSignIn")}
        </Link>
      </Stack>
    </AuthLayout>
  );
}
