import { Alert, Button, Chip, Paper, Stack, TextField, Typography } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  useChangeContractMutation,
  useCreateContractMutation,
  useGetContractQuery,
  type ChosenVendor,
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

// A contract for one chosen vendor: the form, then its status, signing and the DOCX.
export function ContractCard({
  event,
  vendor,
  date,
  guests,
  contractId,
  onCreated,
}: {
  event: EventOut;
  vendor: ChosenVendor;
  date: string;
  guests: number;
  contractId: string | null;
  onCreated: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [clientName, setClientName] = useState(event.client ?? "");
  const [scope, setScope] = useState(t("vendorsExtra.defaultScope", { event: event.name }));
  const [touched, setTouched] = useState(false);
  const [create, creating] = useCreateContractMutation();
  const [change, changing] = useChangeContractMutation();
  const [downloadError, setDownloadError] = useState(false);
  const contract = useGetContractQuery({ contractId: contractId ?? "" }, { skip: !contractId });

  const clientError = touched && !clientName.trim() ? t("validation.required") : "";
  const scopeError = touched && !scope.trim() ? t("validation.required") : "";
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!clientName.trim() || !scope.trim()) return;
    const result = await create({
      contractCreate: {
        vendor_id: vendor.vendor_id,
        event_id: event.id,
        event_date: date,
        guests,
        scope: scope.trim(),
        client_name: clientName.trim(),
      },
    });
    if ("data" in result && result.data) onCreated(result.data.id);
  };

  if (!contractId) {
    return (
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack
          component="form"
          noValidate
          aria-label={t("vendorsExtra.contractFor", { name: vendor.name })}
          spacing={2}
          onSubmit={(e) => void submit(e)}
        >
          <Typography variant="subtitle1">{t("vendorsExtra.contractFor", { name: vendor.name })}</Typography>
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
          <Stack direction="row">
            <Button type="submit" variant="contained" disabled={creating.isLoading}>
              {t("vendorsExtra.createContract")}
            </Button>
          </Stack>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="contract" aria-label={t("vendorsExtra.contractFor", { name: vendor.name })} role="region">
      {contract.isLoading && <Loading />}
      {contract.error ? <ProblemAlert error={contract.error} onRetry={() => void contract.refetch()} /> : null}
      {contract.data && (
        <Stack spacing={1}>
          <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap" }}>
            <Typography variant="subtitle1" sx={{ flexGrow: 1 }}>
              {t("vendorsExtra.contractFor", { name: vendor.name })}
            </Typography>
            <Chip
              data-testid="contract-status"
              label={t(`vendorsExtra.status.${contract.data.status}`)}
              color={STATUS_COLOR[contract.data.status]}
            />
          </Stack>
          <Typography variant="body2">
            {t("vendorsExtra.contractAmount")}: {formatMoney(contract.data.amount.amount, language, contract.data.amount.currency)}
            {" · "}
            {t("vendorsExtra.vat")}: {contract.data.vat ? formatMoney(contract.data.vat.amount, language, contract.data.vat.currency) : t("vendorsExtra.noVat")}
            {" · "}
            {t("vendorsExtra.contractTotal")}: <strong>{formatMoney(contract.data.total.amount, language, contract.data.total.currency)}</strong>
          </Typography>
          {changing.error ? <ProblemAlert error={changing.error} /> : null}
          {downloadError && <Alert severity="error">{t("common.error")}</Alert>}
          <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap", rowGap: 1 }}>
            {/* The API's order is draft → sent → signed: each step is one button. */}
            {contract.data.status === "draft" && (
              <Button
                variant="contained"
                disabled={changing.isLoading}
                onClick={() => void change({ contractId, action: "send", body: null })}
              >
                {t("vendorsExtra.send")}
              </Button>
            )}
            {contract.data.status === "sent" && (
              <Button
                variant="contained"
                disabled={changing.isLoading}
                onClick={() => void change({ contractId, action: "sign", body: null })}
              >
                {t("vendorsExtra.sign")}
              </Button>
            )}
            <ExportButton
              url={`/api/v1/vendors/contracts/${contract.data.id}/document`}
              filename="contract.docx"
              label={t("vendorsExtra.downloadDocx")}
              onError={() => setDownloadError(true)}
            />
          </Stack>
        </Stack>
      )}
    </Paper>
  );
}
