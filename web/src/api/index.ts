// The generated API with the few endpoints whose wire format codegen cannot express.
import { maestroApi } from "./generated";

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
  },
});

export * from "./generated";
