import { describe, expect, it } from "vitest";
import { decimalText, inputAmount, positiveProblem, wholeNumber } from "./numbers";

describe("numbers typed into money fields", () => {
  it("reads Russian and plain writing as exact decimal strings", () => {
    expect(decimalText("1 500 000")).toBe("1500000");
    expect(decimalText("12,5")).toBe("12.5");
    expect(decimalText("4026.40")).toBe("4026.40");
    expect(decimalText("-5")).toBeNull();
    expect(decimalText("abc")).toBeNull();
    expect(wholeNumber("300")).toBe(300);
    expect(wholeNumber("2,5")).toBeNull();
  });

  it("prefills amounts in a form it reads back", () => {
    expect(inputAmount("2999428.40")).toBe("2\u00a0999\u00a0428");
    expect(decimalText(inputAmount("1207800.5"))).toBe("1207801");
  });

  it("names the problem of a field", () => {
    expect(positiveProblem("")).toBe("validation.required");
    expect(positiveProblem("0")).toBe("validation.positive");
    expect(positiveProblem("2.5", true)).toBe("validation.positive");
    expect(positiveProblem("12 000")).toBeNull();
  });
});
