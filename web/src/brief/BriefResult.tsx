import {
  Alert,
  Box,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useTranslation } from "react-i18next";
import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { formatDate, formatMoney, toIsoDate } from "../format";
import { FitNote } from "../workspace/FitNote";
import { Gantt } from "../workspace/Gantt";
import { useElementWidth } from "../workspace/useElementWidth";
import { PALETTE } from "../workspace/palette";
import type { BriefOutputs } from "./process";

const PHASES = ["concept", "venue_vendors", "content", "marketing", "logistics", "final_week", "event_day", "post_event"];

export function BriefResult({ outputs }: { outputs: BriefOutputs }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [ref, width] = useElementWidth<HTMLDivElement>(1000);
  const { plan, budget, vendors } = outputs;
  // A preview's tasks do not carry the critical flag; its feasibility names the path.
  const critical = new Set(plan?.plan.feasibility.critical_path.map((task) => task.id) ?? []);
  const tasks = plan?.tasks.map((task) => ({ ...task, critical: task.critical || critical.has(task.id) })) ?? [];
  const label = (category: string) => t(`enums.category.${category}`, { defaultValue: category });

  return (
    <Stack spacing={2}>
      {plan && (
        <Paper sx={{ p: 2, overflowX: "auto" }} ref={ref} aria-label={t("brief.plan")} component="section">
          <Typography variant="h6" component="h2">
            {t("brief.plan")}
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t("brief.tasks", {
              count: tasks.length,
              critical: critical.size,
            })}
            {" · "}
            {formatDate(plan.plan.start_date, language)} → {formatDate(plan.plan.event_date, language)}
          </Typography>
          {!plan.plan.feasibility.feasible && (
            <Alert severity="warning" sx={{ mb: 1 }}>
              {plan.plan.feasibility.explanation}
            </Alert>
          )}
          <Gantt
            tasks={tasks}
            phases={PHASES}
            today={toIsoDate(new Date())}
            eventDate={plan.plan.event_date}
            width={Math.max(width, 640)}
          />
        </Paper>
      )}
      <Box sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr", lg: "1fr 1fr" } }}>
        {budget && (
          <Paper sx={{ p: 2 }} aria-label={t("brief.budget")} component="section">
            <Typography variant="h6" component="h2">
              {t("brief.budget")}: {formatMoney(budget.totals.total, language)}
            </Typography>
            {budget.fit && <FitNote fit={budget.fit} />}
            <Box sx={{ height: 300 }} role="img" aria-label={t("budget.byCategory")}>
              <ResponsiveContainer width="100%" height="100%">
                <PieChart>
                  <Pie
                    data={budget.allocation.map((item) => ({ name: label(item.category), value: Number(item.with_vat) }))}
                    dataKey="value"
                    nameKey="name"
                    innerRadius="45%"
                    outerRadius="80%"
                    isAnimationActive={false}
                  >
                    {budget.allocation.map((item, index) => (
                      <Cell key={item.category} fill={PALETTE[index % PALETTE.length]} />
                    ))}
                  </Pie>
                  <Tooltip formatter={(value) => formatMoney(Number(value), language)} />
                  <Legend />
                </PieChart>
              </ResponsiveContainer>
            </Box>
          </Paper>
        )}
        {vendors && (
          <Paper sx={{ p: 2 }} aria-label={t("brief.vendors")} component="section">
            <Typography variant="h6" component="h2">
              {t("brief.vendors")}
              {vendors.total ? `: ${formatMoney(vendors.total.amount, language)}` : ""}
            </Typography>
            {vendors.explanation.map((line) => (
              <Typography key={line} variant="body2" color="text.secondary">
                {line}
              </Typography>
            ))}
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t("vendors.category")}</TableCell>
                  <TableCell>{t("vendors.vendor")}</TableCell>
                  <TableCell align="right">{t("vendors.price")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {vendors.picks.map((pick) => (
                  <TableRow key={pick.category} data-testid="vendor-pick">
                    <TableCell>{label(pick.category)}</TableCell>
                    <TableCell>{pick.vendor.name}</TableCell>
                    <TableCell align="right">{formatMoney(pick.vendor.price.amount, language)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
        )}
      </Box>
    </Stack>
  );
}
