import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Provider } from "react-redux";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BudgetOut, ContractOut, PaymentScheduleOut, PaymentTermsIn, PaymentTermsOut } from "../api";
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

/** The API's stored terms: PUT replaces them, GET reads them back. */
function storedTerms(initial: PaymentTermsOut["vendors"] = []) {
  let vendors = initial;
  return {
    "GET /api/v1/finance/events/e1/payment-terms": () => ({ body: { event_id: "e1", vendors, updated_at: null } }),
    "PUT /api/v1/finance/events/e1/payment-terms": (request: { body: unknown }) => {
      vendors = (request.body as PaymentTermsIn).vendors.map((v) => ({
        ...v,
        amount: { amount: String(v.amount.amount), currency: "RUB" as const },
        deposit_percent: String(v.deposit_percent ?? "50"),
        deposit_days_before: v.deposit_days_before ?? 30,
        balance_days_before: v.balance_days_before ?? 3,
        paid: String(v.paid ?? "0"),
        signed_on: v.signed_on ?? null,
      }));
      return { body: { event_id: "e1", vendors, updated_at: "2027-03-20T10:00:00Z" } };
    },
  };
}

const posted = (requests: { method: string; path: string; body: unknown }[], path: string) =>
  requests.filter((request) => request.method !== "GET" && request.path === path).map((request) => request.body);
const SCHEDULE_PATH = "/api/v1/finance/events/e1/payment-schedule";
const TERMS_PATH = "/api/v1/finance/events/e1/payment-terms";

describe("PaymentSchedulePanel", () => {
  it("fills vendors' terms from the estimate and shows the schedule with what is overdue", async () => {
    startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
    const server = fakeServer({ "POST /api/v1/finance/events/e1/payment-schedule": () => ({ body: SCHEDULE }), ...storedTerms() });
    render(
      <Provider store={makeStore()}>
        <PaymentSchedulePanel eventId="e1" budget={BUDGET} />
      </Provider>,
    );
    const form = await screen.findByRole("form", { name: "График платежей" });
    fireEvent.click(within(form).getByRole("button", { name: "Построить график" }));
    expect(within(form).getAllByText("Обязательное поле")).toHaveLength(2);
    expect(server.requests.map((request) => request.method)).toEqual(["GET"]);

    fireEvent.click(within(form).getByRole("button", { name: "Заполнить из сметы" }));
    expect(within(form).getAllByTestId("terms-row")).toHaveLength(2);
    fireEvent.click(within(form).getByRole("button", { name: "Построить график" }));

    const result = await screen.findByTestId("payments-result");
    expect(within(result).getByTestId("payments-overdue-text").textContent).toMatch(/^366\s000\s₽$/);
    const rows = within(result).getAllByTestId("payment-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("просрочен");
    expect(rows[1]).not.toHaveTextContent("просрочен");
    const vendors = [
      { vendor: "Площадка", category: "venue", amount: { amount: "732000", currency: "RUB" }, deposit_percent: "50", deposit_days_before: 30, balance_days_before: 3, paid: "0" },
      { vendor: "Кейтеринг", category: "catering", amount: { amount: "366000", currency: "RUB" }, deposit_percent: "50", deposit_days_before: 30, balance_days_before: 3, paid: "0" },
    ];
    // The terms are saved with the event first, then the schedule is built from them.
    expect(posted(server.requests, TERMS_PATH)).toEqual([{ vendors }]);
    expect(posted(server.requests, SCHEDULE_PATH)).toEqual([{ period: "month", vendors }]);
  });

  it("loads the saved terms on open and builds the schedule from them", async () => {
    startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
    const server = fakeServer({
      "POST /api/v1/finance/events/e1/payment-schedule": () => ({ body: SCHEDULE }),
      ...storedTerms([
        { vendor: "Лофт", category: "venue", amount: { amount: "732000.00", currency: "RUB" }, deposit_percent: "40.00", deposit_days_before: 30, balance_days_before: 3, paid: "100000.00", signed_on: "2027-03-01" },
      ]),
    });
    render(
      <Provider store={makeStore()}>
        <PaymentSchedulePanel eventId="e1" budget={BUDGET} />
      </Provider>,
    );
    const form = await screen.findByRole("form", { name: "График платежей" });
    expect(within(form).getByLabelText("Поставщик")).toHaveValue("Лофт");
    expect(within(form).getByLabelText("Предоплата, %")).toHaveValue("40");
    expect(within(form).getByLabelText("Уже оплачено, ₽")).toHaveValue("100\u00a0000");
    expect(within(form).getByText(/Договор подписан/)).toBeVisible();
    expect(await screen.findByTestId("payments-result")).toBeVisible();
    expect(posted(server.requests, SCHEDULE_PATH)[0]).toEqual({
      period: "month",
      vendors: [
        { vendor: "Лофт", category: "venue", amount: { amount: "732000", currency: "RUB" }, deposit_percent: "40", deposit_days_before: 30, balance_days_before: 3, paid: "100000", signed_on: "2027-03-01" },
      ],
    });
    expect(posted(server.requests, TERMS_PATH)).toEqual([]);
  });

  it("fills the terms from the event's sent and signed contracts", async () => {
    startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
    const contract = (id: string, status: ContractOut["status"], vendor_name: string, category: string) =>
      ({
        id,
        status,
        vendor_name,
        category,
        total: { amount: "108000.00", currency: "RUB" },
        signed_on: status === "signed" ? "2027-03-02" : null,
        payment_schedule: [
          { stage: "prepayment", percent: 30, amount: "32400.00", due: "2027-03-07", days_before_event: 39 },
          { stage: "final", percent: 70, amount: "75600.00", due: "2027-04-12", days_before_event: 3 },
        ],
      }) as unknown as ContractOut;
    let contracts: ContractOut[] = [contract("c0", "draft", "Черновик", "venue")];
    const server = fakeServer({
      "POST /api/v1/finance/events/e1/payment-schedule": () => ({ body: SCHEDULE }),
      "GET /api/v1/vendors/contracts": () => ({ body: contracts }),
      ...storedTerms(),
    });
    render(
      <Provider store={makeStore()}>
        <PaymentSchedulePanel eventId="e1" budget={BUDGET} />
      </Provider>,
    );
    const form = await screen.findByRole("form", { name: "График платежей" });
    fireEvent.click(within(form).getByRole("button", { name: "Заполнить из договоров" }));
    expect(await within(form).findByText("У мероприятия нет отправленных или подписанных договоров.")).toBeVisible();
    expect(server.requests.some((request) => request.path === "/api/v1/vendors/contracts?event_id=e1")).toBe(true);

    contracts = [...contracts, contract("c1", "signed", "Звук «Эхо»", "technical"), contract("c2", "cancelled", "Отменён", "venue")];
    fireEvent.click(within(form).getByRole("button", { name: "Заполнить из договоров" }));
    await waitFor(() => expect(within(form).getByLabelText("Поставщик")).toHaveValue("Звук «Эхо»"));
    expect(within(form).getAllByTestId("terms-row")).toHaveLength(1);
    expect(within(form).getByRole("combobox", { name: "Статья" })).toHaveTextContent("Техника");
    fireEvent.click(within(form).getByRole("button", { name: "Построить график" }));
    await screen.findByTestId("payments-result");
    expect(posted(server.requests, TERMS_PATH)).toEqual([
      {
        vendors: [
          { vendor: "Звук «Эхо»", category: "technical", amount: { amount: "108000", currency: "RUB" }, deposit_percent: "30", deposit_days_before: 39, balance_days_before: 3, paid: "0", signed_on: "2027-03-02" },
        ],
      },
    ]);
  });

  it("puts the API's validation message next to the field it is about", async () => {
    startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
    fakeServer({
      ...storedTerms(),
      "PUT /api/v1/finance/events/e1/payment-terms": () => ({
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
    const form = await screen.findByRole("form", { name: "График платежей" });
    fireEvent.change(within(form).getByLabelText("Поставщик"), { target: { value: "Лофт" } });
    fireEvent.change(within(form).getByLabelText("Сумма, ₽"), { target: { value: "100000" } });
    fireEvent.change(within(form).getByLabelText("Предоплата за, дней"), { target: { value: "900" } });
    fireEvent.click(within(form).getByRole("button", { name: "Построить график" }));

    expect(await within(form).findByText("Input should be less than or equal to 730")).toBeVisible();
    expect(within(form).getByLabelText("Предоплата за, дней")).toHaveAttribute("aria-invalid", "true");
    expect(within(form).queryByRole("alert")).toBeNull();
  });
});
