import ArrowBackIcon from "@mui/icons-material/ArrowBack";
import { Box, Button, Chip, Paper, Stack, Tab, Tabs, Typography } from "@mui/material";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, useNavigate, useParams } from "react-router-dom";
import { useGetEventOverviewQuery } from "../api";
import { Loading } from "../common/Loading";
import { ProblemAlert } from "../common/ProblemAlert";
import { formatDate, formatMoney } from "../format";
import { EventChat } from "./EventChat";

// Each tab is its own chunk: the plan opens without waiting for the budget's charts.
const PlanTab = lazy(() => import("./PlanTab").then((m) => ({ default: m.PlanTab })));
const BudgetTab = lazy(() => import("./BudgetTab").then((m) => ({ default: m.BudgetTab })));
const VendorsTab = lazy(() => import("./VendorsTab").then((m) => ({ default: m.VendorsTab })));

const TABS = ["plan", "budget", "vendors"] as const;
type TabId = (typeof TABS)[number];

export function EventPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const eventId = params.eventId ?? "";
  const tab: TabId = TABS.find((value) => value === params.tab) ?? "plan";
  // The overview: the event with its summary, which tells the tabs what exists to be asked for.
  const { data: overview, error, isLoading, refetch } = useGetEventOverviewQuery({ eventId });

  if (isLoading) return <Loading />;
  if (error || !overview) return <ProblemAlert error={error} onRetry={() => void refetch()} />;
  const { event } = overview;
  const language = i18n.language;

  return (
    <Stack spacing={2}>
      <Button
        component={RouterLink}
        to="/"
        startIcon={<ArrowBackIcon />}
        sx={{ alignSelf: "flex-start" }}
      >
        {t("event.back")}
      </Button>
      <Paper sx={{ p: 2 }}>
        <Stack
          direction={{ xs: "column", sm: "row" }}
          spacing={2}
          useFlexGap
          sx={{ alignItems: { sm: "center" }, flexWrap: "wrap" }}
        >
          <Stack spacing={0.5} sx={{ flexGrow: 1, minWidth: { sm: "100%", md: 0 } }}>
            <Typography variant="h4" component="h1">
              {event.name}
            </Typography>
            <Stack direction="row" spacing={1}>
              <Chip size="small" label={t(`enums.eventType.${event.event_type}`)} />
              <Chip size="small" variant="outlined" label={t(`enums.eventStatus.${event.status}`)} />
              <Chip size="small" variant="outlined" label={t(`enums.format.${event.format}`)} />
            </Stack>
          </Stack>
          <Fact label={t("event.date")} value={formatDate(event.date, language)} />
          <Fact label={t("event.city")} value={event.city?.name ?? "—"} />
          <Fact label={t("event.guests")} value={event.guests_count?.toString() ?? "—"} />
          <Fact
            label={t("event.budget_")}
            value={event.budget ? formatMoney(event.budget.amount, language, event.budget.currency) : "—"}
          />
        </Stack>
      </Paper>
      <Tabs
        value={tab}
        onChange={(_, value: TabId) => navigate(`/events/${eventId}/${value}`)}
        aria-label={event.name}
      >
        {TABS.map((value) => (
          <Tab key={value} value={value} label={t(`event.${value}`)} id={`tab-${value}`} />
        ))}
      </Tabs>
      <Box sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr", lg: "minmax(0, 1fr) 320px" }, alignItems: "start" }}>
        <div role="tabpanel" aria-labelledby={`tab-${tab}`} style={{ minWidth: 0 }}>
          <Suspense fallback={<Loading />}>
            {tab === "plan" && <PlanTab event={event} />}
            {tab === "budget" && <BudgetTab event={event} hasBudget={overview.money.has_budget} />}
            {tab === "vendors" && <VendorsTab event={event} />}
          </Suspense>
        </div>
        <Box sx={{ position: { lg: "sticky" }, top: { lg: 16 } }}>
          <EventChat eventId={event.id} />
        </Box>
      </Box>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack sx={{ minWidth: 120 }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="subtitle1" component="p">
        {value}
      </Typography>
    </Stack>
  );
}
