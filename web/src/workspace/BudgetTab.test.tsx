import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Provider } from "react-redux";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BudgetOut, BudgetStatusOut, EventOut } from "../api";
import { startSession } from "../auth/session";
import { makeStore } from "../store";
import { fakeServer } from "../test/fakeServer";
import { BudgetTab } from "./BudgetTab";

const EVENT = { id: "e1", name: "Конференция", guests_count: 300 } as EventOut;

const BUDGET = {
  id: "b1",
  event_id: "e1",
  updated_at: "2026-11-24T00:00:00Z",
  reference_version: "2026.1",
  scenario: "standard",
  drivers: { event_type: "conference", format: "offline", guests: 300, hours: 8, days: 1, city_tier: "capital" },
  lines: [],
  totals: {
    currency: "RUB",
    subtotal: "900000",
    contingency_percent: "10",
    contingency: "90000",
    net: "990000",
    vat_rate_percent: "22",
    vat: "217800",
    total: "1207800",
    prices_include_vat: false,
  },
  allocation: [
    { category: "venue", amount: "600000", with_vat: "732000", share_percent: "60" },
    { category: "catering", amount: "300000", with_vat: "366000", share_percent: "30" },
  ],
  scenarios: {},
  fit: null,
  assumptions: [],
} as unknown as BudgetOut;

function status(actual: number): BudgetStatusOut {
  return {
    event_id: "e1",
    currency: "RUB",
    plan: "1098000",
    actual: String(actual),
    paid: "0",
    unpaid: String(actual),
    remaining: String(1098000 - actual),
    variance: String(actual - 1098000),
    variance_percent: "-90",
    status: "under",
    categories: [
      { category: "venue", plan: "732000", actual: String(actual), paid: "0", variance: "0", variance_percent: "0", status: "under" },
      { category: "catering", plan: "366000", actual: "0", paid: "0", variance: "0", variance_percent: "0", status: "under" },
    ],
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("BudgetTab", () => {
  it("records an expense and shows the new actual without a reload", async () => {
    startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
    let spent = 0;
    const server = fakeServer({
      "GET /api/v1/finance/events/e1/budget": () => ({ body: BUDGET }),
      "GET /api/v1/finance/budget-status/e1": () => ({ body: status(spent) }),
      "POST /api/v1/finance/events/e1/expenses": (request) => {
        spent += Number((request.body as { amount: { amount: string } }).amount.amount);
        return { status: 201, body: {} };
      },
    });
    render(
      <Provider store={makeStore()}>
        <BudgetTab event={EVENT} hasBudget />
      </Provider>,
    );
    const total = await screen.findByTestId("actual-total");
    expect(total.textContent).toMatch(/^0\s₽$/);

    const form = screen.getByRole("form", { name: "Добавить расход" });
    fireEvent.change(within(form).getByLabelText(/Сумма/), { target: { value: "150 000" } });
    fireEvent.click(within(form).getByRole("button", { name: "Добавить расход" }));

    await waitFor(() => expect(screen.getByTestId("actual-total").textContent).toMatch(/^150\s000\s₽$/));
    const sent = server.requests.find((request) => request.method === "POST");
    expect(sent?.body).toMatchObject({ category: "venue", amount: { amount: "150000", currency: "RUB" }, paid: false });
  });

  it("offers to estimate a budget the event does not have yet, without asking for it", async () => {
    startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
    const server = fakeServer({
      "POST /api/v1/finance/events/e1/budget": () => ({ status: 201, body: BUDGET }),
    });
    render(
      <Provider store={makeStore()}>
        <BudgetTab event={EVENT} hasBudget={false} />
      </Provider>,
    );
    expect(screen.getByText("У мероприятия ещё нет бюджета.")).toBeVisible();
    expect(screen.queryByLabelText(/Гостей/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Рассчитать смету" }));
    await waitFor(() => expect(server.requests).toHaveLength(1));
    expect(server.requests[0]).toMatchObject({ method: "POST", path: "/api/v1/finance/events/e1/budget", body: {} });
  });

  it("asks an event without a guest count for one, saves it on the event, then estimates", async () => {
    startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
    const server = fakeServer({
      "PATCH /api/v1/events/e1": () => ({ status: 200, body: { ...EVENT, guests_count: 80 } }),
      "POST /api/v1/finance/events/e1/budget": () => ({ status: 201, body: BUDGET }),
    });
    render(
      <Provider store={makeStore()}>
        <BudgetTab event={{ ...EVENT, guests_count: null }} hasBudget={false} />
      </Provider>,
    );
    const form = screen.getByRole("form", { name: "Рассчитать смету" });
    fireEvent.click(within(form).getByRole("button", { name: "Рассчитать смету" }));
    expect(within(form).getByText("Должно быть больше нуля")).toBeVisible();
    expect(server.requests).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText(/Гостей/), { target: { value: "80" } });
    fireEvent.click(within(form).getByRole("button", { name: "Рассчитать смету" }));
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(server.requests[0]).toMatchObject({ method: "PATCH", path: "/api/v1/events/e1", body: { guests_count: 80 } });
    expect(server.requests[1]).toMatchObject({ method: "POST", path: "/api/v1/finance/events/e1/budget", body: {} });
  });
});
