import { CssBaseline, ThemeProvider } from "@mui/material";
import { useEffect, useState } from "react";
import { Provider } from "react-redux";
import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";
import { api } from "./api";
import { sessionChanged } from "./auth/authSlice";
import { RequireSession } from "./auth/RequireSession";
import { onSessionChange, refreshSession } from "./auth/session";
import { SignInPage } from "./auth/SignInPage";
import { SignUpPage } from "./auth/SignUpPage";
import { BriefPage } from "./brief/BriefPage";
import { AppShell } from "./common/AppShell";
import { DashboardPage } from "./events/DashboardPage";
import { makeStore } from "./store";
import { theme } from "./theme";
import { EventPage } from "./workspace/EventPage";

export function App() {
  const [store] = useState(makeStore);

  useEffect(() => {
    const unsubscribe = onSessionChange((signedIn) => {
      store.dispatch(sessionChanged(signedIn));
      // Nothing cached for one user may show to the next.
      if (!signedIn) store.dispatch(api.util.resetApiState());
    });
    void refreshSession().then((renewed) => {
      if (!renewed) store.dispatch(sessionChanged(false));
    });
    return unsubscribe;
  }, [store]);

  return (
    <Provider store={store}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <BrowserRouter>
          <Routes>
            <Route path="/signin" element={<SignInPage />} />
            <Route path="/signup" element={<SignUpPage />} />
            <Route element={<RequireSession />}>
              <Route element={<AppShell />}>
                <Route index element={<DashboardPage />} />
                <Route path="brief" element={<BriefPage />} />
                <Route path="events/:eventId/:tab?" element={<EventPage />} />
              </Route>
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </BrowserRouter>
      </ThemeProvider>
    </Provider>
  );
}
