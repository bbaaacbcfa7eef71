import {
  Alert,
  Box,
  Button,
  Chip,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import DeleteOutlined from "@mui/icons-material/DeleteOutlined";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import {
  useGetPaymentTermsQuery,
  useLazyListContractsQuery,
  usePaymentScheduleMutation,
  usePutPaymentTermsMutation,
  type BudgetOut,
  type PaymentScheduleRequest,
} from "../api";
import { fieldErrors, problemOf } from "../api/problem";
import { Loading } from "../common/Loading";
import { ChartTitle } from "../common/ChartTitle";
import { ProblemAlert } from "../common/ProblemAlert";
import { formatCompact, formatDate, formatMoney, formatShortDate } from "../format";
import { Metric } from "./Metric";
import { decimalText, inputAmount, positiveProblem } from "./numbers";
import { rowFromStored, rowsFromContracts, termsFromRows, type TermsRow as Row } from "./paymentTerms";

const INTEGER = /^-?\d+$/;

/** Deposits and balances from each vendor's terms, and the cash flow they make. The terms
 * are saved with the event: they load on open and the schedule is built from them. */
export function PaymentSchedulePanel({ eventId, budget }: { eventId: string; budget: BudgetOut }) {
  const { t } = useTranslation();
  const saved = useGetPaymentTermsQuery({ eventId });
  if (!saved.data) {
    return (
      <Stack spacing={2} component="section" aria-label={t("payments.title")}>
        <Typography variant="h6" component="h2">
          {t("payments.title")}
        </Typography>
        {saved.error ? <ProblemAlert error={saved.error} onRetry={() => void saved.refetch()} /> : <Loading />}
      </Stack>
    );
  }
  // Mounted once the saved terms are known; reading them again later (after a save) leaves
  // what the organiser is editing alone.
  return <PaymentTermsForm eventId={eventId} budget={budget} initial={saved.data.vendors.map(rowFromStored)} />;
}

function PaymentTermsForm({ eventId, budget, initial }: { eventId: string; budget: BudgetOut; initial: Row[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const estimated = budget.allocation.map((item) => item.category).filter((c) => c !== "contingency");
  const label = (category: string) => t(`enums.category.${category}`, { defaultValue: category });
  const blank = (category = estimated[0] ?? "venue"): Row => ({
    vendor: "",
    category,
    amount: "",
    depositPercent: "50",
    depositDays: "30",
    balanceDays: "3",
    paid: "",
    signedOn: null,
  });
  const [rows, setRows] = useState<Row[]>(() => (initial.length > 0 ? initial : [blank()]));
  const [period, setPeriod] = useState<"week" | "month">("month");
  const cashFlowChart = useRef<HTMLDivElement>(null);
  const [pngError, setPngError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [build, { data, error: buildError, isLoading: building }] = usePaymentScheduleMutation();
  const [save, saving] = usePutPaymentTermsMutation();
  const [listContracts, contracts] = useLazyListContractsQuery();
  // Saved terms make the schedule at once, as it was when they were saved.
  const [opening] = useState<PaymentScheduleRequest | null>(() =>
    initial.length > 0 ? { vendors: termsFromRows(initial), period: "month" } : null,
  );
  useEffect(() => {
    if (opening) void build({ eventId, paymentScheduleRequest: opening });
  }, [build, eventId, opening]);
  const isLoading = building || saving.isLoading;
  const categories = [...new Set([...estimated, ...rows.map((row) => row.category)])];
  const problem = problemOf(saving.error ?? buildError);
  const remote = fieldErrors(problem);
  const messageFor = (index: number, name: string, api: string) =>
    local[`${index}.${name}`] ?? remote[`vendors.${index}.${api}`] ?? remote[`vendors.${index}.${api.split(".")[0] ?? api}`];
  const unplaced = problem && Object.keys(remote).length === 0 ? problem.detail : null;
  const money = (value: string | number) => formatMoney(value, language);

  const update = (index: number, change: Partial<Row>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const fromEstimate = () => {
    setNotice(null);
    setLocal({});
    setRows(
      budget.allocation
        .filter((item) => item.category !== "contingency")
        .map((item) => ({ ...blank(item.category), vendor: label(item.category), amount: inputAmount(item.with_vat) })),
    );
  };

  const fromContracts = async () => {
    setNotice(null);
    const result = await listContracts({ eventId });
    if (!result.data) return;
    const next = rowsFromContracts(result.data);
    if (next.length === 0) {
      setNotice(t("payments.noContracts"));
      return;
    }
    setLocal({});
    setRows(next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    rows.forEach((row, index) => {
      if (!row.vendor.trim()) problems[`${index}.vendor`] = t("validation.required");
      const amount = positiveProblem(row.amount);
      if (amount) problems[`${index}.amount`] = t(amount);
      const percent = decimalText(row.depositPercent);
      if (percent === null || Number(percent) > 100) problems[`${index}.depositPercent`] = t("roi.percentRange");
      if (!INTEGER.test(row.depositDays.trim())) problems[`${index}.depositDays`] = t("payments.days");
      if (!INTEGER.test(row.balanceDays.trim())) problems[`${index}.balanceDays`] = t("payments.days");
      if (row.paid.trim() && decimalText(row.paid) === null) problems[`${index}.paid`] = t("validation.positive");
    });
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const vendors = termsFromRows(rows);
    const stored = await save({ eventId, paymentTermsIn: { vendors } });
    if ("error" in stored) return;
    void build({ eventId, paymentScheduleRequest: { vendors, period } });
  };

  const cell = (index: number, name: keyof Row, api: string, caption: string) => (
    <TextField
      size="small"
      label={caption}
      value={rows[index]?.[name] ?? ""}
      onChange={(e) => update(index, { [name]: e.target.value })}
      error={Boolean(messageFor(index, name, api))}
      helperText={messageFor(index, name, api) ?? " "}
      inputMode={name === "vendor" ? "text" : "decimal"}
    />
  );

  const flow = (data?.cash_flow ?? []).map((point) => ({
    period: formatShortDate(point.period_start, language),
    amount: Number(point.amount),
  }));
  return (
    <Stack component="form" spacing={2} onSubmit={(e) => void submit(e)} noValidate aria-label={t("payments.title")}>
      <Typography variant="h6" component="h2">
        {t("payments.title")}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t("payments.hint")}
      </Typography>
      {rows.map((row, index) => (
        <Box
          key={index}
          sx={{
            display: "grid",
            columnGap: 1.5,
            gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr", md: "2fr 1.5fr 1.2fr 1.2fr auto" },
            alignItems: "start",
            borderTop: index > 0 ? 1 : 0,
            borderColor: "divider",
            pt: index > 0 ? 2 : 0,
          }}
          data-testid="terms-row"
          role="group"
          aria-label={t("payments.vendorN", { n: index + 1 })}
        >
          {cell(index, "vendor", "vendor", t("budget.vendor"))}
          <TextField
            select
            size="small"
            label={t("budget.category")}
            value={row.category}
            onChange={(e) => update(index, { category: e.target.value })}
            helperText=" "
          >
            {categories.map((category) => (
              <MenuItem key={category} value={category}>
                {label(category)}
              </MenuItem>
            ))}
          </TextField>
          {cell(index, "amount", "amount.amount", t("budget.amount"))}
          {cell(index, "paid", "paid", t("payments.alreadyPaid"))}
          {cell(index, "depositPercent", "deposit_percent", t("payments.depositPercent"))}
          {cell(index, "depositDays", "deposit_days_before", t("payments.depositDays"))}
          {cell(index, "balanceDays", "balance_days_before", t("payments.balanceDays"))}
          {row.signedOn && (
            <Typography variant="caption" color="text.secondary" sx={{ gridColumn: { md: "1 / span 4" }, mt: -1, mb: 1 }}>
              {t("payments.signedOn", { date: formatDate(row.signedOn, language) })}
            </Typography>
          )}
          <IconButton
            aria-label={t("payments.remove", { n: index + 1 })}
            disabled={rows.length === 1}
            onClick={() => setRows(rows.filter((_, i) => i !== index))}
            sx={{ gridColumn: { md: 5 }, gridRow: { md: "1 / span 2" }, justifySelf: "start", alignSelf: "start" }}
          >
            <DeleteOutlined />
          </IconButton>
        </Box>
      ))}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap", alignItems: "center" }}>
        <Button onClick={() => setRows([...rows, blank()])}>{t("payments.addVendor")}</Button>
        <Button onClick={fromEstimate}>{t("payments.fromEstimate")}</Button>
        <Button onClick={() => void fromContracts()} disabled={contracts.isFetching}>
          {t("payments.fromContracts")}
        </Button>
        <TextField
          select
          size="small"
          label={t("payments.period")}
          value={period}
          onChange={(e) => setPeriod(e.target.value as "week" | "month")}
          sx={{ width: 150 }}
        >
          <MenuItem value="week">{t("payments.week")}</MenuItem>
          <MenuItem value="month">{t("payments.month")}</MenuItem>
        </TextField>
        <Button type="submit" variant="contained" disabled={isLoading}>
          {t("payments.build")}
        </Button>
      </Stack>
      {notice && <Alert severity="info">{notice}</Alert>}
      {contracts.error ? <ProblemAlert error={contracts.error} /> : null}
      {unplaced && <Alert severity="error">{unplaced}</Alert>}
      {isLoading && <Typography color="text.secondary">{t("common.loading")}</Typography>}
      {data && !isLoading && (
        <Stack spacing={2} data-testid="payments-result">
          <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: "wrap" }}>
            <Metric label={t("payments.total")} value={money(data.total)} raw={data.total} testId="payments-total" />
            <Metric label={t("payments.outstanding")} value={money(data.outstanding)} raw={data.outstanding} testId="payments-outstanding" />
            <Metric label={t("payments.overdue")} value={money(data.overdue_amount)} raw={data.overdue_amount} testId="payments-overdue" />
            <Metric label={t("payments.eventDate")} value={formatDate(data.event_date, language)} />
          </Stack>
          <Stack spacing={2}>
            <TableContainer>
              <Table size="small" aria-label={t("payments.title")}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t("payments.due")}</TableCell>
                    <TableCell>{t("budget.vendor")}</TableCell>
                    <TableCell>{t("payments.kind")}</TableCell>
                    <TableCell align="right">{t("budget.amount")}</TableCell>
                    <TableCell align="right">{t("payments.outstanding")}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.payments.map((payment, index) => (
                    <TableRow key={index} data-testid="payment-row">
                      <TableCell sx={{ whiteSpace: "nowrap" }}>
                        {formatDate(payment.due, language)}{" "}
                        {payment.overdue && <Chip size="small" color="error" label={t("payments.overdueChip")} />}
                      </TableCell>
                      <TableCell>
                        {payment.vendor === label(payment.category) ? payment.vendor : `${payment.vendor} · ${label(payment.category)}`}
                      </TableCell>
                      <TableCell>{t(`payments.${payment.kind}`)}</TableCell>
                      <TableCell align="right">{money(payment.amount)}</TableCell>
                      <TableCell align="right">{money(payment.outstanding)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
            <Box ref={cashFlowChart}>
              <ChartTitle
                title={t("payments.cashFlow")}
                chart={cashFlowChart}
                filename={`cash-flow-${eventId}.png`}
                onError={setPngError}
              />
              {pngError ? <ProblemAlert error={pngError} /> : null}
              <Box sx={{ height: 260 }} role="img" aria-label={t("payments.cashFlow")}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={flow} margin={{ left: 16 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="period" fontSize={12} />
                    <YAxis tickFormatter={(value: number) => formatCompact(value, language)} fontSize={12} />
                    <Tooltip formatter={(value) => [money(Number(value)), t("payments.cashFlow")]} />
                    <Bar dataKey="amount" fill="#3949ab" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </Box>
            </Box>
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
