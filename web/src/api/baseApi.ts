// The one RTK Query API; generated.ts injects every endpoint of the OpenAPI document into it.
import { createApi, fetchBaseQuery } from "@reduxjs/toolkit/query/react";
import type { BaseQueryFn, FetchArgs, FetchBaseQueryError } from "@reduxjs/toolkit/query";
import { getAccessToken, hasRefreshToken, refreshSession } from "../auth/session";

// FastAPI reads a list parameter from repeated keys (`status=a&status=b`), not "a,b".
export function serializeParams(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== "") search.append(key, String(item));
    }
  }
  return search.toString();
}

const rawBaseQuery = fetchBaseQuery({
  // Absolute, so that the same code runs where Request needs a full URL (tests in Node).
  baseUrl: window.location.origin,
  paramsSerializer: serializeParams,
  prepareHeaders: (headers) => {
    const token = getAccessToken();
    if (token !== null) headers.set("Authorization", `Bearer ${token}`);
    return headers;
  },
});

/** On a 401, renew the session once and retry; a refused renewal signs out. */
export const authenticatedBaseQuery: BaseQueryFn<
  string | FetchArgs,
  unknown,
  FetchBaseQueryError
> = async (args, api, extra) => {
  let result = await rawBaseQuery(args, api, extra);
  if (result.error?.status === 401 && hasRefreshToken() && (await refreshSession())) {
    result = await rawBaseQuery(args, api, extra);
  }
  return result;
};

export const baseApi = createApi({
  reducerPath: "api",
  baseQuery: authenticatedBaseQuery,
  endpoints: () => ({}),
});
