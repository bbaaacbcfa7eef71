import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Provider } from "react-redux";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ContractOut, EventOut, SelectResult } from "../api";
import { startSession } from "../auth/session";
import { makeStore } from "../store";
import { fakeServer } from "../test/fakeServer";
import { VendorSelection } from "./VendorSelection";

const EVENT = {
  id: "e1",
  name: "Конференция",
  client: null,
  guests_count: 300,
  date: "2027-04-15",
  city: { geoname_id: 524901, name: "Москва" },
  budget: { amount: "3000000.00", currency: "RUB" },
} as unknown as EventOut;

const money = (amount: string) => ({ amount, currency: "RUB" as const });

const FEASIBLE: SelectResult = {
  feasible: true,
  picks: [
    {
      category: "venue",
      vendor: { vendor_id: "v1", name: "Лофт на Неглинной", price: money("900000.00"), quality: 0.8 },
      alternatives: [{ vendor_id: "v2", name: "Зал «Арена»", price: money("950000.00"), quality: 0.7 }],
      eligible: 2,
    },
    {
      category: "catering",
      vendor: { vendor_id: "v3", name: "Кейтеринг «Вкус»", price: money("600000.00"), quality: 0.9 },
      alternatives: [],
      eligible: 1,
    },
  ],
  total: money("1500000.00"),
  explanation: ["Подобрано в рамках бюджета."],
  conflicts: [],
  relaxations: [],
  funnel: {},
};

const INFEASIBLE: SelectResult = {
  feasible: false,
  picks: [],
  total: null,
  explanation: [],
  conflicts: [{ category: null, constraint: "budget", detail: "Минимальная сумма 3 400 000 ₽ больше бюджета" }],
  relaxations: [
    { kind: "budget", category: null, value: "3400000", description: "Увеличить бюджет до 3 400 000 ₽", total: money("3400000.00") },
  ],
  funnel: {},
};

const CONTRACT = {
  id: "c1",
  vendor_id: "v1",
  event_id: "e1",
  event_date: "2027-04-15",
  client_name: "ООО «Ромашка»",
  scope: "Аренда зала",
  amount: money("737704.92"),
  vat: money("162295.08"),
  total: money("900000.00"),
  payment_schedule: [],
  cancellation_terms: "",
  status: "draft",
  audit: [],
} as ContractOut;

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

function renderSelection() {
  startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
  render(
    <Provider store={makeStore()}>
      <VendorSelection event={EVENT} />
    </Provider>,
  );
}

describe("VendorSelection", () => {
  it("sends the event's city, date, guests and budget and shows the API's picks and total", async () => {
    const server = fakeServer({ "POST /api/v1/vendors/select": () => ({ body: FEASIBLE }) });
    renderSelection();
    fireEvent.click(screen.getByLabelText("Декор"));
    fireEvent.click(screen.getByRole("button", { name: "Подобрать для мероприятия" }));

    const total = await screen.findByTestId("selection-total");
    expect(total.textContent).toMatch(/^1\s500\s000\s₽$/);
    expect(screen.getAllByTestId("selection-pick")).toHaveLength(2);
    expect(screen.getByText(/Зал «Арена» — 950\s000\s₽/)).toBeVisible();
    expect(server.requests[0]?.body).toMatchObject({
      city_geoname_id: 524901,
      date: "2027-04-15",
      guests: 300,
      categories: ["venue", "catering", "technical", "decoration"],
      budget: { amount: "3000000.00", currency: "RUB" },
      event_id: "e1",
    });
  });

  it("shows the conflicts and the checked relaxations when nothing fits", async () => {
    fakeServer({ "POST /api/v1/vendors/select": () => ({ body: INFEASIBLE }) });
    renderSelection();
    fireEvent.click(screen.getByRole("button", { name: "Подобрать для мероприятия" }));
    expect(await screen.findByText("Минимальная сумма 3 400 000 ₽ больше бюджета")).toBeVisible();
    const relaxation = screen.getByTestId("selection-relaxation");
    expect(relaxation).toHaveTextContent("Увеличить бюджет до 3 400 000 ₽");
    expect(relaxation.textContent).toMatch(/Итого тогда: 3\s400\s000\s₽/);
    expect(screen.queryByTestId("selection-total")).toBeNull();
  });

  it("asks for a category when none is chosen", () => {
    fakeServer({});
    renderSelection();
    for (const name of ["Площадка", "Кейтеринг", "Техника"]) fireEvent.click(screen.getByLabelText(name));
    expect(screen.getByText("Выберите хотя бы одну категорию")).toBeVisible();
    expect(screen.getByRole("button", { name: "Подобрать для мероприятия" })).toBeDisabled();
  });

  it("creates a contract for a pick, validates the client, sends and signs it", async () => {
    let status = "draft";
    const server = fakeServer({
      "POST /api/v1/vendors/select": () => ({ body: FEASIBLE }),
      "POST /api/v1/vendors/contracts": () => ({ status: 201, body: CONTRACT }),
      "GET /api/v1/vendors/contracts/c1": () => ({ body: { ...CONTRACT, status } }),
      "PUT /api/v1/vendors/contracts/c1/send": () => {
        status = "sent";
        return { body: { ...CONTRACT, status } };
      },
      "PUT /api/v1/vendors/contracts/c1/sign": () => {
        status = "signed";
        return { body: { ...CONTRACT, status } };
      },
    });
    renderSelection();
    fireEvent.click(screen.getByRole("button", { name: "Подобрать для мероприятия" }));
    const row = (await screen.findAllByTestId("selection-pick"))[0]!;
    fireEvent.click(within(row).getByRole("button", { name: "Договор" }));

    const form = screen.getByRole("form", { name: "Договор с Лофт на Неглинной" });
    fireEvent.click(within(form).getByRole("button", { name: "Создать договор" }));
    expect(within(form).getByText("Обязательное поле")).toBeVisible();
    expect(server.requests.some((request) => request.path === "/api/v1/vendors/contracts")).toBe(false);

    fireEvent.change(within(form).getByLabelText(/Заказчик/), { target: { value: "ООО «Ромашка»" } });
    fireEvent.click(within(form).getByRole("button", { name: "Создать договор" }));

    expect(await screen.findByTestId("contract-status")).toHaveTextContent("Черновик");
    const created = server.requests.find((request) => request.path === "/api/v1/vendors/contracts");
    expect(created?.body).toMatchObject({ vendor_id: "v1", event_id: "e1", event_date: "2027-04-15", guests: 300, client_name: "ООО «Ромашка»" });
    expect(screen.getByRole("button", { name: "Договор (.docx)" })).toBeEnabled();

    fireEvent.click(screen.getByRole("button", { name: "Отправить подрядчику" }));
    fireEvent.click(await screen.findByRole("button", { name: "Подписать" }));
    await waitFor(() => expect(screen.getByTestId("contract-status")).toHaveTextContent("Подписан"));
    expect(screen.queryByRole("button", { name: "Подписать" })).toBeNull();
  });
});
