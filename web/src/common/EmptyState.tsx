import { Paper, Stack, Typography } from "@mui/material";
import type { ReactNode } from "react";

export function EmptyState({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <Paper sx={{ p: 4, textAlign: "center" }}>
      <Stack spacing={2} sx={{ alignItems: "center" }}>
        <Typography color="text.secondary">{text}</Typography>
        {action}
      </Stack>
    </Paper>
  );
}
