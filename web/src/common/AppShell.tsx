import { AppBar, Box, Button, Container, Stack, Toolbar, Typography } from "@mui/material";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink, Outlet } from "react-router-dom";
import { useMeQuery } from "../api";
import { signOut } from "../auth/session";
import { LanguageSwitch } from "./LanguageSwitch";
import { Loading } from "./Loading";

export function AppShell() {
  const { t } = useTranslation();
  const { data: me } = useMeQuery();
  return (
    <Box sx={{ minHeight: "100vh" }}>
      <AppBar position="static">
        <Toolbar sx={{ gap: 2, flexWrap: "wrap" }}>
          <Typography
            variant="h6"
            component={RouterLink}
            to="/"
            sx={{ color: "inherit", textDecoration: "none", fontWeight: 700 }}
          >
            {t("app.name")}
          </Typography>
          <Stack direction="row" component="nav" spacing={1} sx={{ flexGrow: 1 }}>
            <Button color="inherit" component={RouterLink} to="/">
              {t("app.events")}
            </Button>
            <Button color="inherit" component={RouterLink} to="/brief">
              {t("app.newByBrief")}
            </Button>
          </Stack>
          {me && (
            <Typography variant="body2" sx={{ display: { xs: "none", md: "block" } }}>
              {me.user?.name ?? me.organization.name} · {me.organization.name}
            </Typography>
          )}
          <LanguageSwitch inverted />
          <Button color="inherit" variant="outlined" onClick={() => void signOut()}>
            {t("app.signOut")}
          </Button>
        </Toolbar>
      </AppBar>
      <Container maxWidth="xl" sx={{ py: 3 }} component="main">
        {/* The bar stays while the next screen's code arrives. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Container>
    </Box>
  );
}
