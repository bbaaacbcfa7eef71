// The signed-in session: the access token lives in memory, the refresh token in
// localStorage so that a reload signs back in. Refresh tokens rotate and a reused one revokes
// the whole sign-in, so at most one refresh is ever in flight.
import type { TokenPair } from "../api/generated";

const REFRESH_KEY = "maestro.refresh";
// Renew this long before the access token expires, so that requests never meet a 401.
const RENEW_EARLY_MS = 30_000;

type Listener = (signedIn: boolean) => void;

let accessToken: string | null = null;
let renewTimer: ReturnType<typeof setTimeout> | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<Listener>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function hasRefreshToken(): boolean {
  return localStorage.getItem(REFRESH_KEY) !== null;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(signedIn: boolean): void {
  for (const listener of listeners) listener(signedIn);
}

export function startSession(pair: TokenPair): void {
  accessToken = pair.access_token;
  localStorage.setItem(REFRESH_KEY, pair.refresh_token);
  if (renewTimer !== null) clearTimeout(renewTimer);
  const delay = Math.max(pair.expires_in * 1000 - RENEW_EARLY_MS, 5_000);
  renewTimer = setTimeout(() => void refreshSession(), delay);
  notify(true);
}

export function endSession(): void {
  accessToken = null;
  localStorage.removeItem(REFRESH_KEY);
  if (renewTimer !== null) clearTimeout(renewTimer);
  renewTimer = null;
  notify(false);
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** Trades the stored refresh token for a new pair; false (and signed out) when refused. */
export function refreshSession(): Promise<boolean> {
  if (refreshing !== null) return refreshing;
  const token = localStorage.getItem(REFRESH_KEY);
  if (token === null) return Promise.resolve(false);
  refreshing = (async () => {
    try {
      const response = await postJson("/api/v1/auth/refresh", { refresh_token: token });
      if (!response.ok) {
        endSession();
        return false;
      }
      startSession((await response.json()) as TokenPair);
      return true;
    } catch {
      // The network failed, not the token: keep it for the next try.
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export async function signOut(): Promise<void> {
  const token = localStorage.getItem(REFRESH_KEY);
  endSession();
  if (token !== null) {
    await postJson("/api/v1/auth/logout", { refresh_token: token }).catch(() => undefined);
  }
}
