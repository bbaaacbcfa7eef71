import {
  Box,
  Chip,
  Paper,
  Snackbar,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useBudgetStatusQuery, useGetBudgetQuery, type BudgetStatusOut, type EventOut } from "../api";
import { Loading } from "../common/Loading";
import { ChartTitle } from "../common/ChartTitle";
import { ProblemAlert } from "../common/ProblemAlert";
import { formatCompact, formatMoney, formatPercent } from "../format";
import { ExpenseForm } from "./ExpenseForm";
import { EstimateOffer } from "./EstimateOffer";
import { ExportButton } from "./ExportButton";
import { FitNote } from "./FitNote";
import { PALETTE } from "./palette";
import { PaymentSchedulePanel } from "./PaymentSchedulePanel";
import { PricingPanel } from "./PricingPanel";
import { RoiPanel } from "./RoiPanel";


const STATUS_COLOR = {
  under: "success",
  on_track: "info",
  over: "error",
  unplanned: "warning",
} as const;

/** `hasBudget` comes from the event's overview, so an event without an estimate is never
 * asked for one (the API would answer 404). */
export function BudgetTab({ event, hasBudget }: { event: EventOut; hasBudget: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const budgetQuery = useGetBudgetQuery({ eventId: event.id }, { skip: !hasBudget });
  const statusQuery = useBudgetStatusQuery({ eventId: event.id }, { skip: !budgetQuery.data });
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const categoriesChart = useRef<HTMLDivElement>(null);
  const planVsActualChart = useRef<HTMLDivElement>(null);
  const label = (category: string) => t(`enums.category.${category}`, { defaultValue: category });
  const money = (value: string | number) => formatMoney(value, language);

  if (!hasBudget) return <EstimateOffer event={event} />;
  if (budgetQuery.isLoading) return <Loading />;
  if (budgetQuery.error) {
    return <ProblemAlert error={budgetQuery.error} onRetry={() => void budgetQuery.refetch()} />;
  }
  const budget = budgetQuery.data;
  if (!budget) return null;
  const allocation = budget.allocation.map((item) => ({
    name: label(item.category),
    value: Number(item.with_vat),
  }));

  return (
    <Stack spacing={2}>
      {failure ? <ProblemAlert error={failure} /> : null}
      <Paper sx={{ p: 2 }}>
        <Stack direction={{ xs: "column", md: "row" }} spacing={4} sx={{ alignItems: { md: "center" } }}>
          <Figure label={t("budget.total")} value={money(budget.totals.total)} big />
          <Figure label={t("budget.net")} value={money(budget.totals.net)} />
          <Figure label={t("budget.vat")} value={money(budget.totals.vat)} />
          <Figure label={t("budget.contingency")} value={money(budget.totals.contingency)} />
          <Box sx={{ flexGrow: 1 }} />
          <ExportButton
            url={`/api/v1/finance/events/${event.id}/budget/export?format=xlsx`}
            filename={`budget-${event.id}.xlsx`}
            label={t("budget.exportXlsx")}
            onError={setFailure}
          />
        </Stack>
        {budget.fit && <FitNote fit={budget.fit} />}
      </Paper>
      <Box sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr", lg: "2fr 3fr" } }}>
        <Paper sx={{ p: 2 }} ref={categoriesChart}>
          <ChartTitle
            title={t("budget.byCategory")}
            chart={categoriesChart}
            filename={`budget-categories-${event.id}.png`}
            onError={setFailure}
          />
          <Box sx={{ height: 320 }} role="img" aria-label={t("budget.byCategory")}>
            <ResponsiveContainer width="100%" height="100%">
              <PieChart>
                <Pie data={allocation} dataKey="value" nameKey="name" innerRadius="45%" outerRadius="80%" isAnimationActive={false}>
                  {allocation.map((item, index) => (
                    <Cell key={item.name} fill={PALETTE[index % PALETTE.length]} />
                  ))}
                </Pie>
                <Tooltip formatter={(value) => money(Number(value))} />
                <Legend />
              </PieChart>
            </ResponsiveContainer>
          </Box>
        </Paper>
        <Paper sx={{ p: 2 }} ref={planVsActualChart}>
          <ChartTitle
            title={t("budget.planVsActual")}
            chart={planVsActualChart}
            filename={`plan-vs-actual-${event.id}.png`}
            onError={setFailure}
          />
          {statusQuery.data ? <PlanVsActualChart status={statusQuery.data} label={label} money={money} /> : <Loading />}
        </Paper>
      </Box>
      {statusQuery.data && (
        <Paper sx={{ p: 2 }}>
          <PlanVsActualTable status={statusQuery.data} label={label} money={money} language={language} />
        </Paper>
      )}
      <Paper sx={{ p: 2 }}>
        <ExpenseForm
          eventId={event.id}
          categories={budget.allocation.map((item) => item.category)}
          onAdded={() => setNotice(t("budget.added"))}
        />
      </Paper>
      <Paper sx={{ p: 2 }}>
        <PaymentSchedulePanel eventId={event.id} budget={budget} />
      </Paper>
      <Paper sx={{ p: 2 }}>
        <RoiPanel event={event} />
      </Paper>
      <Paper sx={{ p: 2 }}>
        <PricingPanel event={event} fixedCosts={budget.totals.total} />
      </Paper>
      <Snackbar open={notice !== null} autoHideDuration={5000} onClose={() => setNotice(null)} message={notice} />
    </Stack>
  );
}

function Figure({ label, value, big = false }: { label: string; value: string; big?: boolean }) {
  return (
    <Stack>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant={big ? "h5" : "subtitle1"} component="p" sx={{ fontWeight: big ? 700 : 500 }}>
        {value}
      </Typography>
    </Stack>
  );
}

interface StatusProps {
  status: BudgetStatusOut;
  label: (category: string) => string;
  money: (value: string | number) => string;
}

function PlanVsActualChart({ status, label, money }: StatusProps) {
  const { t, i18n } = useTranslation();
  const data = status.categories.map((row) => ({
    name: label(row.category),
    plan: Number(row.plan),
    actual: Number(row.actual),
  }));
  return (
    <Box sx={{ height: 320 }} role="img" aria-label={t("budget.planVsActual")}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" interval={0} angle={-30} textAnchor="end" height={70} fontSize={12} />
          <YAxis tickFormatter={(value: number) => formatCompact(value, i18n.language)} fontSize={12} />
          <Tooltip formatter={(value) => money(Number(value))} />
          <Legend verticalAlign="top" />
          <Bar dataKey="plan" name={t("budget.plan")} fill="#9fa8da" isAnimationActive={false} />
          <Bar dataKey="actual" name={t("budget.actual")} fill="#3949ab" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}

function PlanVsActualTable({ status, label, money, language }: StatusProps & { language: string }) {
  const { t } = useTranslation();
  return (
    <TableContainer>
      <Table size="small" aria-label={t("budget.planVsActual")}>
        <TableHead>
          <TableRow>
            <TableCell>{t("budget.category")}</TableCell>
            <TableCell align="right">{t("budget.plan")}</TableCell>
            <TableCell align="right">{t("budget.actual")}</TableCell>
            <TableCell align="right">{t("budget.paid")}</TableCell>
            <TableCell align="right">{t("budget.variance")}</TableCell>
            <TableCell>{t("plan.status")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {status.categories.map((row) => (
            <TableRow key={row.category} data-testid="status-row" data-category={row.category}>
              <TableCell>{label(row.category)}</TableCell>
              <TableCell align="right">{money(row.plan)}</TableCell>
              <TableCell align="right" data-testid="actual">{money(row.actual)}</TableCell>
              <TableCell align="right">{money(row.paid)}</TableCell>
              <TableCell align="right">
                {money(row.variance)} ({formatPercent(row.variance_percent, language)}%)
              </TableCell>
              <TableCell>
                <Chip size="small" color={STATUS_COLOR[row.status]} label={t(`budget.status.${row.status}`)} />
              </TableCell>
            </TableRow>
          ))}
          <TableRow data-testid="status-total">
            <TableCell sx={{ fontWeight: 700 }}>{t("budget.total")}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 700 }}>{money(status.plan)}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 700 }} data-testid="actual-total">{money(status.actual)}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 700 }}>{money(status.paid)}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 700 }}>
              {money(status.variance)} ({formatPercent(status.variance_percent, language)}%)
            </TableCell>
            <TableCell>
              <Chip size="small" color={STATUS_COLOR[status.status]} label={t(`budget.status.${status.status}`)} />
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </TableContainer>
  );
}
