import { Typography } from "@mui/material";
import { useTranslation } from "react-i18next";
import type { FitOut } from "../api";
import { formatMoney } from "../format";

/** How the estimate was fitted to the event's budget, told from the numbers themselves. */
export function FitNote({ fit }: { fit: FitOut }) {
  const { t, i18n } = useTranslation();
  const target = formatMoney(fit.target, i18n.language);
  return (
    <Typography variant="body2" color={fit.fits ? "text.secondary" : "warning.main"} sx={{ mt: 1 }}>
      {fit.fits
        ? t("budget.fits", { target, level: Math.round(Number(fit.level) * 100) })
        : t("budget.shortfall", { target, shortfall: formatMoney(fit.shortfall, i18n.language) })}
    </Typography>
  );
}
