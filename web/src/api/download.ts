// Exports need the bearer token, so a plain link cannot fetch them: fetch the file and hand
// it to the browser as a download under the server's file name.
import { getAccessToken, refreshSession } from "../auth/session";

function filenameFrom(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename="?([^";]+)"?/);
  return match?.[1] ?? fallback;
}

async function authorizedFetch(url: string): Promise<Response> {
  const attempt = () =>
    fetch(url, { headers: { Authorization: `Bearer ${getAccessToken() ?? ""}` } });
  const response = await attempt();
  if (response.status === 401 && (await refreshSession())) return attempt();
  return response;
}

export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const response = await authorizedFetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  saveBlob(blob, filenameFrom(response.headers.get("Content-Disposition"), fallbackName));
}

/** Hands a file made or fetched in the page to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
