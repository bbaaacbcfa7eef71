import AddIcon from "@mui/icons-material/Add";
import ChatIcon from "@mui/icons-material/ChatOutlined";
import { Box, Button, MenuItem, Stack, TextField, Typography } from "@mui/material";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router-dom";
import { useListEventOverviewsQuery, type EventStatus, type EventType } from "../api";
import { EmptyState } from "../common/EmptyState";
import { Loading } from "../common/Loading";
import { ProblemAlert } from "../common/ProblemAlert";
import { EventCard } from "./EventCard";
import { NewEventDialog } from "./NewEventDialog";
import { EVENT_STATUSES, EVENT_TYPES } from "./options";

export function DashboardPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<EventStatus | "">("");
  const [eventType, setEventType] = useState<EventType | "">("");
  const [dateFrom, setDateFrom] = useState("");
  const [dateTo, setDateTo] = useState("");
  const query = useDeferredValue(q.trim());
  const filtered = Boolean(query || status || eventType || dateFrom || dateTo);
  const { data, error, isLoading, refetch } = useListEventOverviewsQuery({
    q: query || undefined,
    status: status ? [status] : undefined,
    eventType: eventType ? [eventType] : undefined,
    dateFrom: dateFrom || undefined,
    dateTo: dateTo || undefined,
    limit: 100,
  });

  return (
    <Stack spacing={3}>
      <Stack direction="row" spacing={2} sx={{ alignItems: "center", flexWrap: "wrap", rowGap: 1 }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
          {t("dashboard.title")}
        </Typography>
        <Button variant="outlined" startIcon={<ChatIcon />} component={RouterLink} to="/brief">
          {t("dashboard.byBrief")}
        </Button>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
          {t("dashboard.newEvent")}
        </Button>
      </Stack>
      <Stack direction={{ xs: "column", md: "row" }} spacing={2} role="search">
        <TextField
          label={t("dashboard.search")}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          sx={{ flexGrow: 1 }}
        />
        <TextField
          select
          label={t("dashboard.status")}
          value={status}
          onChange={(e) => setStatus(e.target.value as EventStatus | "")}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="">{t("dashboard.any")}</MenuItem>
          {EVENT_STATUSES.map((value) => (
            <MenuItem key={value} value={value}>
              {t(`enums.eventStatus.${value}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t("dashboard.type")}
          value={eventType}
          onChange={(e) => setEventType(e.target.value as EventType | "")}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{t("dashboard.any")}</MenuItem>
          {EVENT_TYPES.map((value) => (
            <MenuItem key={value} value={value}>
              {t(`enums.eventType.${value}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          type="date"
          label={t("dashboard.dateFrom")}
          value={dateFrom}
          onChange={(e) => setDateFrom(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          type="date"
          label={t("dashboard.dateTo")}
          value={dateTo}
          onChange={(e) => setDateTo(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Stack>
      {error ? <ProblemAlert error={error} onRetry={() => void refetch()} /> : null}
      {isLoading && <Loading />}
      {data && data.items.length === 0 && (
        <EmptyState
          text={filtered ? t("dashboard.noMatch") : t("dashboard.empty")}
          action={
            !filtered && (
              <Button variant="contained" onClick={() => setCreating(true)}>
                {t("dashboard.newEvent")}
              </Button>
            )
          }
        />
      )}
      {data && data.items.length > 0 && (
        <>
          <Typography variant="body2" color="text.secondary">
            {t("dashboard.total", { count: data.total })}
          </Typography>
          <Box
            sx={{
              display: "grid",
              gap: 2,
              gridTemplateColumns: "repeat(auto-fill, minmax(300px, 1fr))",
            }}
          >
            {data.items.map((overview) => (
              <EventCard key={overview.event.id} overview={overview} />
            ))}
          </Box>
        </>
      )}
      <NewEventDialog open={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
