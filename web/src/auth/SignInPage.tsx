import { Alert, Button, Link, Stack, TextField } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, Navigate, useLocation } from "react-router-dom";
import { useTokenMutation } from "../api";
import { problemOf } from "../api/problem";
import { useAppSelector } from "../hooks";
import { AuthLayout } from "./AuthLayout";
import { startSession } from "./session";

export function SignInPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [signIn, { isLoading, error }] = useTokenMutation();
  const status = useAppSelector((state) => state.auth.status);
  const from = (useLocation().state as { from?: string } | null)?.from ?? "/";
  if (status === "signedIn") return <Navigate to={from} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signIn({ bodyTokenApiV1AuthTokenPost: { username: email, password } });
    if (result.data) startSession(result.data);
  };
  const problem = problemOf(error);

  return (
    <AuthLayout title={t("auth.signInTitle")}>
      <Stack component="form" spacing={2} onSubmit={submit} noValidate>
        {problem && <Alert severity="error">{problem.detail}</Alert>}
        <TextField
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t("auth.password")}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" variant="contained" disabled={isLoading}>
          {t("auth.signIn")}
        </Button>
        <Link component={RouterLink} to="/signup">
          {t("auth.toSignUp")}
        </Link>
      </Stack>
    </AuthLayout>
  );
}
