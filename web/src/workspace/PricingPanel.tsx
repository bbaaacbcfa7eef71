import { Alert, Box, Button, Stack, TextField, Typography } from "@mui/material";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { usePricingOptimizationMutation, type EventOut } from "../api";
import { fieldErrors, problemOf } from "../api/problem";
import { PngExportButton } from "../common/PngExportButton";
import { ProblemAlert } from "../common/ProblemAlert";
import { formatCompact, formatMoney, localeOf } from "../format";
import { Metric } from "./Metric";
import { decimalText, formatNumber, inputAmount, positiveProblem, wholeNumber } from "./numbers";

const FIELD_OF: Record<string, string> = {
  anchor_price: "anchorPrice",
  anchor_attendance: "anchorAttendance",
  capacity: "capacity",
  fixed_costs: "fixedCosts",
  cost_per_attendee: "costPerAttendee",
  max_price: "maxPrice",
};

/** The ticket price that earns most, from a known point of demand, the hall and the estimate. */
export function PricingPanel({ event, fixedCosts }: { event: EventOut; fixedCosts: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const guests = event.guests_count ? String(event.guests_count) : "";
  const curveRef = useRef<HTMLDivElement>(null);
  const [pngError, setPngError] = useState<unknown>(null);
  const [form, setForm] = useState({
    anchorPrice: "",
    anchorAttendance: guests,
    capacity: guests,
    fixedCosts: inputAmount(fixedCosts),
    costPerAttendee: "",
    maxPrice: "",
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [optimise, { data, error, isLoading }] = usePricingOptimizationMutation();
  const problem = problemOf(error);
  const remote: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(problem))) remote[FIELD_OF[path] ?? path] = message;
  const messages = { ...remote, ...local };
  const unplaced = problem && !Object.keys(remote).some((key) => key in form) ? problem.detail : null;
  const money = (value: string | number) => formatMoney(value, language);

  const field = (name: keyof typeof form, label: string, required = true) => (
    <TextField
      label={label}
      required={required}
      inputMode="decimal"
      value={form[name]}
      onChange={(e) => setForm({ ...form, [name]: e.target.value })}
      error={Boolean(messages[name])}
      helperText={messages[name] ?? " "}
      sx={{ minWidth: 170 }}
    />
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    for (const [name, whole] of [
      ["anchorPrice", false],
      ["anchorAttendance", true],
      ["capacity", true],
      ["fixedCosts", false],
    ] as const) {
      const key = positiveProblem(form[name], whole);
      if (key) problems[name] = t(key);
    }
    for (const name of ["costPerAttendee", "maxPrice"] as const) {
      if (form[name].trim() && decimalText(form[name]) === null) problems[name] = t("validation.positive");
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    void optimise({
      pricingRequest: {
        model: "elastic",
        event_type: event.event_type,
        anchor_price: decimalText(form.anchorPrice),
        anchor_attendance: decimalText(form.anchorAttendance),
        capacity: wholeNumber(form.capacity) ?? 0,
        fixed_costs: decimalText(form.fixedCosts) ?? "0",
        cost_per_attendee: decimalText(form.costPerAttendee) ?? "0",
        max_price: decimalText(form.maxPrice),
      },
    });
  };

  const curve = (data?.sensitivity ?? []).map((point) => ({
    price: Number(point.price),
    profit: Number(point.profit),
    attendance: Number(point.attendance),
  }));
  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label={t("pricing.title")}>
      <Typography variant="h6" component="h2">
        {t("pricing.title")}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t("pricing.hint")}
      </Typography>
      <Box sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr", md: "repeat(3, 1fr)" } }}>
        {field("anchorPrice", t("pricing.anchorPrice"))}
        {field("anchorAttendance", t("pricing.anchorAttendance"))}
        {field("capacity", t("pricing.capacity"))}
        {field("fixedCosts", t("pricing.fixedCosts"))}
        {field("costPerAttendee", t("pricing.costPerAttendee"), false)}
        {field("maxPrice", t("pricing.maxPrice"), false)}
      </Box>
      <Box>
        <Button type="submit" variant="contained" disabled={isLoading}>
          {t("pricing.calculate")}
        </Button>
      </Box>
      {unplaced && <Alert severity="error">{unplaced}</Alert>}
      {isLoading && <Typography color="text.secondary">{t("common.loading")}</Typography>}
      {data && !isLoading && (
        <Stack spacing={2} data-testid="pricing-result">
          <Box sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr 1fr", md: "repeat(4, 1fr)" } }}>
            <Metric label={t("pricing.optimalPrice")} value={money(data.optimum.price)} raw={data.optimum.price} testId="pricing-price" />
            <Metric
              label={t("pricing.expectedAttendance")}
              value={formatNumber(data.optimum.attendance, localeOf(language))}
              raw={data.optimum.attendance}
              testId="pricing-attendance"
            />
            <Metric label={t("pricing.revenue")} value={money(data.optimum.revenue)} raw={data.optimum.revenue} testId="pricing-revenue" />
            <Metric label={t("pricing.profit")} value={money(data.optimum.profit)} raw={data.optimum.profit} testId="pricing-profit" />
          </Box>
          {data.capacity_binds && <Alert severity="info">{t("pricing.capacityBinds")}</Alert>}
          {data.capped && <Alert severity="info">{t("pricing.capped")}</Alert>}
          {data.tiers.length > 0 && (
            <Typography variant="body2">
              {t("pricing.tiers")}:{" "}
              {data.tiers
                .map((tier) => `${t(`pricing.tier.${tier.name}`, { defaultValue: tier.name })} — ${money(tier.price)} × ${formatNumber(tier.seats, localeOf(language))}`)
                .join("; ")}
            </Typography>
          )}
          {pngError ? <ProblemAlert error={pngError} /> : null}
          <Box sx={{ alignSelf: "flex-start" }}>
            <PngExportButton target={curveRef} filename={`price-curve-${event.id}.png`} onError={setPngError} />
          </Box>
          <Box ref={curveRef} sx={{ height: 300 }} role="img" aria-label={t("pricing.curve")} data-testid="pricing-curve">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={curve} margin={{ left: 24, right: 16, top: 8, bottom: 12 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis
                  dataKey="price"
                  type="number"
                  domain={["dataMin", "dataMax"]}
                  tickFormatter={(value: number) => formatCompact(value, language)}
                  fontSize={12}
                  label={{ value: t("pricing.price"), position: "insideBottom", offset: -2, fontSize: 12 }}
                  height={40}
                />
                <YAxis tickFormatter={(value: number) => formatCompact(value, language)} fontSize={12} />
                <Tooltip
                  labelFormatter={(value) => `${t("pricing.price")}: ${money(Number(value))}`}
                  formatter={(value) => [money(Number(value)), t("pricing.profit")]}
                />
                <ReferenceLine x={Number(data.optimum.price)} stroke="#e53935" strokeDasharray="4 4" />
                <Line type="linear" dataKey="profit" name={t("pricing.profit")} stroke="#3949ab" dot={{ r: 3 }} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </Box>
        </Stack>
      )}
    </Stack>
  );
}
