import BookmarkAddIcon from "@mui/icons-material/BookmarkAdd";
import BookmarkRemoveIcon from "@mui/icons-material/BookmarkRemove";
import {
  Box,
  Button,
  Checkbox,
  Chip,
  IconButton,
  MenuItem,
  Paper,
  Rating,
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
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  useCompareVendorsQuery,
  useSearchVendorsQuery,
  type EventOut,
  type VendorCategory,
} from "../api";
import { EmptyState } from "../common/EmptyState";
import { Loading } from "../common/Loading";
import { ProblemAlert } from "../common/ProblemAlert";
import { VisuallyHidden } from "../common/VisuallyHidden";
import { formatMoney } from "../format";
import { useShortlist } from "./shortlist";
import { VendorSelection } from "./VendorSelection";

export const VENDOR_CATEGORIES: VendorCategory[] = [
  "venue",
  "catering",
  "decoration",
  "entertainment",
  "logistics",
  "technical",
];
const MAX_COMPARED = 10;

interface Filters {
  q: string;
  category: VendorCategory | "";
  guests: string;
  budget: string;
  ratingMin: string;
}

export function VendorsTab({ event }: { event: EventOut }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const initial: Filters = {
    q: "",
    category: "",
    guests: event.guests_count ? String(event.guests_count) : "",
    budget: "",
    ratingMin: "",
  };
  const [draft, setDraft] = useState<Filters>(initial);
  const [filters, setFilters] = useState<Filters>(initial);
  const [selected, setSelected] = useState<string[]>([]);
  const [comparing, setComparing] = useState<string[]>([]);
  const shortlist = useShortlist(event.id);
  const search = useSearchVendorsQuery({
    q: filters.q.trim() || undefined,
    category: filters.category ? [filters.category] : undefined,
    cityGeonameId: event.city?.geoname_id ?? undefined,
    guests: filters.guests ? Number(filters.guests) : undefined,
    budget: filters.budget ? filters.budget.replace(/\s/g, "") : undefined,
    ratingMin: filters.ratingMin ? filters.ratingMin : undefined,
    limit: 20,
  });
  const guests = filters.guests ? Number(filters.guests) : (event.guests_count ?? 100);
  const comparison = useCompareVendorsQuery(
    { vendorIds: comparing, guests, locale: language === "en" ? "en" : "ru" },
    { skip: comparing.length < 2 },
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };
  const pickCategory = (category: VendorCategory | "") => {
    const next = { ...draft, category };
    setDraft(next);
    setFilters(next);
  };
  const toggle = (id: string) =>
    setSelected((current) =>
      current.includes(id)
        ? current.filter((item) => item !== id)
        : current.length < MAX_COMPARED
          ? [...current, id]
          : current,
    );
  const categoryLabel = (category: string) =>
    t(`enums.category.${category}`, { defaultValue: category });

  return (
    <Stack spacing={2}>
      <VendorSelection event={event} shortlist={shortlist.items} />
      <Paper sx={{ p: 2 }} component="section" aria-labelledby="shortlist-title">
        <Typography variant="h6" component="h2" id="shortlist-title">
          {t("vendorsExtra.shortlist")}
        </Typography>
        {shortlist.items.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t("vendorsExtra.shortlistEmpty")}
          </Typography>
        ) : (
          <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: "wrap", rowGap: 1 }} data-testid="shortlist">
            {shortlist.items.map((item) => (
              <Chip
                key={item.id}
                label={`${item.name} · ${categoryLabel(item.category)}`}
                onDelete={() => shortlist.remove(item.id)}
                deleteIcon={<BookmarkRemoveIcon titleAccess={t("vendorsExtra.unshortlist", { name: item.name })} />}
              />
            ))}
          </Stack>
        )}
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Stack component="form" onSubmit={submit} direction={{ xs: "column", md: "row" }} spacing={2} role="search">
          <TextField
            label={t("vendors.search")}
            placeholder={t("vendors.searchHint")}
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            sx={{ flexGrow: 1 }}
          />
          <TextField
            select
            label={t("vendors.category")}
            value={draft.category}
            onChange={(e) => setDraft({ ...draft, category: e.target.value as VendorCategory | "" })}
            sx={{ minWidth: 170 }}
          >
            <MenuItem value="">{t("dashboard.any")}</MenuItem>
            {VENDOR_CATEGORIES.map((category) => (
              <MenuItem key={category} value={category}>
                {categoryLabel(category)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="number"
            label={t("vendors.guests")}
            value={draft.guests}
            onChange={(e) => setDraft({ ...draft, guests: e.target.value })}
            sx={{ width: 120 }}
          />
          <TextField
            label={t("vendors.maxPrice")}
            inputMode="decimal"
            value={draft.budget}
            onChange={(e) => setDraft({ ...draft, budget: e.target.value })}
            sx={{ width: 160 }}
          />
          <TextField
            select
            label={t("vendors.rating")}
            value={draft.ratingMin}
            onChange={(e) => setDraft({ ...draft, ratingMin: e.target.value })}
            sx={{ width: 130 }}
          >
            <MenuItem value="">{t("dashboard.any")}</MenuItem>
            {["3", "4", "4.5"].map((value) => (
              <MenuItem key={value} value={value}>
                {value}+
              </MenuItem>
            ))}
          </TextField>
          <Button type="submit" variant="contained">
            {t("vendors.find")}
          </Button>
        </Stack>
        {search.data && (
          <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: "wrap", rowGap: 1, alignItems: "center" }}>
            <Typography variant="body2" color="text.secondary">
              {t("vendors.facets")}:
            </Typography>
            {Object.entries(search.data.facets.category ?? {}).map(([category, count]) => (
              <Chip
                key={category}
                label={`${categoryLabel(category)} · ${count}`}
                color={filters.category === category ? "primary" : "default"}
                onClick={() =>
                  pickCategory(filters.category === category ? "" : (category as VendorCategory))
                }
              />
            ))}
          </Stack>
        )}
      </Paper>
      {search.error ? <ProblemAlert error={search.error} onRetry={() => void search.refetch()} /> : null}
      {search.isLoading && <Loading />}
      {search.data && search.data.items.length === 0 && <EmptyState text={t("vendors.none")} />}
      {search.data && search.data.items.length > 0 && (
        <Paper sx={{ p: 2 }}>
          <Stack direction="row" sx={{ alignItems: "center", mb: 1 }}>
            <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
              {t("vendors.found", { count: search.data.total })}
            </Typography>
            <Button
              variant="outlined"
              disabled={selected.length < 2}
              onClick={() => setComparing(selected)}
            >
              {t("vendors.compare", { count: selected.length })}
            </Button>
          </Stack>
          <TableContainer>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox">
                    <VisuallyHidden>{t("vendors.compareColumn")}</VisuallyHidden>
                  </TableCell>
                  <TableCell>{t("vendors.vendor")}</TableCell>
                  <TableCell>{t("vendors.category")}</TableCell>
                  <TableCell>{t("event.city")}</TableCell>
                  <TableCell>{t("vendors.ratingCol")}</TableCell>
                  <TableCell align="right">{t("vendors.price")}</TableCell>
                  <TableCell padding="checkbox">
                    <VisuallyHidden>{t("vendorsExtra.shortlist")}</VisuallyHidden>
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {search.data.items.map(({ vendor, event_price }) => (
                  <TableRow key={vendor.id} hover data-testid="vendor-row">
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={selected.includes(vendor.id)}
                        onChange={() => toggle(vendor.id)}
                        slotProps={{ input: { "aria-label": t("vendors.select", { name: vendor.name }) } }}
                      />
                    </TableCell>
                    <TableCell>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {vendor.name}
                      </Typography>
                      <Typography variant="caption" color="text.secondary">
                        {(language === "en" ? vendor.description_en : vendor.description_ru).slice(0, 110)}
                      </Typography>
                    </TableCell>
                    <TableCell>{categoryLabel(vendor.category)}</TableCell>
                    <TableCell>{vendor.city_name}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5} sx={{ alignItems: "center" }}>
                        <Rating value={Number(vendor.rating)} precision={0.1} readOnly size="small" />
                        <Typography variant="caption">{Number(vendor.rating).toFixed(1)}</Typography>
                      </Stack>
                    </TableCell>
                    <TableCell align="right">{formatMoney(event_price.amount, language, event_price.currency)}</TableCell>
                    <TableCell padding="checkbox">
                      <IconButton
                        aria-label={t(shortlist.has(vendor.id) ? "vendorsExtra.unshortlist" : "vendorsExtra.toShortlist", { name: vendor.name })}
                        aria-pressed={shortlist.has(vendor.id)}
                        color={shortlist.has(vendor.id) ? "primary" : "default"}
                        onClick={() => shortlist.toggle({ id: vendor.id, name: vendor.name, category: vendor.category })}
                      >
                        {shortlist.has(vendor.id) ? <BookmarkRemoveIcon /> : <BookmarkAddIcon />}
                      </IconButton>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Paper>
      )}
      {comparing.length >= 2 && (
        <Paper sx={{ p: 2 }}>
          <Typography variant="h6" component="h2">
            {t("vendors.comparison")}
          </Typography>
          {comparison.error ? <ProblemAlert error={comparison.error} /> : null}
          {comparison.isFetching && <Loading />}
          {comparison.data && !comparison.isFetching && (
            <Box>
              <Typography variant="body2" sx={{ my: 1 }}>
                {comparison.data.summary}
              </Typography>
              <TableContainer>
                <Table size="small" aria-label={t("vendors.comparison")}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t("vendors.vendor")}</TableCell>
                      <TableCell align="right">{t("vendors.price")}</TableCell>
                      <TableCell align="right">{t("vendors.pricePerGuest")}</TableCell>
                      <TableCell align="right">{t("vendors.ratingCol")}</TableCell>
                      <TableCell align="right">{t("vendors.prepayment")}</TableCell>
                      <TableCell align="right">{t("vendors.response")}</TableCell>
                      <TableCell>{t("vendors.cancellation")}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {comparison.data.rows.map((row) => (
                      <TableRow key={row.vendor_id} data-testid="comparison-row">
                        <TableCell sx={{ fontWeight: 600 }}>{row.name}</TableCell>
                        <TableCell align="right">{formatMoney(row.event_price.amount, language)}</TableCell>
                        <TableCell align="right">{formatMoney(row.price_per_guest.amount, language)}</TableCell>
                        <TableCell align="right">
                          {Number(row.rating).toFixed(1)} ({t("vendors.reviews", { count: row.review_count })})
                        </TableCell>
                        <TableCell align="right">{row.prepayment_percent}%</TableCell>
                        <TableCell align="right">{row.response_hours}</TableCell>
                        <TableCell>{row.cancellation_terms}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            </Box>
          )}
        </Paper>
      )}
    </Stack>
  );
}
