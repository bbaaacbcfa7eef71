import { Box, Paper, Stack, Typography } from "@mui/material";
import type { ReactNode } from "react";
import { LanguageSwitch } from "../common/LanguageSwitch";

export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box sx={{ minHeight: "100vh", display: "grid", placeItems: "center", p: 2 }}>
      <Paper component="main" sx={{ p: 4, width: "100%", maxWidth: 420 }}>
        <Stack direction="row" sx={{ justifyContent: "space-between", alignItems: "center", mb: 2 }}>
          <Typography variant="h5" component="p" sx={{ fontWeight: 700, color: "primary.main" }}>
            Maestro
          </Typography>
          <LanguageSwitch />
        </Stack>
        <Typography variant="h6" component="h1" sx={{ mb: 2 }}>
          {title}
        </Typography>
        {children}
      </Paper>
    </Box>
  );
}
