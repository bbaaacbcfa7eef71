// The generated API with the few endpoints whose wire format codegen cannot express.
import { maestroApi } from "./generated";

const OVERVIEW_SOURCES = ["dashboard", "events", "planning", "finance", "vendors"] as const;

export const api = maestroApi.enhanceEndpoints({
  endpoints: {
    // OAuth2's password flow takes a form, not JSON.
    token: {
      query: (arg) => ({
        url: "/api/v1/auth/token",
        method: "POST",
        body: new URLSearchParams({
          username: arg.bodyTokenApiV1AuthTokenPost.username,
          password: arg.bodyTokenApiV1AuthTokenPost.password,
        }),
      }),
    },
    // An overview sums up what the other areas hold, so a change in any of them renews it.
    listEventOverviews: { providesTags: OVERVIEW_SOURCES },
    getEventOverview: { providesTags: OVERVIEW_SOURCES },
  },
});

export * from "./generated";
