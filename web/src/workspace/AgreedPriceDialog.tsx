import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SelectionItemOut } from "../api";
import { decimalText, inputAmount, positiveProblem } from "./numbers";

/** The price agreed with a chosen vendor (before VAT) and a note about the deal. */
export function AgreedPriceDialog({
  item,
  onSave,
  onClose,
}: {
  item: SelectionItemOut;
  onSave: (price: string, note: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [price, setPrice] = useState(inputAmount(item.price.amount));
  const [note, setNote] = useState(item.note ?? "");
  const [touched, setTouched] = useState(false);
  const problem = touched ? positiveProblem(price) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const amount = decimalText(price);
    if (positiveProblem(price) || amount === null) return;
    onSave(amount, note);
  };
  const title = t("chosen.editTitle", { name: item.vendor_name });
  return (
    <Dialog open onClose={onClose} aria-labelledby="agreed-price-title">
      <form noValidate onSubmit={submit} aria-label={title}>
        <DialogTitle id="agreed-price-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1, minWidth: { sm: 380 } }}>
            <TextField
              autoFocus
              label={t("chosen.agreedPrice")}
              value={price}
              inputMode="decimal"
              onChange={(e) => setPrice(e.target.value)}
              error={Boolean(problem)}
              helperText={problem ? t(problem) : t("chosen.agreedPriceHint")}
            />
            <TextField
              label={t("chosen.note")}
              value={note}
              multiline
              minRows={2}
              onChange={(e) => setNote(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="submit" variant="contained">
            {t("common.save")}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
