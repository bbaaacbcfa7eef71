import { describe, expect, it } from "vitest";
import { validateSignUp } from "./SignUpPage";

const t = (key: string) => key;

describe("sign-up form", () => {
  it("names every field that cannot be right before anything is sent", () => {
    expect(validateSignUp({ organization: " ", name: "", email: "anna@", password: "short" }, t)).toEqual({
      organization: "validation.required",
      name: "validation.required",
      email: "validation.email",
      password: "auth.passwordHint",
    });
    expect(
      validateSignUp({ organization: "A", name: "Anna", email: "anna@example.ru", password: "long-enough" }, t),
    ).toEqual({});
  });
});
