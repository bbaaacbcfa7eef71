import {
  Card,
  CardActionArea,
  CardContent,
  Chip,
  Divider,
  LinearProgress,
  Stack,
  Typography,
} from "@mui/material";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router-dom";
import type { EventOverview, MoneySummary, PlanSummary, VendorsSummary } from "../api";
import { formatDate, formatMoney, formatPercent } from "../format";

/** Whole percent for a card: the API's figure, rounded for reading only. */
function whole(value: number | string, language: string): string {
  return formatPercent(Math.round(Number(value)), language);
}

/** One event on the dashboard, drawn from the overview the dashboard fetched for all cards. */
export function EventCard({ overview }: { overview: EventOverview }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { event } = overview;

  return (
    <Card component="article" aria-label={event.name}>
      <CardActionArea component={RouterLink} to={`/events/${event.id}/plan`} sx={{ height: "100%" }}>
        <CardContent>
          <Stack spacing={1}>
            <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap" }}>
              <Chip size="small" label={t(`enums.eventType.${event.event_type}`)} />
              <Chip size="small" variant="outlined" label={t(`enums.eventStatus.${event.status}`)} />
            </Stack>
            <Typography variant="h6" component="h2">
              {event.name}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {formatDate(event.date, language)}
              {event.city ? ` · ${event.city.name}` : ""}
              {event.guests_count ? ` · ${t("common.guests", { count: event.guests_count })}` : ""}
            </Typography>
            {event.budget && (
              <Typography variant="body2">
                {t("event.budget_")}: {formatMoney(event.budget.amount, language, event.budget.currency)}
              </Typography>
            )}
            <Divider flexItem />
            <PlanFigures plan={overview.plan} />
            <MoneyFigures money={overview.money} />
            <ContractFigures vendors={overview.vendors} />
          </Stack>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

function PlanFigures({ plan }: { plan: PlanSummary }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (!plan.has_plan) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="card-plan">
        {t("dashboard.noPlan")}
      </Typography>
    );
  }
  return (
    <Stack spacing={0.5} data-testid="card-plan">
      <Typography variant="body2">{t("dashboard.progress", { value: whole(plan.progress, language) })}</Typography>
      <LinearProgress variant="determinate" value={Math.min(plan.progress, 100)} aria-hidden />
      {plan.overdue > 0 && (
        <Typography variant="body2" color="error" data-testid="card-overdue">
          {t("dashboard.overdue", { count: plan.overdue })}
        </Typography>
      )}
      {plan.next_due && (
        <Typography variant="body2" color="text.secondary" data-testid="card-next-due">
          {t("dashboard.nextDue", {
            date: formatDate(plan.next_due.due_date, language),
            title: plan.next_due.title,
          })}
        </Typography>
      )}
    </Stack>
  );
}

function MoneyFigures({ money }: { money: MoneySummary }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (!money.has_budget) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="card-money">
        {Number(money.actual) > 0
          ? t("dashboard.spent", { amount: formatMoney(money.actual, language) })
          : t("dashboard.noEstimate")}
      </Typography>
    );
  }
  const used = Number(money.used_percent);
  return (
    <Stack spacing={0.5} data-testid="card-money" data-overspent={money.overspent}>
      <Typography variant="body2" color={money.overspent ? "error" : "text.primary"}>
        {t("dashboard.budgetUsed", { value: whole(used, language) })}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={Math.min(used, 100)}
        color={money.overspent ? "error" : "primary"}
        aria-hidden
      />
      <Typography variant="body2" color="text.secondary">
        {t("dashboard.spentOf", {
          spent: formatMoney(money.actual, language),
          plan: formatMoney(money.plan, language),
        })}
      </Typography>
    </Stack>
  );
}

function ContractFigures({ vendors }: { vendors: VendorsSummary }) {
  const { t } = useTranslation();
  const { draft, sent, signed } = vendors.contracts;
  const open = draft + sent + signed;
  return (
    <Typography variant="body2" color="text.secondary" data-testid="card-contracts">
      {open > 0 ? t("dashboard.contractsSigned", { signed, total: open }) : t("dashboard.noContracts")}
    </Typography>
  );
}
