import {
  Alert,
  Box,
  Button,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useRoiAnalysisMutation, type EventOut, type EventType, type RoiRequest } from "../api";
import { fieldErrors, problemOf } from "../api/problem";
import { formatMoney, formatPercent, localeOf } from "../format";
import { Metric } from "./Metric";
import { decimalText, formatNumber, positiveProblem, wholeNumber } from "./numbers";

type Mode = "tickets" | "business_value";

// Events nobody buys a ticket to: their return is the business they bring.
const UNTICKETED: ReadonlySet<EventType> = new Set(["corporate_party", "team_building", "product_launch", "award_ceremony"]);

// API field paths → the form field that shows their message.
const FIELD_OF: Record<string, string> = {
  "tiers.0.price": "price",
  "tiers.0.attendance": "attendance",
  cost_per_attendee: "costPerAttendee",
  attendees: "attendance",
  "business_value.leads": "leads",
  "business_value.conversion_percent": "conversion",
  "business_value.average_deal": "averageDeal",
};

/** ROI of the event: ticket revenue against the estimate, or a corporate event's business value. */
export function RoiPanel({ event }: { event: EventOut }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [mode, setMode] = useState<Mode>(UNTICKETED.has(event.event_type) ? "business_value" : "tickets");
  const [form, setForm] = useState({
    price: "",
    attendance: event.guests_count ? String(event.guests_count) : "",
    costPerAttendee: "",
    leads: "",
    conversion: "",
    averageDeal: "",
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [analyse, { data, error, isLoading }] = useRoiAnalysisMutation();
  const problem = problemOf(error);
  const remote: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(problem))) remote[FIELD_OF[path] ?? path] = message;
  const messages = { ...remote, ...local };
  const unplaced = problem && !Object.keys(remote).some((key) => key in form) ? problem.detail : null;

  const field = (name: keyof typeof form, label: string, extra: { required?: boolean } = {}) => (
    <TextField
      label={label}
      required={extra.required ?? true}
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
    const check = (name: keyof typeof form, whole = false) => {
      const key = positiveProblem(form[name], whole);
      if (key) problems[name] = t(key);
    };
    let body: RoiRequest;
    if (mode === "tickets") {
      check("price");
      check("attendance", true);
      if (form.costPerAttendee.trim() && decimalText(form.costPerAttendee) === null) {
        problems.costPerAttendee = t("validation.positive");
      }
      body = {
        tiers: [
          {
            name: t("roi.ticket"),
            price: decimalText(form.price) ?? "0",
            attendance: wholeNumber(form.attendance) ?? 0,
          },
        ],
        cost_per_attendee: decimalText(form.costPerAttendee) ?? "0",
      };
    } else {
      check("attendance", true);
      check("averageDeal");
      if (wholeNumber(form.leads) === null) problems.leads = t("validation.required");
      const conversion = decimalText(form.conversion);
      if (conversion === null || Number(conversion) > 100) problems.conversion = t("roi.percentRange");
      body = {
        attendees: wholeNumber(form.attendance),
        business_value: {
          leads: wholeNumber(form.leads) ?? 0,
          conversion_percent: conversion ?? "0",
          average_deal: decimalText(form.averageDeal) ?? "0",
        },
      };
    }
    setLocal(problems);
    if (Object.keys(problems).length === 0) void analyse({ eventId: event.id, roiRequest: body });
  };

  const money = (value: string | null | undefined) => formatMoney(value, language);
  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label={t("roi.title")}>
      <Typography variant="h6" component="h2">
        {t("roi.title")}
      </Typography>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={mode}
        onChange={(_, value: Mode | null) => {
          if (value) {
            setMode(value);
            setLocal({});
          }
        }}
        aria-label={t("roi.mode")}
      >
        <ToggleButton value="tickets">{t("roi.tickets")}</ToggleButton>
        <ToggleButton value="business_value">{t("roi.businessValue")}</ToggleButton>
      </ToggleButtonGroup>
      <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ alignItems: { md: "flex-start" } }}>
        {mode === "tickets" ? (
          <>
            {field("price", t("roi.price"))}
            {field("attendance", t("roi.attendance"))}
            {field("costPerAttendee", t("roi.costPerAttendee"), { required: false })}
          </>
        ) : (
          <>
            {field("attendance", t("roi.attendees"))}
            {field("leads", t("roi.leads"))}
            {field("conversion", t("roi.conversion"))}
            {field("averageDeal", t("roi.averageDeal"))}
          </>
        )}
        <Button type="submit" variant="contained" disabled={isLoading} sx={{ alignSelf: { md: "flex-start" }, mt: { md: 1 }, whiteSpace: "nowrap", flexShrink: 0 }}>
          {t("roi.calculate")}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t("roi.costsHint")}
      </Typography>
      {unplaced && <Alert severity="error">{unplaced}</Alert>}
      {isLoading && <Typography color="text.secondary">{t("common.loading")}</Typography>}
      {data && !isLoading && (
        <Box
          data-testid="roi-result"
          sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr 1fr", md: "repeat(4, 1fr)" } }}
        >
          <Metric label={t("roi.costs")} value={money(data.costs)} raw={data.costs} testId="roi-costs" />
          <Metric
            label={data.mode === "business_value" ? t("roi.value") : t("roi.revenue")}
            value={money(data.revenue)}
            raw={data.revenue}
            testId="roi-revenue"
          />
          <Metric label={t("roi.profit")} value={money(data.profit)} raw={data.profit} testId="roi-profit" />
          <Metric
            label={t("roi.roi")}
            value={`${formatPercent(data.roi_percent, language)} %`}
            raw={data.roi_percent}
            testId="roi-percent"
          />
          {data.margin_percent != null && (
            <Metric
              label={t("roi.margin")}
              value={`${formatPercent(data.margin_percent, language)} %`}
              raw={data.margin_percent}
              testId="roi-margin"
            />
          )}
          {data.mode === "tickets" && (
            <Metric
              label={t("roi.breakEvenAttendance")}
              value={data.break_even_attendance == null ? t("roi.unreachable") : formatNumber(data.break_even_attendance, localeOf(language))}
              raw={data.break_even_attendance}
              testId="roi-break-even-attendance"
            />
          )}
          {data.mode === "tickets" && (
            <Metric
              label={t("roi.breakEvenPrice")}
              value={data.break_even_price == null ? t("roi.unreachable") : money(data.break_even_price)}
              raw={data.break_even_price}
              testId="roi-break-even-price"
            />
          )}
          {data.cost_per_attendee != null && (
            <Metric
              label={t("roi.costPerGuest")}
              value={money(data.cost_per_attendee)}
              raw={data.cost_per_attendee}
              testId="roi-cost-per-guest"
            />
          )}
        </Box>
      )}
    </Stack>
  );
}
