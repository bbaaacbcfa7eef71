import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Provider } from "react-redux";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EventOut, EventOverview, PageEventOverview } from "../api";
import { startSession } from "../auth/session";
import { makeStore } from "../store";
import { fakeServer } from "../test/fakeServer";
import { DashboardPage } from "./DashboardPage";

function overview(id: string, name: string, eventType: string): EventOverview {
  return {
    event: { id, name, event_type: eventType, status: "planning", date: "2027-04-15", city: null } as EventOut,
    plan: { has_plan: true, tasks: 10, done: 1, progress: 10, overdue: 0, next_due: null },
    money: {
      has_budget: true,
      currency: "RUB",
      plan: "1000000.00",
      actual: "50000.00",
      paid: "0.00",
      remaining: "950000.00",
      used_percent: "5.0",
      overspent: false,
    },
    vendors: { contracts: { draft: 0, sent: 0, signed: 0, cancelled: 0 } },
  };
}

const PAGE: PageEventOverview = {
  items: [overview("e1", "Конференция", "conference"), overview("e2", "Свадьба Ивановых", "wedding")],
  total: 2,
  limit: 100,
  offset: 0,
};

afterEach(() => vi.unstubAllGlobals());

describe("DashboardPage", () => {
  it("draws every card from one overview request, and asks again with a filter", async () => {
    startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
    const server = fakeServer({
      "GET /api/v1/dashboard/events": (request) => ({
        body: request.path.includes("event_type=wedding")
          ? { ...PAGE, items: PAGE.items.slice(1), total: 1 }
          : PAGE,
      }),
    });
    render(
      <Provider store={makeStore()}>
        <MemoryRouter>
          <DashboardPage />
        </MemoryRouter>
      </Provider>,
    );

    expect(await screen.findAllByRole("article")).toHaveLength(2);
    const card = screen.getByRole("article", { name: "Свадьба Ивановых" });
    expect(within(card).getByText("Бюджет израсходован на 5%")).toBeVisible();
    expect(server.requests.map((request) => request.path)).toEqual(["/api/v1/dashboard/events?limit=100"]);

    fireEvent.mouseDown(screen.getByRole("combobox", { name: "Тип" }));
    fireEvent.click(await screen.findByRole("option", { name: "Свадьба" }));
    await waitFor(() => expect(screen.getAllByRole("article")).toHaveLength(1));
    expect(server.requests.map((request) => request.path)).toEqual([
      "/api/v1/dashboard/events?limit=100",
      "/api/v1/dashboard/events?event_type=wedding&limit=100",
    ]);
  });
});
