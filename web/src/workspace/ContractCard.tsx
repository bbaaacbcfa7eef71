import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Paper,
  Stack,
  TextField,
  Typography,
} from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  useChangeContractMutation,
  useCreateContractMutation,
  useGetContractQuery,
  type ContractStatus,
  type EventOut,
} from "../api";
import { Loading } from "../common/Loading";
import { ProblemAlert } from "../common/ProblemAlert";
import { formatMoney } from "../format";
import { ExportButton } from "./ExportButton";

const STATUS_COLOR: Record<ContractStatus, "default" | "info" | "success" | "error"> = {
  draft: "default",
  sent: "info",
  signed: "success",
  cancelled: "error",
};

// A contract for one chosen vendor at the price agreed with it: the form, then its status,
// sending, signing, cancelling and the document (DOCX always, PDF where the server can).
export function ContractCard({
  event,
  vendorId,
  vendorName,
  amount,
  date,
  guests,
  contractId,
}: {
  event: EventOut;
  vendorId: string;
  vendorName: string;
  /** The agreed price before VAT, as stored with the chosen vendor. */
  amount: string;
  date: string;
  guests: number;
  /** The latest contract with this vendor for the event, as the API links it. */
  contractId: string | null;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [clientName, setClientName] = useState(event.client ?? "");
  const [scope, setScope] = useState(t("vendorsExtra.defaultScope", { event: event.name }));
  const [touched, setTouched] = useState(false);
  // Until the chosen vendors are read again, the contract just created is known only here.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const [redrafting, setRedrafting] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [create, creating] = useCreateContractMutation();
  const [change, changing] = useChangeContractMutation();
  const [downloadError, setDownloadError] = useState(false);
  const shownId = redrafting ? null : (createdId ?? contractId);
  const contract = useGetContractQuery({ contractId: shownId ?? "" }, { skip: !shownId });
  const title = t("vendorsExtra.contractFor", { name: vendorName });

  const clientError = touched && !clientName.trim() ? t("validation.required") : "";
  const scopeError = touched && !scope.trim() ? t("validation.required") : "";
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!clientName.trim() || !scope.trim()) return;
    const result = await create({
      contractCreate: {
        vendor_id: vendorId,
        event_id: event.id,
        event_date: date,
        guests,
        scope: scope.trim(),
        client_name: clientName.trim(),
        amount: { amount, currency: "RUB" },
      },
    });
    if ("data" in result && result.data) {
      setCreatedId(result.data.id);
      setRedrafting(false);
    }
  };
  const cancel = () => {
    setConfirmCancel(false);
    if (shownId) void change({ contractId: shownId, action: "cancel", body: null });
  };

  if (!shownId) {
    return (
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack component="form" noValidate aria-label={title} spacing={2} onSubmit={(e) => void submit(e)}>
          <Typography variant="subtitle1" component="h4">{title}</Typography>
          <Typography variant="body2" color="text.secondary">
            {t("vendorsExtra.agreedAmount", { amount: formatMoney(amount, language) })}
          </Typography>
          <TextField
            label={t("vendorsExtra.clientName")}
            value={clientName}
            required
            onChange={(e) => setClientName(e.target.value)}
            error={Boolean(clientError)}
            helperText={clientError || " "}
          />
          <TextField
            label={t("vendorsExtra.scope")}
            value={scope}
            required
            multiline
            minRows={2}
            onChange={(e) => setScope(e.target.value)}
            error={Boolean(scopeError)}
            helperText={scopeError || " "}
          />
          {creating.error ? <ProblemAlert error={creating.error} /> : null}
          <Stack direction="row" spacing={1}>
            <Button type="submit" variant="contained" disabled={creating.isLoading}>
              {t("vendorsExtra.createContract")}
            </Button>
            {redrafting && <Button onClick={() => setRedrafting(false)}>{t("common.cancel")}</Button>}
          </Stack>
        </Stack>
      </Paper>
    );
  }

  const data = contract.data;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="contract" aria-label={title} role="region">
      {contract.isLoading && <Loading />}
      {contract.error ? <ProblemAlert error={contract.error} onRetry={() => void contract.refetch()} /> : null}
      {data && (
        <Stack spacing={1}>
          <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap" }}>
            <Typography variant="subtitle1" component="h4" sx={{ flexGrow: 1 }}>
              {title}
            </Typography>
            <Chip data-testid="contract-status" label={t(`vendorsExtra.status.${data.status}`)} color={STATUS_COLOR[data.status]} />
          </Stack>
          <Typography variant="body2">
            {t("vendorsExtra.contractAmount")}: {formatMoney(data.amount.amount, language, data.amount.currency)}
            {" · "}
            {t("vendorsExtra.vat")}: {data.vat ? formatMoney(data.vat.amount, language, data.vat.currency) : t("vendorsExtra.noVat")}
            {" · "}
            {t("vendorsExtra.contractTotal")}: <strong data-testid="contract-total" data-value={data.total.amount}>{formatMoney(data.total.amount, language, data.total.currency)}</strong>
          </Typography>
          {changing.error ? <ProblemAlert error={changing.error} /> : null}
          {downloadError && <Alert severity="error">{t("common.error")}</Alert>}
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap", alignItems: "center" }}>
            {/* The API's order is draft → sent → signed: each step is one button. */}
            {data.status === "draft" && (
              <Button variant="contained" disabled={changing.isLoading} onClick={() => void change({ contractId: data.id, action: "send", body: null })}>
                {t("vendorsExtra.send")}
              </Button>
            )}
            {data.status === "sent" && (
              <Button variant="contained" disabled={changing.isLoading} onClick={() => void change({ contractId: data.id, action: "sign", body: null })}>
                {t("vendorsExtra.sign")}
              </Button>
            )}
            {data.status === "cancelled" && (
              <Button variant="contained" onClick={() => setRedrafting(true)}>
                {t("vendorsExtra.redraft")}
              </Button>
            )}
            <ExportButton
              url={`/api/v1/vendors/contracts/${data.id}/document`}
              filename="contract.docx"
              label={t("vendorsExtra.downloadDocx")}
              onError={() => setDownloadError(true)}
            />
            {data.pdf_available && (
              <ExportButton
                url={`/api/v1/vendors/contracts/${data.id}/document?format=pdf`}
                filename="contract.pdf"
                label={t("vendorsExtra.downloadPdf")}
                onError={() => setDownloadError(true)}
              />
            )}
            {data.status !== "cancelled" && (
              <Button color="error" disabled={changing.isLoading} onClick={() => setConfirmCancel(true)}>
                {t("vendorsExtra.cancelContract")}
              </Button>
            )}
          </Stack>
          {!data.pdf_available && (
            <Typography variant="caption" color="text.secondary" data-testid="pdf-unavailable">
              {t("vendorsExtra.pdfUnavailable")}
            </Typography>
          )}
          <Dialog open={confirmCancel} onClose={() => setConfirmCancel(false)} aria-labelledby="cancel-contract-title">
            <DialogTitle id="cancel-contract-title">{t("vendorsExtra.cancelTitle", { name: vendorName })}</DialogTitle>
            <DialogContent>
              <DialogContentText>
                {data.status === "signed" ? t("vendorsExtra.cancelSignedText") : t("vendorsExtra.cancelText")}
              </DialogContentText>
            </DialogContent>
            <DialogActions>
              <Button autoFocus onClick={() => setConfirmCancel(false)}>
                {t("vendorsExtra.keepContract")}
              </Button>
              <Button color="error" variant="contained" onClick={cancel}>
                {t("vendorsExtra.confirmCancel")}
              </Button>
            </DialogActions>
          </Dialog>
        </Stack>
      )}
    </Paper>
  );
}
