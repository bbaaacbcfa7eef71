import { fireEvent, render, screen, within } from "@testing-library/react";
import { Provider } from "react-redux";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EventOut, PricingOut } from "../api";
import { startSession } from "../auth/session";
import { makeStore } from "../store";
import { fakeServer } from "../test/fakeServer";
import { PricingPanel } from "./PricingPanel";

const EVENT = { id: "e1", name: "Конференция", guests_count: 300, event_type: "conference" } as EventOut;

const point = (price: string, attendance: string, profit: string) => ({
  price,
  attendance,
  revenue: String(Number(price) * Number(attendance)),
  profit,
});

const PRICING: PricingOut = {
  currency: "RUB",
  model: "elastic",
  parameters: { scale: "1.2e9", elasticity: "1.6" },
  optimum: point("6500", "280", "612200"),
  exact_price: "6512.3",
  capacity_binds: true,
  capped: false,
  sensitivity: [point("5000", "300", "292200"), point("6500", "280", "612200"), point("8000", "200", "392200")],
  tiers: [
    { name: "early_bird", price: "5200", seats: 56 },
    { name: "standard", price: "6500", seats: 196 },
    { name: "late", price: "7500", seats: 28 },
  ],
  explanation: "p* = …",
};

afterEach(() => vi.unstubAllGlobals());

describe("PricingPanel", () => {
  it("takes capacity and costs from the event and shows the optimum the API found", async () => {
    startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
    const server = fakeServer({ "POST /api/v1/finance/pricing-optimization": () => ({ body: PRICING }) });
    render(
      <Provider store={makeStore()}>
        <PricingPanel event={EVENT} fixedCosts="1207800.40" />
      </Provider>,
    );
    const form = screen.getByRole("form", { name: "Оптимальная цена билета" });
    expect(within(form).getByLabelText(/Вместимость/)).toHaveValue("300");
    expect(within(form).getByLabelText(/Постоянные затраты/)).toHaveValue("1\u00a0207\u00a0800");

    fireEvent.click(within(form).getByRole("button", { name: "Подобрать цену" }));
    expect(within(form).getByText("Обязательное поле")).toBeVisible();
    expect(server.requests).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText(/Известная цена/), { target: { value: "5000" } });
    fireEvent.click(within(form).getByRole("button", { name: "Подобрать цену" }));

    const result = await screen.findByTestId("pricing-result");
    expect(within(result).getByTestId("pricing-price-text").textContent).toMatch(/^6\s500\s₽$/);
    expect(within(result).getByTestId("pricing-attendance-text").textContent).toBe("280");
    expect(within(result).getByTestId("pricing-profit-text").textContent).toMatch(/^612\s200\s₽$/);
    expect(within(result).getByText(/Зал заполняется раньше пика прибыли/)).toBeVisible();
    expect(within(result).getByText(/ранняя — 5\s200\s₽ × 56/)).toBeVisible();
    expect(within(result).getByRole("img", { name: "Прибыль в зависимости от цены" })).toBeInTheDocument();
    expect(server.requests[0]?.body).toEqual({
      model: "elastic",
      event_type: "conference",
      anchor_price: "5000",
      anchor_attendance: "300",
      capacity: 300,
      fixed_costs: "1207800",
      cost_per_attendee: "0",
      max_price: null,
    });
  });
});
