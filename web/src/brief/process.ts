// The orchestrator's answer to a message (POST /api/v1/orchestration/process[/stream]).
// The result keys a brief produces: "plan", "budget" and "vendors".
import type {
  BudgetOut,
  Entities,
  GeneratedPlan,
  ProcessRequest,
  ProcessResponse,
  SelectResult,
} from "../api";
import { getAccessToken, refreshSession } from "../auth/session";
import { readEvents } from "./sse";

/** finance.estimate_budget answers with a budget that is not stored yet. */
export type EstimateOut = Omit<BudgetOut, "id" | "event_id" | "updated_at">;

export type StepState = "running" | "done" | "failed" | "skipped";
export type ProcessAnswer = ProcessResponse;

export interface BriefOutputs {
  plan: GeneratedPlan | null;
  budget: EstimateOut | null;
  vendors: SelectResult | null;
}

export function outputsOf(answer: ProcessAnswer): BriefOutputs {
  const output = <T,>(key: string) => (answer.results[key]?.output ?? null) as T | null;
  return {
    plan: output<GeneratedPlan>("plan"),
    budget: output<EstimateOut>("budget"),
    vendors: output<SelectResult>("vendors"),
  };
}

export interface StreamHandlers {
  onUnderstood: (data: { intent: string; confidence: number; entities: Entities }) => void;
  onStepStarted: (data: { step: string; skill: string }) => void;
  onStepFinished: (data: { step: string; skill: string; state: StepState; duration_ms: number }) => void;
}

export class ProcessError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function post(body: ProcessRequest): Promise<Response> {
  const send = () =>
    fetch("/api/v1/orchestration/process/stream", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "text/event-stream",
        Authorization: `Bearer ${getAccessToken() ?? ""}`,
      },
      body: JSON.stringify(body),
    });
  const response = await send();
  if (response.status === 401 && (await refreshSession())) return send();
  return response;
}

/** Streams one message through Maestro; resolves with the full answer. */
export async function processStream(
  request: ProcessRequest,
  handlers: StreamHandlers,
): Promise<ProcessAnswer> {
  const response = await post(request);
  if (!response.ok || response.body === null) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new ProcessError(problem?.detail ?? `HTTP ${response.status}`, response.status);
  }
  for await (const { event, data } of readEvents(response.body)) {
    const payload: unknown = JSON.parse(data);
    if (event === "understood") handlers.onUnderstood(payload as Parameters<StreamHandlers["onUnderstood"]>[0]);
    else if (event === "skill_started") handlers.onStepStarted(payload as Parameters<StreamHandlers["onStepStarted"]>[0]);
    else if (event === "skill_finished") handlers.onStepFinished(payload as Parameters<StreamHandlers["onStepFinished"]>[0]);
    else if (event === "answer") return payload as ProcessAnswer;
    else if (event === "error") {
      const problem = payload as { detail?: string; status?: number; problem?: { detail?: string; status?: number } };
      const inner = problem.problem ?? problem;
      throw new ProcessError(inner.detail ?? "error", inner.status ?? 500);
    }
  }
  throw new ProcessError("The stream ended without an answer", 502);
}
