import { fireEvent, render, screen, within } from "@testing-library/react";
import { Provider } from "react-redux";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BudgetOut, PaymentScheduleOut } from "../api";
import { startSession } from "../auth/session";
import { makeStore } from "../store";
import { fakeServer } from "../test/fakeServer";
import { PaymentSchedulePanel } from "./PaymentSchedulePanel";

const BUDGET = {
  allocation: [
    { category: "venue", amount: "600000", with_vat: "732000", share_percent: "60" },
    { category: "catering", amount: "300000", with_vat: "366000", share_percent: "30" },
    { category: "contingency", amount: "90000", with_vat: "109800", share_percent: "10" },
  ],
} as unknown as BudgetOut;

const SCHEDULE: PaymentScheduleOut = {
  event_id: "e1",
  currency: "RUB",
  event_date: "2027-04-15",
  today: "2027-03-20",
  total: "1098000",
  outstanding: "1098000",
  overdue_amount: "366000",
  payments: [
    { vendor: "Площадка", category: "venue", kind: "deposit", due: "2027-03-16", amount: "366000", outstanding: "366000", overdue: true },
    { vendor: "Площадка", category: "venue", kind: "balance", due: "2027-04-12", amount: "366000", outstanding: "366000", overdue: false },
  ],
  cash_flow: [
    { period_start: "2027-03-01", amount: "366000", cumulative: "366000" },
    { period_start: "2027-04-01", amount: "366000", cumulative: "732000" },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe("PaymentSchedulePanel", () => {
  it("fills vendors' terms from the estimate and shows the schedule with what is overdue", async () => {
    startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
    const server = fakeServer({ "POST /api/v1/finance/events/e1/payment-schedule": () => ({ body: SCHEDULE }) });
    render(
      <Provider store={makeStore()}>
        <PaymentSchedulePanel eventId="e1" budget={BUDGET} />
      </Provider>,
    );
    const form = screen.getByRole("form", { name: "График платежей" });
    fireEvent.click(within(form).getByRole("button", { name: "Построить график" }));
    expect(within(form).getAllByText("Обязательное поле")).toHaveLength(2);
    expect(server.requests).toHaveLength(0);

    fireEvent.click(within(form).getByRole("button", { name: "Заполнить из сметы" }));
    expect(within(form).getAllByTestId("terms-row")).toHaveLength(2);
    fireEvent.click(within(form).getByRole("button", { name: "Построить график" }));

    const result = await screen.findByTestId("payments-result");
    expect(within(result).getByTestId("payments-overdue-text").textContent).toMatch(/^366\s000\s₽$/);
    const rows = within(result).getAllByTestId("payment-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("просрочен");
    expect(rows[1]).not.toHaveTextContent("просрочен");
    expect(server.requests[0]?.body).toEqual({
      period: "month",
      vendors: [
        { vendor: "Площадка", category: "venue", amount: { amount: "732000", currency: "RUB" }, deposit_percent: "50", deposit_days_before: 30, balance_days_before: 3, paid: "0" },
        { vendor: "Кейтеринг", category: "catering", amount: { amount: "366000", currency: "RUB" }, deposit_percent: "50", deposit_days_before: 30, balance_days_before: 3, paid: "0" },
      ],
    });
  });

  it("puts the API's validation message next to the field it is about", async () => {
    startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
    fakeServer({
      "POST /api/v1/finance/events/e1/payment-schedule": () => ({
        status: 422,
        body: {
          title: "Validation failed",
          status: 422,
          detail: "1 field is invalid",
          errors: [{ field: "body.vendors.0.deposit_days_before", message: "Input should be less than or equal to 730", code: "less_than_equal" }],
        },
      }),
    });
    render(
      <Provider store={makeStore()}>
        <PaymentSchedulePanel eventId="e1" budget={BUDGET} />
      </Provider>,
    );
    const form = screen.getByRole("form", { name: "График платежей" });
    fireEvent.change(within(form).getByLabelText("Поставщик"), { target: { value: "Лофт" } });
    fireEvent.change(within(form).getByLabelText("Сумма, ₽"), { target: { value: "100000" } });
    fireEvent.change(within(form).getByLabelText("Предоплата за, дней"), { target: { value: "900" } });
    fireEvent.click(within(form).getByRole("button", { name: "Построить график" }));

    expect(await within(form).findByText("Input should be less than or equal to 730")).toBeVisible();
    expect(within(form).getByLabelText("Предоплата за, дней")).toHaveAttribute("aria-invalid", "true");
    expect(within(form).queryByRole("alert")).toBeNull();
  });
});
