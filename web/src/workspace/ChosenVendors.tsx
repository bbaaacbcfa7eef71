import DeleteOutlined from "@mui/icons-material/DeleteOutlined";
import EditOutlined from "@mui/icons-material/EditOutlined";
import SwapHoriz from "@mui/icons-material/SwapHoriz";
import {
  Alert,
  Button,
  Chip,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
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
import type { Category, CategoryPick, EventOut, SelectionItemIn, SelectionItemOut, SelectionOut } from "../api";
import { Loading } from "../common/Loading";
import { ProblemAlert } from "../common/ProblemAlert";
import { VisuallyHidden } from "../common/VisuallyHidden";
import { formatMoney } from "../format";
import { AgreedPriceDialog } from "./AgreedPriceDialog";
import { addable, agree, choose, optionsFor, removeCategory, storedItems, type VendorOption } from "./chosenVendors";
import { ContractCard } from "./ContractCard";
import type { ShortlistItem } from "./shortlist";

const AVAILABILITY_COLOR = { busy: "error", held: "info", booked: "success" } as const;

interface Props {
  event: EventOut;
  selection: SelectionOut | undefined;
  loading: boolean;
  loadError: unknown;
  onReload: () => void;
  picks: CategoryPick[];
  shortlist: ShortlistItem[];
  saving: boolean;
  saveError: unknown;
  onStore: (items: SelectionItemIn[]) => void;
  contractFor: Category | null;
  onContract: (category: Category | null) => void;
}

// The vendors the organiser chose for the event, as the API stores them: prices, VAT and
// totals are the API's; swapping, removing or agreeing a price sends the whole new set.
export function ChosenVendors(props: Props) {
  const { event, selection, picks, shortlist, onStore, contractFor, onContract } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [menu, setMenu] = useState<{ anchor: HTMLElement; category: Category | null } | null>(null);
  const [editing, setEditing] = useState<SelectionItemOut | null>(null);
  const items = storedItems(selection);
  const money = (amount: string | undefined) => formatMoney(amount, language);
  const categoryLabel = (category: string) => t(`enums.category.${category}`, { defaultValue: category });

  const menuOptions: VendorOption[] =
    menu === null
      ? []
      : menu.category === null
        ? addable(items, shortlist)
        : optionsFor(menu.category, items.find((item) => item.category === menu.category)?.vendor_id ?? null, picks, shortlist);
  const pickOption = (option: VendorOption) => {
    setMenu(null);
    onStore(choose(items, option.category, option.vendorId));
  };
  const chosenForContract = selection?.items.find((item) => item.category === contractFor) ?? null;

  return (
    <Stack spacing={1} component="section" aria-labelledby="chosen-vendors-title">
      <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap" }}>
        <Typography variant="subtitle1" component="h3" id="chosen-vendors-title" sx={{ fontWeight: 600, flexGrow: 1 }}>
          {t("chosen.title")}
        </Typography>
        <Button
          size="small"
          disabled={props.saving || addable(items, shortlist).length === 0}
          onClick={(e) => setMenu({ anchor: e.currentTarget, category: null })}
        >
          {t("chosen.addFromShortlist")}
        </Button>
      </Stack>
      {props.loading && <Loading />}
      {props.loadError ? <ProblemAlert error={props.loadError} onRetry={props.onReload} /> : null}
      {props.saveError ? <ProblemAlert error={props.saveError} /> : null}
      {selection && selection.items.length === 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="chosen-empty">
          {t("chosen.empty")}
        </Typography>
      )}
      {selection && selection.items.length > 0 && (
        <TableContainer>
          <Table size="small" aria-label={t("chosen.title")}>
            <TableHead>
              <TableRow>
                <TableCell>{t("vendors.category")}</TableCell>
                <TableCell>{t("vendors.vendor")}</TableCell>
                <TableCell align="right">{t("chosen.net")}</TableCell>
                <TableCell align="right">{t("vendorsExtra.vat")}</TableCell>
                <TableCell align="right">{t("vendorsExtra.total")}</TableCell>
                <TableCell>
                  <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {selection.items.map((item) => (
                <TableRow key={item.category} data-testid="chosen-pick" data-vendor-id={item.vendor_id}>
                  <TableCell>{categoryLabel(item.category)}</TableCell>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="chosen-name">
                      {item.vendor_name}
                    </Typography>
                    {item.note && (
                      <Typography variant="caption" color="text.secondary" component="div">
                        {item.note}
                      </Typography>
                    )}
                    {(item.contract || item.availability in AVAILABILITY_COLOR) && (
                      <Stack direction="row" spacing={0.5} useFlexGap sx={{ mt: 0.5, flexWrap: "wrap" }}>
                        {item.contract && (
                          <Chip
                            size="small"
                            data-testid="chosen-contract"
                            label={t("chosen.contractStatus", { status: t(`vendorsExtra.status.${item.contract.status}`) })}
                          />
                        )}
                        {item.availability in AVAILABILITY_COLOR && (
                          <Chip
                            size="small"
                            variant="outlined"
                            color={AVAILABILITY_COLOR[item.availability as keyof typeof AVAILABILITY_COLOR]}
                            label={t(`chosen.availability.${item.availability}`)}
                          />
                        )}
                      </Stack>
                    )}
                  </TableCell>
                  <TableCell align="right">{money(item.price.amount)}</TableCell>
                  <TableCell align="right">{item.vat ? money(item.vat.amount) : t("vendorsExtra.noVat")}</TableCell>
                  <TableCell align="right" data-value={item.total.amount}>
                    {money(item.total.amount)}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>
                    <Button
                      size="small"
                      aria-expanded={contractFor === item.category}
                      onClick={() => onContract(contractFor === item.category ? null : item.category)}
                    >
                      {t("vendorsExtra.contract")}
                    </Button>
                    <IconButton
                      size="small"
                      aria-label={t("chosen.edit", { name: item.vendor_name })}
                      disabled={props.saving}
                      onClick={() => setEditing(item)}
                    >
                      <EditOutlined fontSize="small" />
                    </IconButton>
                    <IconButton
                      size="small"
                      aria-label={t("chosen.swap", { name: item.vendor_name })}
                      aria-haspopup="menu"
                      disabled={props.saving}
                      onClick={(e) => setMenu({ anchor: e.currentTarget, category: item.category })}
                    >
                      <SwapHoriz fontSize="small" />
                    </IconButton>
                    <IconButton
                      size="small"
                      aria-label={t("chosen.remove", { name: item.vendor_name })}
                      disabled={props.saving}
                      onClick={() => {
                        if (contractFor === item.category) onContract(null);
                        onStore(removeCategory(items, item.category));
                      }}
                    >
                      <DeleteOutlined fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell colSpan={2} sx={{ fontWeight: 700 }}>
                  {t("vendorsExtra.total")}
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: 700 }} data-testid="chosen-net" data-value={selection.net?.amount}>
                  {money(selection.net?.amount)}
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: 700 }} data-testid="chosen-vat" data-value={selection.vat?.amount}>
                  {selection.vat ? money(selection.vat.amount) : t("vendorsExtra.noVat")}
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: 700 }} data-testid="chosen-total" data-value={selection.total?.amount}>
                  {money(selection.total?.amount)}
                </TableCell>
                <TableCell />
              </TableRow>
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {selection?.items.some((item) => item.availability === "busy") && (
        <Alert severity="warning">{t("chosen.busyWarning")}</Alert>
      )}
      <Menu anchorEl={menu?.anchor ?? null} open={menu !== null} onClose={() => setMenu(null)}>
        {menuOptions.length === 0 ? (
          <MenuItem disabled>{t("chosen.noOptions")}</MenuItem>
        ) : (
          menuOptions.map((option) => (
            <MenuItem key={option.vendorId} onClick={() => pickOption(option)}>
              <ListItemText
                primary={option.name}
                secondary={`${categoryLabel(option.category)} · ${t(`chosen.source.${option.source}`)}`}
              />
            </MenuItem>
          ))
        )}
      </Menu>
      {editing && (
        <AgreedPriceDialog
          item={editing}
          onClose={() => setEditing(null)}
          onSave={(price, note) => {
            setEditing(null);
            onStore(agree(items, editing.category, price, note));
          }}
        />
      )}
      {chosenForContract && (
        <ContractCard
          key={`${chosenForContract.category}-${chosenForContract.vendor_id}`}
          event={event}
          vendorId={chosenForContract.vendor_id}
          vendorName={chosenForContract.vendor_name}
          amount={chosenForContract.price.amount}
          date={event.date ?? ""}
          guests={event.guests_count ?? 1}
          contractId={chosenForContract.contract?.id ?? null}
        />
      )}
    </Stack>
  );
}
