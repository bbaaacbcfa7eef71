import { CssBaseline, ThemeProvider } from "@mui/material";
import { lazy, Suspense, useEffect, useState } from "react";
import { Provider } from "react-redux";
import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";
import { api } from "./api";
import { sessionChanged } from "./auth/authSlice";
import { RequireSession } from "./auth/RequireSession";
import { onSessionChange, refreshSession } from "./auth/session";
import { AppShell } from "./common/AppShell";
import { Loading } from "./common/Loading";
import { makeStore } from "./store";
import { theme } from "./theme";

// Each screen is its own chunk: the sign-in page does not wait for the charts of the budget.
const SignInPage = lazy(() => import("./auth/SignInPage").then((m) => ({ default: m.SignInPage })));
const SignUpPage = lazy(() => import("./auth/SignUpPage").then((m) => ({ default: m.SignUpPage })));
const DashboardPage = lazy(() =>
  import("./events/DashboardPage").then((m) => ({ default: m.DashboardPage })),
);
const BriefPage = lazy(() => import("./brief/BriefPage").then((m) => ({ default: m.BriefPage })));
const EventPage = lazy(() => import("./workspace/EventPage").then((m) => ({ default: m.EventPage })));

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
          <Suspense fallback={<Loading />}>
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
          </Suspense>
        </BrowserRouter>
      </ThemeProvider>
    </Provider>
  );
}
