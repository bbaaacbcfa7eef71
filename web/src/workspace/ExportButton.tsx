import DownloadIcon from "@mui/icons-material/Download";
import { Button } from "@mui/material";
import { useState } from "react";
import { downloadFile } from "../api/download";

export function ExportButton({
  url,
  filename,
  label,
  onError,
}: {
  url: string;
  filename: string;
  label: string;
  onError: (error: unknown) => void;
}) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(url, filename);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" startIcon={<DownloadIcon />} disabled={busy} onClick={() => void run()}>
      {label}
    </Button>
  );
}
