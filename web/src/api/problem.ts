// RFC 9457 problems from the API, turned into what a form shows: one message and, when
// validation failed, a message per field.
import type { FetchBaseQueryError } from "@reduxjs/toolkit/query";
import type { SerializedError } from "@reduxjs/toolkit";

export interface FieldProblem {
  field: string;
  message: string;
  code: string;
}

export interface Problem {
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    "detail" in value &&
    typeof (value as { detail: unknown }).detail === "string"
  );
}

export function problemOf(
  error: FetchBaseQueryError | SerializedError | undefined | unknown,
): Problem | null {
  if (error === undefined || error === null) return null;
  if (typeof error === "object" && "data" in error && isProblem(error.data)) return error.data;
  if (typeof error === "object" && "status" in error) {
    const status = (error as { status: unknown }).status;
    return {
      title: "Error",
      status: typeof status === "number" ? status : 0,
      detail: typeof status === "number" ? `HTTP ${status}` : String(status),
    };
  }
  if (error instanceof Error) return { title: "Error", status: 0, detail: error.message };
  return { title: "Error", status: 0, detail: String(error) };
}

/** Field messages keyed by the input name: `body.budget.amount` → `budget.amount`. */
export function fieldErrors(problem: Problem | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    const key = error.field.replace(/^(body|query|path)\./, "");
    result[key] ??= error.message;
  }
  return result;
}

/** What to show next to one field after a failed save: its own message, else the problem's. */
export function messageFor(error: unknown, field: string): string | null {
  const problem = problemOf(error);
  if (problem === null) return null;
  return fieldErrors(problem)[field] ?? problem.detail;
}
