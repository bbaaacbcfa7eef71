// A chart's heading with a button that saves the chart beside it as a PNG picture.
import { Stack, Typography } from "@mui/material";
import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import { PngExportButton } from "./PngExportButton";

export interface ChartTitleProps {
  title: string;
  /** The element that holds the chart (its largest <svg> and any Recharts legend). */
  chart: RefObject<Element | null>;
  filename: string;
  onError: (error: unknown) => void;
}

export function ChartTitle({ title, chart, filename, onError }: ChartTitleProps) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: "center", justifyContent: "space-between" }}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      <PngExportButton
        target={chart}
        filename={filename}
        label="PNG"
        ariaLabel={t("common.chartPng", { title })}
        onError={onError}
      />
    </Stack>
  );
}
