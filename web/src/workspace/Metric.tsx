import { Stack, Typography } from "@mui/material";

/** One figure the API computed; data-value keeps its exact decimal so a test can compare it with the API's own answer. */
export function Metric({ label, value, raw, testId }: { label: string; value: string; raw?: string | number | null; testId?: string }) {
  return (
    <Stack data-testid={testId} data-value={raw ?? undefined}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600 }} data-testid={testId ? `${testId}-text` : undefined}>
        {value}
      </Typography>
    </Stack>
  );
}
