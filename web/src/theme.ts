import { createTheme } from "@mui/material/styles";

export const theme = createTheme({
  palette: {
    // Every colour a chip or button fills with carries white text at WCAG AA (4.5:1); MUI's
    // default info (#0288d1) and warning (#ed6c02) do not.
    primary: { main: "#3949ab" },
    secondary: { main: "#00796b" },
    info: { main: "#0277bd", contrastText: "#ffffff" },
    warning: { main: "#b45309", contrastText: "#ffffff" },
    background: { default: "#f5f6fa" },
  },
  shape: { borderRadius: 8 },
  components: {
    MuiCard: { defaultProps: { variant: "outlined" } },
    MuiPaper: { defaultProps: { variant: "outlined" } },
    MuiAppBar: { defaultProps: { elevation: 0 } },
  },
});

export const CRITICAL = "#d32f2f";
export const TODAY = "#2e7d32";
export const EVENT_DAY = "#ef6c00";
/** Keyboard focus and a date being moved on the Gantt chart: the primary colour. */
export const FOCUS = "#3949ab";
/** Tasks a change just moved, for a moment. */
export const MOVED = "#ffb300";
export const MOVED_BACKGROUND = "#fff3e0";
