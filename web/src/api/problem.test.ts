import { describe, expect, it } from "vitest";
import { fieldErrors, problemOf } from "./problem";

describe("problems", () => {
  it("puts each field's message under the input's own name", () => {
    const problem = problemOf({
      status: 422,
      data: {
        title: "Validation failed",
        status: 422,
        detail: "2 inputs are invalid",
        errors: [
          { field: "body.budget.amount", message: "must be positive", code: "greater_than" },
          { field: "body.name", message: "required", code: "missing" },
        ],
      },
    });
    expect(problem?.detail).toBe("2 inputs are invalid");
    expect(fieldErrors(problem)).toEqual({ "budget.amount": "must be positive", name: "required" });
  });

  it("says something readable when the server sent no problem", () => {
    expect(problemOf({ status: "FETCH_ERROR", error: "TypeError" })?.detail).toBe("FETCH_ERROR");
    expect(problemOf({ status: 502, data: "<html>" })?.detail).toBe("HTTP 502");
  });
});
