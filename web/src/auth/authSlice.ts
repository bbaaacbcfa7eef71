// Whether the app knows of a session yet: "checking" while a stored refresh token is tried.
import { createSlice, type PayloadAction } from "@reduxjs/toolkit";

export type AuthStatus = "checking" | "signedIn" | "signedOut";

export const authSlice = createSlice({
  name: "auth",
  initialState: { status: "checking" as AuthStatus },
  reducers: {
    sessionChanged(state, action: PayloadAction<boolean>) {
      state.status = action.payload ? "signedIn" : "signedOut";
    },
  },
});

export const { sessionChanged } = authSlice.actions;
export const authReducer = authSlice.reducer;
