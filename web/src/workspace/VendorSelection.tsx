import {
  Alert,
  Box,
  Button,
  Checkbox,
  Divider,
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
import {
  useGetSelectionQuery,
  usePutSelectionMutation,
  useSelectVendorsMutation,
  type Category,
  type EventOut,
  type SelectionItemIn,
} from "../api";
import { Loading } from "../common/Loading";
import { ProblemAlert } from "../common/ProblemAlert";
import { VisuallyHidden } from "../common/VisuallyHidden";
import { formatMoney } from "../format";
import { acceptProposal, choose, storedItems } from "./chosenVendors";
import { ChosenVendors } from "./ChosenVendors";
import type { ShortlistItem } from "./shortlist";

const CATEGORIES: Category[] = ["venue", "catering", "decoration", "entertainment", "logistics", "technical"];
const DEFAULT_CATEGORIES: Category[] = ["venue", "catering", "technical"];

// "Select for this event": the vendors the organiser chose (stored with the event), and the
// optimiser that proposes one vendor per category within the event's budget, whose picks
// the organiser accepts into the chosen set. Every number shown (prices, VAT, totals,
// relaxations) is the API's.
export function VendorSelection({ event, shortlist = [] }: { event: EventOut; shortlist?: ShortlistItem[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [categories, setCategories] = useState<Category[]>(DEFAULT_CATEGORIES);
  const [select, selection] = useSelectVendorsMutation();
  const chosen = useGetSelectionQuery({ eventId: event.id });
  const [save, saving] = usePutSelectionMutation();
  const [contractFor, setContractFor] = useState<Category | null>(null);
  const items = storedItems(chosen.data);
  const store = async (next: SelectionItemIn[]) => {
    const result = await save({ eventId: event.id, selectionIn: { items: next } });
    return "data" in result;
  };
  // A contract starts from a chosen vendor: a proposed one is chosen first.
  const contractWith = async (category: Category, vendorId: string) => {
    if (items.find((item) => item.category === category)?.vendor_id === vendorId || (await store(choose(items, category, vendorId)))) {
      setContractFor(category);
    }
  };

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
  const chosenVendor = (category: Category) => items.find((item) => item.category === category)?.vendor_id;

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="vendor-selection-title">
      <Typography variant="h6" component="h2" id="vendor-selection-title">
        {t("vendorsExtra.selectTitle")}
      </Typography>
      <Box sx={{ my: 1 }}>
        <ChosenVendors
          event={event}
          selection={chosen.data}
          loading={chosen.isLoading}
          loadError={chosen.error}
          onReload={() => void chosen.refetch()}
          picks={result?.picks ?? []}
          shortlist={shortlist}
          saving={saving.isLoading}
          saveError={saving.error}
          onStore={(next) => void store(next)}
          contractFor={contractFor}
          onContract={setContractFor}
        />
      </Box>
      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t("chosen.proposalTitle")}
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
                      <TableCell>
                        <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                      </TableCell>
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
                              <Stack key={alternative.vendor_id} direction="row" spacing={1} sx={{ alignItems: "center" }}>
                                <Typography variant="caption" component="div" sx={{ flexGrow: 1 }}>
                                  {alternative.name} — {formatMoney(alternative.price.amount, language, alternative.price.currency)}
                                </Typography>
                                {chosenVendor(pick.category) === alternative.vendor_id ? (
                                  <Typography variant="caption" color="success.main">
                                    {t("chosen.isChosen")}
                                  </Typography>
                                ) : (
                                  <Button
                                    size="small"
                                    disabled={saving.isLoading}
                                    aria-label={t("chosen.chooseNamed", { name: alternative.name })}
                                    onClick={() => void store(choose(items, pick.category, alternative.vendor_id))}
                                  >
                                    {t("chosen.choose")}
                                  </Button>
                                )}
                              </Stack>
                            ))
                          )}
                        </TableCell>
                        <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>
                          {chosenVendor(pick.category) === pick.vendor.vendor_id && (
                            <Typography variant="caption" color="success.main" sx={{ mr: 1 }}>
                              {t("chosen.isChosen")}
                            </Typography>
                          )}
                          <Button
                            size="small"
                            disabled={saving.isLoading}
                            onClick={() => void contractWith(pick.category, pick.vendor.vendor_id)}
                          >
                            {t("vendorsExtra.contract")}
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
              <Stack direction="row" spacing={2} sx={{ alignItems: "center", flexWrap: "wrap" }}>
                <Button
                  variant="outlined"
                  disabled={saving.isLoading || result.picks.every((pick) => chosenVendor(pick.category) === pick.vendor.vendor_id)}
                  onClick={() => void store(acceptProposal(items, result.picks))}
                >
                  {t("chosen.acceptProposal")}
                </Button>
                {result.picks.every((pick) => chosenVendor(pick.category) === pick.vendor.vendor_id) && (
                  <Typography variant="body2" color="success.main">
                    {t("chosen.proposalAccepted")}
                  </Typography>
                )}
              </Stack>
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
