import { Box, CircularProgress } from "@mui/material";
import { useTranslation } from "react-i18next";

export function Loading() {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: "grid", placeItems: "center", p: 6 }} role="status" aria-live="polite">
      <CircularProgress aria-label={t("common.loading")} />
    </Box>
  );
}
