// Saves the chart inside a container as a PNG picture: our SVG charts and Recharts' alike.
import ImageIcon from "@mui/icons-material/Image";
import { Button } from "@mui/material";
import { useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { downloadChartPng } from "./svgToPng";

export interface PngExportButtonProps {
  /** The chart's <svg>, or an element with the chart somewhere inside. */
  target: RefObject<Element | null>;
  filename: string;
  label?: string;
  /** The name a screen reader says, when several charts share a short visible label. */
  ariaLabel?: string;
  onError: (error: unknown) => void;
}

export function PngExportButton({ target, filename, label, ariaLabel, onError }: PngExportButtonProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const element = target.current;
    if (element === null) return;
    setBusy(true);
    try {
      await downloadChartPng(element, filename);
    } catch (error) {
      // The browser's own words (a canvas it refused) mean nothing to the person; ours do.
      console.warn("PNG export failed", error);
      onError(new Error(t("common.pngFailed")));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="outlined"
      startIcon={<ImageIcon />}
      disabled={busy}
      aria-label={ariaLabel}
      onClick={() => void run()}
    >
      {label ?? t("common.exportPng")}
    </Button>
  );
}
