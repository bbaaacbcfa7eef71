export const PALETTE = [
  "#3949ab",
  "#00897b",
  "#f9a825",
  "#8e24aa",
  "#e53935",
  "#1e88e5",
  "#6d4c41",
  "#43a047",
  "#fb8c00",
  "#546e7a",
  "#c0ca33",
];
