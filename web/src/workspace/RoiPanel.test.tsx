import { fireEvent, render, screen, within } from "@testing-library/react";
import { Provider } from "react-redux";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EventOut, RoiOut } from "../api";
import { startSession } from "../auth/session";
import { makeStore } from "../store";
import { fakeServer } from "../test/fakeServer";
import { RoiPanel } from "./RoiPanel";

const EVENT = { id: "e1", name: "Конференция", guests_count: 300, event_type: "conference" } as EventOut;

const ROI: RoiOut = {
  mode: "tickets",
  currency: "RUB",
  costs: "1207800.00",
  revenue: "1500000.00",
  profit: "292200.00",
  roi_percent: "24.19",
  margin_percent: "19.48",
  attendance: 300,
  cost_per_attendee: "4026.00",
  revenue_by_stream: { tickets: "1500000.00" },
  break_even_attendance: 242,
  break_even_price: "4026.00",
  formula: "profit = revenue − costs",
};

function renderPanel(event = EVENT) {
  startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
  return render(
    <Provider store={makeStore()}>
      <RoiPanel event={event} />
    </Provider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("RoiPanel", () => {
  it("sends the ticket price and attendance and shows the figures the API computed", async () => {
    const server = fakeServer({ "POST /api/v1/finance/events/e1/roi-analysis": () => ({ body: ROI }) });
    renderPanel();
    const form = screen.getByRole("form", { name: "Окупаемость (ROI)" });
    expect(within(form).getByLabelText(/Ожидаемая посещаемость/)).toHaveValue("300");
    fireEvent.change(within(form).getByLabelText(/Цена билета/), { target: { value: "5 000" } });
    fireEvent.click(within(form).getByRole("button", { name: "Рассчитать ROI" }));

    const result = await screen.findByTestId("roi-result");
    expect(within(result).getByTestId("roi-profit-text").textContent).toMatch(/^292\s200\s₽$/);
    expect(within(result).getByTestId("roi-percent-text").textContent).toMatch(/^24,2\s%$/);
    expect(within(result).getByTestId("roi-margin-text").textContent).toMatch(/^19,5\s%$/);
    expect(within(result).getByTestId("roi-break-even-attendance-text").textContent).toBe("242");
    expect(within(result).getByTestId("roi-break-even-price-text").textContent).toMatch(/^4\s026\s₽$/);
    expect(server.requests[0]?.body).toEqual({
      tiers: [{ name: "Стандарт", price: "5000", attendance: 300 }],
      cost_per_attendee: "0",
    });
  });

  it("keeps invalid input in the browser with a message next to each field", () => {
    const server = fakeServer({});
    renderPanel({ ...EVENT, guests_count: null });
    const form = screen.getByRole("form", { name: "Окупаемость (ROI)" });
    fireEvent.change(within(form).getByLabelText(/Цена билета/), { target: { value: "-5" } });
    fireEvent.click(within(form).getByRole("button", { name: "Рассчитать ROI" }));

    expect(within(form).getByLabelText(/Цена билета/)).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByText("Должно быть больше нуля")).toBeVisible();
    expect(within(form).getByLabelText(/Ожидаемая посещаемость/)).toHaveAttribute("aria-invalid", "true");
    expect(within(form).getByText("Обязательное поле")).toBeVisible();
    expect(server.requests).toHaveLength(0);
  });

  it("asks a corporate event for its business value and shows the API's refusal", async () => {
    const server = fakeServer({
      "POST /api/v1/finance/events/e1/roi-analysis": () => ({
        status: 422,
        body: { title: "Unprocessable", status: 422, detail: "Give the costs: the event has neither estimate nor budget" },
      }),
    });
    renderPanel({ ...EVENT, event_type: "team_building", guests_count: 80 });
    const form = screen.getByRole("form", { name: "Окупаемость (ROI)" });
    expect(within(form).getByRole("button", { name: "Бизнес-ценность" })).toHaveAttribute("aria-pressed", "true");
    fireEvent.change(within(form).getByLabelText(/Лидов/), { target: { value: "40" } });
    fireEvent.change(within(form).getByLabelText(/Конверсия/), { target: { value: "12,5" } });
    fireEvent.change(within(form).getByLabelText(/Средняя сделка/), { target: { value: "250000" } });
    fireEvent.click(within(form).getByRole("button", { name: "Рассчитать ROI" }));

    expect(await within(form).findByRole("alert")).toHaveTextContent("neither estimate nor budget");
    expect(server.requests[0]?.body).toEqual({
      attendees: 80,
      business_value: { leads: 40, conversion_percent: "12.5", average_deal: "250000" },
    });
  });
});
