import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Provider } from "react-redux";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EventOut, TaskChange, TaskOut, TimelineOut } from "../api";
import { startSession } from "../auth/session";
import { makeStore } from "../store";
import { fakeServer } from "../test/fakeServer";
import { PlanTab } from "./PlanTab";
import { task } from "./testTasks";

const EVENT = { id: "e1", name: "Конференция", date: "2027-03-01" } as EventOut;

function timeline(tasks: TaskOut[]): TimelineOut {
  const done = tasks.filter((t) => t.status === "done").length;
  return {
    event_id: "e1",
    event_date: "2027-03-01",
    start_date: "2027-02-01",
    today: "2027-01-25",
    progress: (100 * done) / tasks.length,
    overdue: 0,
    at_risk: 0,
    milestones: [],
    phases: [{ id: "concept", title: "Концепция", start_date: null, end_date: null, tasks: 2, done, progress: 0 }],
    feasibility: { feasible: true, available_days: 20, critical_path: [], explanation: null },
  } as unknown as TimelineOut;
}

/** A plan of two tasks, b after a, kept by the fake server as the real one would. */
function planServer(answer?: (body: Record<string, unknown>) => { status: number; body: unknown } | undefined) {
  startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
  const tasks = [
    task("a", "concept", "2027-02-01", "2027-02-03", { title: "Бриф", critical: true }),
    task("b", "concept", "2027-02-04", "2027-02-05", { title: "Смета", depends_on: ["a"] }),
  ];
  return fakeServer({
    "GET /api/v1/planning/events/e1/tasks": () => ({ body: tasks }),
    "GET /api/v1/planning/events/e1/timeline": () => ({ body: timeline(tasks) }),
    "PUT /api/v1/planning/tasks/a": (request) => {
      const body = request.body as Record<string, unknown>;
      const refusal = answer?.(body);
      if (refusal) return refusal;
      const edited = tasks[0] as TaskOut;
      Object.assign(edited, body);
      const moved = [];
      if (typeof body.due_date === "string") {
        edited.due_date = body.due_date === "2027-02-06" ? "2027-02-08" : body.due_date;
        const dependant = tasks[1] as TaskOut;
        dependant.start_date = "2027-02-09";
        dependant.due_date = "2027-02-10";
        moved.push({ id: "b", title: dependant.title, start_date: dependant.start_date, due_date: dependant.due_date });
      }
      const change: TaskChange = { task: { ...edited }, moved };
      return { body: change };
    },
  });
}

function renderTab() {
  render(
    <Provider store={makeStore()}>
      <PlanTab event={EVENT} />
    </Provider>,
  );
}

// The first render of the MUI page takes a while on a busy machine.
const LOADED = { timeout: 5000 };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("PlanTab", () => {
  it("saves a status chosen in the list, and the plan's progress follows", async () => {
    const server = planServer();
    renderTab();
    expect(await screen.findByText("Выполнено: 0%", {}, LOADED)).toBeVisible();
    const status = screen.getByLabelText("Статус задачи «Бриф»");
    await act(async () => {
      fireEvent.change(status, { target: { value: "done" } });
    });
    expect(await screen.findByText("Выполнено: 50%")).toBeVisible();
    const put = server.requests.find((request) => request.method === "PUT");
    expect(put?.body).toEqual({ status: "done" });
    expect(screen.getByLabelText("Статус задачи «Бриф»")).toHaveValue("done");
  });

  it("moves a due date from the chart with the keys; the dependant moves and is highlighted", async () => {
    const server = planServer();
    renderTab();
    const slider = await screen.findByRole("slider", { name: /Бриф/ }, LOADED);
    act(() => slider.focus());
    fireEvent.keyDown(slider, { key: "ArrowRight" });
    fireEvent.keyDown(slider, { key: "ArrowRight" });
    fireEvent.keyDown(slider, { key: "Enter" });
    expect(await screen.findByText("Срок изменён. Сдвинуто зависимых задач: 1")).toBeVisible();
    expect(server.requests.find((request) => request.method === "PUT")?.body).toEqual({ due_date: "2027-02-05" });
    await waitFor(() => expect(screen.getByLabelText("Срок задачи «Смета»")).toHaveValue("2027-02-10"));
    expect(screen.getByLabelText("Срок задачи «Бриф»")).toHaveValue("2027-02-05");
    const rows = screen.getAllByTestId("task-row");
    expect(rows.find((row) => row.dataset.taskId === "b")).toHaveAttribute("data-moved", "true");
    expect(rows.find((row) => row.dataset.taskId === "a")).not.toHaveAttribute("data-moved");
    expect(document.querySelector("[data-testid=gantt-task][data-task-id=b]")).toHaveAttribute("data-moved", "true");
  });

  it("says so when the server put the date on the next working day", async () => {
    planServer();
    renderTab();
    const slider = await screen.findByRole("slider", { name: /Бриф/ }, LOADED);
    fireEvent.keyDown(slider, { key: "ArrowRight", shiftKey: false });
    fireEvent.keyDown(slider, { key: "ArrowRight" });
    fireEvent.keyDown(slider, { key: "ArrowRight" });
    fireEvent.keyDown(slider, { key: "Enter" });
    expect(await screen.findByText(/ближайший рабочий день: 8 февр\. 2027 г\./)).toBeVisible();
  });

  it("shows a refused assignee next to its field", async () => {
    planServer((body) =>
      "assignee" in body
        ? {
            status: 422,
            body: {
              title: "Validation failed",
              status: 422,
              detail: "1 input is invalid",
              errors: [{ field: "body.assignee", message: "Слишком длинно", code: "string_too_long" }],
            },
          }
        : undefined,
    );
    renderTab();
    const assignee = await screen.findByLabelText("Ответственный за задачу «Бриф»", {}, LOADED);
    fireEvent.change(assignee, { target: { value: "Ольга" } });
    await act(async () => {
      fireEvent.keyDown(assignee, { key: "Enter" });
    });
    const row = assignee.closest("tr") as HTMLElement;
    expect(await within(row).findByText("Слишком длинно")).toBeVisible();
  });
});
