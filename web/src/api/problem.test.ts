import { describe, expect, it } from "vitest";
import { fieldErrors, messageFor, problemOf } from "./problem";

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

  it("gives a field its own message, or the whole problem's when it has none", () => {
    const error = {
      status: 422,
      data: {
        title: "Validation failed",
        status: 422,
        detail: "1 input is invalid",
        errors: [{ field: "body.assignee", message: "at most 500 characters", code: "string_too_long" }],
      },
    };
    expect(messageFor(error, "assignee")).toBe("at most 500 characters");
    expect(messageFor(error, "status")).toBe("1 input is invalid");
    expect(messageFor(null, "status")).toBeNull();
  });
});
