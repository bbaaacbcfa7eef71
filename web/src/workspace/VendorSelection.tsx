import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSelectVendorsMutation, type Category, type EventOut } from "../api";
import { Loading } from "../common/Loading";
import { ProblemAlert } from "../common/ProblemAlert";
import { formatMoney } from "../format";
import { ContractCard } from "./ContractCard";
import { useEventContracts } from "./shortlist";

const CATEGORIES: Category[] = ["venue", "catering", "decoration", "entertainment", "logistics", "technical"];
const DEFAULT_CATEGORIES: Category[] = ["venue", "catering", "technical"];

// "Select for this event": the optimiser picks one vendor per category within the event's
// budget; every number shown here (prices, total, relaxations) is the API's.
export function VendorSelection({ event }: { event: EventOut }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [categories, setCategories] = useState<Category[]>(DEFAULT_CATEGORIES);
  const [select, selection] = useSelectVendorsMutation();
  const [contracts, setContracts] = useEventContracts(event.id);
  const [contractFor, setContractFor] = useState<string | null>(null);

  const missing = [
    event.city?.geoname_id ? null : t("event.city"),
    event.date ? null : t("vendorsExtra.date"),
    event.guests_count ? null : t("vendors.guests"),
  ].filter((item): item is string => item !== null);
  const categoryLabel = (category: string) => t(`enums.category.${category}`, { defaultValue: category });
  const toggle = (category: Category) =>
    setCategories((current) =>
      current.includes(category) ? current.filter((item) => item !== category) : [...current, category],
    );
  const run = () => {
    if (!event.city?.geoname_id || !event.date || !event.guests_count || categories.length === 0) return;
    setContractFor(null);
    void select({
      locale: language === "en" ? "en" : "ru",
      selectRequest: {
        city_geoname_id: event.city.geoname_id,
        date: event.date,
        guests: event.guests_count,
        categories,
        budget: event.budget ? { amount: event.budget.amount, currency: event.budget.currency } : null,
        event_id: event.id,
      },
    });
  };
  const result = selection.data;

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="vendor-selection-title">
      <Typography variant="h6" component="h2" id="vendor-selection-title">
        {t("vendorsExtra.selectTitle")}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {event.budget
          ? t("vendorsExtra.selectHintBudget", { budget: formatMoney(event.budget.amount, language, event.budget.currency) })
          : t("vendorsExtra.selectHint")}
      </Typography>
      {missing.length > 0 ? (
        <Alert severity="info">{t("vendorsExtra.missing", { fields: missing.join(", ") })}</Alert>
      ) : (
        <Stack spacing={1}>
          <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
            <FormLabel component="legend">{t("vendorsExtra.categories")}</FormLabel>
            <FormGroup row>
              {CATEGORIES.map((category) => (
                <FormControlLabel
                  key={category}
                  control={<Checkbox checked={categories.includes(category)} onChange={() => toggle(category)} />}
                  label={categoryLabel(category)}
                />
              ))}
            </FormGroup>
            {categories.length === 0 && <FormHelperText error>{t("vendorsExtra.pickCategory")}</FormHelperText>}
          </Box>
          <Stack direction="row">
            <Button variant="contained" onClick={run} disabled={selection.isLoading || categories.length === 0}>
              {t("vendorsExtra.selectRun")}
            </Button>
          </Stack>
        </Stack>
      )}
      {selection.isLoading && <Loading />}
      {selection.error ? <ProblemAlert error={selection.error} onRetry={run} /> : null}
      {result && !selection.isLoading && (
        <Stack spacing={2} sx={{ mt: 2 }}>
          {result.feasible ? (
            <>
              <TableContainer>
                <Table size="small" aria-label={t("vendorsExtra.selectTitle")}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t("vendors.category")}</TableCell>
                      <TableCell>{t("vendors.vendor")}</TableCell>
                      <TableCell align="right">{t("vendors.price")}</TableCell>
                      <TableCell>{t("vendorsExtra.alternatives")}</TableCell>
                      <TableCell />
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {result.picks.map((pick) => (
                      <TableRow key={pick.category} data-testid="selection-pick">
                        <TableCell>{categoryLabel(pick.category)}</TableCell>
                        <TableCell sx={{ fontWeight: 600 }}>{pick.vendor.name}</TableCell>
                        <TableCell align="right">
                          {formatMoney(pick.vendor.price.amount, language, pick.vendor.price.currency)}
                        </TableCell>
                        <TableCell>
                          {pick.alternatives.length === 0 ? (
                            <Typography variant="caption" color="text.secondary">
                              {t("vendorsExtra.noAlternatives")}
                            </Typography>
                          ) : (
                            pick.alternatives.map((alternative) => (
                              <Typography key={alternative.vendor_id} variant="caption" component="div">
                                {alternative.name} — {formatMoney(alternative.price.amount, language, alternative.price.currency)}
                              </Typography>
                            ))
                          )}
                        </TableCell>
                        <TableCell align="right">
                          <Button size="small" onClick={() => setContractFor(pick.vendor.vendor_id)}>
                            {contracts[pick.vendor.vendor_id] ? t("vendorsExtra.showContract") : t("vendorsExtra.contract")}
                          </Button>
                        </TableCell>
                      </TableRow>
                    ))}
                    <TableRow>
                      <TableCell colSpan={2} sx={{ fontWeight: 700 }}>
                        {t("vendorsExtra.total")}
                      </TableCell>
                      <TableCell align="right" sx={{ fontWeight: 700 }} data-testid="selection-total">
                        {result.total ? formatMoney(result.total.amount, language, result.total.currency) : "—"}
                      </TableCell>
                      <TableCell colSpan={2} />
                    </TableRow>
                  </TableBody>
                </Table>
              </TableContainer>
              {result.picks
                .filter((pick) => pick.vendor.vendor_id === contractFor)
                .map((pick) => (
                  <ContractCard
                    key={pick.vendor.vendor_id}
                    event={event}
                    vendor={pick.vendor}
                    date={event.date ?? ""}
                    guests={event.guests_count ?? 1}
                    contractId={contracts[pick.vendor.vendor_id] ?? null}
                    onCreated={(id) => setContracts({ ...contracts, [pick.vendor.vendor_id]: id })}
                  />
                ))}
            </>
          ) : (
            <>
              <Alert severity="warning">{t("vendorsExtra.infeasible")}</Alert>
              <Box>
                <Typography variant="subtitle2">{t("vendorsExtra.conflicts")}</Typography>
                <List dense>
                  {result.conflicts.map((conflict, index) => (
                    <ListItem key={index} data-testid="selection-conflict">
                      <ListItemText
                        primary={conflict.detail}
                        secondary={conflict.category ? categoryLabel(conflict.category) : null}
                      />
                    </ListItem>
                  ))}
                </List>
              </Box>
              <Box>
                <Typography variant="subtitle2">{t("vendorsExtra.relaxations")}</Typography>
                {result.relaxations.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    {t("vendorsExtra.noRelaxations")}
                  </Typography>
                ) : (
                  <List dense>
                    {result.relaxations.map((relaxation, index) => (
                      <ListItem key={index} data-testid="selection-relaxation">
                        <ListItemText
                          primary={relaxation.description}
                          secondary={t("vendorsExtra.relaxedTotal", {
                            total: formatMoney(relaxation.total.amount, language, relaxation.total.currency),
                          })}
                        />
                      </ListItem>
                    ))}
                  </List>
                )}
              </Box>
            </>
          )}
          {result.explanation.length > 0 && (
            <Box>
              {result.explanation.map((line, index) => (
                <Typography key={index} variant="body2" color="text.secondary">
                  {line}
                </Typography>
              ))}
            </Box>
          )}
        </Stack>
      )}
    </Paper>
  );
}
