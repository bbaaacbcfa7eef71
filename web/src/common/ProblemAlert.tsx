import { Alert, Button } from "@mui/material";
import { useTranslation } from "react-i18next";
import { problemOf } from "../api/problem";

export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const problem = problemOf(error);
  if (problem === null) return null;
  return (
    <Alert
      severity="error"
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )
      }
    >
      {problem.detail || t("common.error")}
    </Alert>
  );
}
