import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Provider } from "react-redux";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ContractOut, EventOut, SelectionIn, SelectionOut, SelectResult } from "../api";
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
  vendor_name: "Лофт на Неглинной",
  category: "venue",
  signed_on: null,
  pdf_available: false,
} as ContractOut;

// The catalogue the fake API prices chosen vendors from: net price and VAT.
const CATALOGUE: Record<string, { name: string; net: string; vat: string | null }> = {
  v1: { name: "Лофт на Неглинной", net: "750000.00", vat: "150000.00" },
  v2: { name: "Зал «Арена»", net: "950000.00", vat: null },
  v3: { name: "Кейтеринг «Вкус»", net: "500000.00", vat: "100000.00" },
  v9: { name: "Шатёр «Лето»", net: "400000.00", vat: null },
};

/** A stand-in for the API's stored selection: PUT replaces it, GET reads it. */
function storedSelection(contracts: Record<string, { id: string; status: ContractOut["status"] }> = {}) {
  let items: SelectionIn["items"] = [];
  const read = (): SelectionOut => {
    const lines = items.map((item) => {
      const vendor = CATALOGUE[item.vendor_id]!;
      const net = String(item.price?.amount ?? vendor.net);
      const vat = vendor.vat ? (Number(net) * 0.2).toFixed(2) : null;
      return {
        category: item.category,
        vendor_id: item.vendor_id,
        vendor_name: vendor.name,
        vat_status: vendor.vat ? ("extra" as const) : ("exempt" as const),
        price: money(net),
        vat: vat ? money(vat) : null,
        total: money((Number(net) + Number(vat ?? 0)).toFixed(2)),
        note: item.note ?? null,
        availability: "free" as const,
        contract: contracts[item.vendor_id] ?? null,
      };
    });
    const sum = (pick: (line: (typeof lines)[number]) => string | undefined) =>
      lines.reduce((total, line) => total + Number(pick(line) ?? 0), 0).toFixed(2);
    return {
      event_id: "e1",
      items: lines,
      net: lines.length ? money(sum((line) => line.price.amount)) : null,
      vat: lines.length ? money(sum((line) => line.vat?.amount)) : null,
      total: lines.length ? money(sum((line) => line.total.amount)) : null,
      updated_at: lines.length ? "2027-03-01T10:00:00Z" : null,
    };
  };
  return {
    routes: {
      "GET /api/v1/vendors/events/e1/selection": () => ({ body: read() }),
      "PUT /api/v1/vendors/events/e1/selection": (request: { body: unknown }) => {
        items = (request.body as SelectionIn).items;
        return { body: read() };
      },
    },
    set: (next: SelectionIn["items"]) => {
      items = next;
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

function renderSelection(shortlist: { id: string; name: string; category: string }[] = []) {
  startSession({ access_token: "a", refresh_token: "r", token_type: "bearer", expires_in: 900 });
  render(
    <Provider store={makeStore()}>
      <VendorSelection event={EVENT} shortlist={shortlist} />
    </Provider>,
  );
}

const puts = (requests: { method: string; path: string; body: unknown }[]) =>
  requests.filter((request) => request.method === "PUT" && request.path.endsWith("/selection")).map((request) => (request.body as SelectionIn).items);

describe("VendorSelection", () => {
  it("sends the event's city, date, guests and budget and shows the API's picks and total", async () => {
    const server = fakeServer({ "POST /api/v1/vendors/select": () => ({ body: FEASIBLE }), ...storedSelection().routes });
    renderSelection();
    expect(await screen.findByTestId("chosen-empty")).toBeVisible();
    fireEvent.click(screen.getByLabelText("Декор"));
    fireEvent.click(screen.getByRole("button", { name: "Подобрать для мероприятия" }));

    const total = await screen.findByTestId("selection-total");
    expect(total.textContent).toMatch(/^1\s500\s000\s₽$/);
    expect(screen.getAllByTestId("selection-pick")).toHaveLength(2);
    expect(screen.getByText(/Зал «Арена» — 950\s000\s₽/)).toBeVisible();
    expect(server.requests.find((request) => request.path.startsWith("/api/v1/vendors/select"))?.body).toMatchObject({
      city_geoname_id: 524901,
      date: "2027-04-15",
      guests: 300,
      categories: ["venue", "catering", "technical", "decoration"],
      budget: { amount: "3000000.00", currency: "RUB" },
      event_id: "e1",
    });
  });

  it("shows the conflicts and the checked relaxations when nothing fits", async () => {
    fakeServer({ "POST /api/v1/vendors/select": () => ({ body: INFEASIBLE }), ...storedSelection().routes });
    renderSelection();
    fireEvent.click(screen.getByRole("button", { name: "Подобрать для мероприятия" }));
    expect(await screen.findByText("Минимальная сумма 3 400 000 ₽ больше бюджета")).toBeVisible();
    const relaxation = screen.getByTestId("selection-relaxation");
    expect(relaxation).toHaveTextContent("Увеличить бюджет до 3 400 000 ₽");
    expect(relaxation.textContent).toMatch(/Итого тогда: 3\s400\s000\s₽/);
    expect(screen.queryByTestId("selection-total")).toBeNull();
  });

  it("asks for a category when none is chosen", () => {
    fakeServer(storedSelection().routes);
    renderSelection();
    for (const name of ["Площадка", "Кейтеринг", "Техника"]) fireEvent.click(screen.getByLabelText(name));
    expect(screen.getByText("Выберите хотя бы одну категорию")).toBeVisible();
    expect(screen.getByRole("button", { name: "Подобрать для мероприятия" })).toBeDisabled();
  });

  it("loads the stored choice with the API's totals, accepts the proposal, swaps and removes a pick", async () => {
    const stored = storedSelection();
    stored.set([{ category: "catering", vendor_id: "v3", price: money("450000.00"), note: "без алкоголя" }]);
    const server = fakeServer({ "POST /api/v1/vendors/select": () => ({ body: FEASIBLE }), ...stored.routes });
    renderSelection([{ id: "v9", name: "Шатёр «Лето»", category: "venue" }]);

    // What was chosen before the reload, with the agreed price and the API's totals.
    const rows = await screen.findAllByTestId("chosen-pick");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent("Кейтеринг «Вкус»");
    expect(rows[0]).toHaveTextContent("без алкоголя");
    expect(screen.getByTestId("chosen-total")).toHaveAttribute("data-value", "540000.00");
    expect(screen.getByTestId("chosen-total").textContent).toMatch(/^540\s000\s₽$/);

    fireEvent.click(screen.getByRole("button", { name: "Подобрать для мероприятия" }));
    fireEvent.click(await screen.findByRole("button", { name: "Принять подборку" }));
    expect(await screen.findByText("Подборка принята")).toBeVisible();
    // The proposal's venue is added; the catering vendor it also proposed keeps its agreed price.
    expect(puts(server.requests).at(-1)).toEqual([
      { category: "venue", vendor_id: "v1" },
      { category: "catering", vendor_id: "v3", price: money("450000.00"), note: "без алкоголя" },
    ]);
    await waitFor(() => expect(screen.getAllByTestId("chosen-pick")).toHaveLength(2));
    expect(screen.getByTestId("chosen-total")).toHaveAttribute("data-value", "1440000.00");

    // Swap the venue for the proposal's alternative, then for the shortlisted one.
    fireEvent.click(screen.getByRole("button", { name: "Выбрать Зал «Арена»" }));
    await waitFor(() => expect(screen.getAllByTestId("chosen-pick")[0]).toHaveTextContent("Зал «Арена»"));
    fireEvent.click(screen.getByRole("button", { name: "Заменить: Зал «Арена»" }));
    const menu = await screen.findByRole("menu");
    expect(within(menu).getAllByRole("menuitem").map((item) => item.textContent)).toEqual([
      "Лофт на Неглинной" + "Площадка · из подбора",
      "Шатёр «Лето»" + "Площадка · из избранного",
    ]);
    fireEvent.click(within(menu).getByText("Шатёр «Лето»"));
    await waitFor(() => expect(screen.getAllByTestId("chosen-pick")[0]).toHaveTextContent("Шатёр «Лето»"));
    expect(puts(server.requests).at(-1)?.[0]).toEqual({ category: "venue", vendor_id: "v9" });

    fireEvent.click(screen.getByRole("button", { name: "Убрать из выбранных: Кейтеринг «Вкус»" }));
    await waitFor(() => expect(screen.getAllByTestId("chosen-pick")).toHaveLength(1));
    expect(puts(server.requests).at(-1)).toEqual([{ category: "venue", vendor_id: "v9", price: money("400000.00"), note: null }]);
  });

  it("agrees a price and a note for a chosen vendor, checking the price first", async () => {
    const stored = storedSelection();
    stored.set([{ category: "venue", vendor_id: "v2" }]);
    const server = fakeServer(stored.routes);
    renderSelection();
    fireEvent.click(await screen.findByRole("button", { name: "Изменить цену и заметку: Зал «Арена»" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByLabelText("Согласованная цена без НДС, ₽"), { target: { value: "0" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить" }));
    expect(within(dialog).getByText("Должно быть больше нуля")).toBeVisible();
    expect(puts(server.requests)).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText("Согласованная цена без НДС, ₽"), { target: { value: "900 000,50" } });
    fireEvent.change(within(dialog).getByLabelText("Заметка"), { target: { value: "скидка за предоплату" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Сохранить" }));
    await waitFor(() => expect(screen.getByTestId("chosen-total")).toHaveAttribute("data-value", "900000.50"));
    expect(puts(server.requests)[0]).toEqual([
      { category: "venue", vendor_id: "v2", price: money("900000.50"), note: "скидка за предоплату" },
    ]);
  });

  it("starts a contract from a chosen vendor at its agreed price, sends, signs and cancels it after a confirmation", async () => {
    let status: ContractOut["status"] = "draft";
    const contracts: Record<string, { id: string; status: ContractOut["status"] }> = {};
    const stored = storedSelection(contracts);
    const server = fakeServer({
      ...stored.routes,
      "POST /api/v1/vendors/select": () => ({ body: FEASIBLE }),
      "POST /api/v1/vendors/contracts": () => {
        contracts.v1 = { id: "c1", status };
        return { status: 201, body: CONTRACT };
      },
      "GET /api/v1/vendors/contracts/c1": () => ({ body: { ...CONTRACT, status } }),
      ...Object.fromEntries(
        (["send", "sign", "cancel"] as const).map((action) => [
          `PUT /api/v1/vendors/contracts/c1/${action}`,
          () => {
            status = ({ send: "sent", sign: "signed", cancel: "cancelled" } as const)[action];
            contracts.v1 = { id: "c1", status };
            return { body: { ...CONTRACT, status } };
          },
        ]),
      ),
    });
    renderSelection();
    fireEvent.click(screen.getByRole("button", { name: "Подобрать для мероприятия" }));
    const row = (await screen.findAllByTestId("selection-pick"))[0]!;
    fireEvent.click(within(row).getByRole("button", { name: "Договор" }));

    // The proposed vendor is chosen first; the contract starts from the chosen one.
    const form = await screen.findByRole("form", { name: "Договор с Лофт на Неглинной" });
    expect(puts(server.requests)[0]).toEqual([{ category: "venue", vendor_id: "v1" }]);
    expect(await screen.findAllByTestId("chosen-pick")).toHaveLength(1);
    fireEvent.click(within(form).getByRole("button", { name: "Создать договор" }));
    expect(within(form).getByText("Обязательное поле")).toBeVisible();
    expect(server.requests.some((request) => request.path === "/api/v1/vendors/contracts")).toBe(false);

    fireEvent.change(within(form).getByLabelText(/Заказчик/), { target: { value: "ООО «Ромашка»" } });
    fireEvent.click(within(form).getByRole("button", { name: "Создать договор" }));

    expect(await screen.findByTestId("contract-status")).toHaveTextContent("Черновик");
    const created = server.requests.find((request) => request.path === "/api/v1/vendors/contracts");
    expect(created?.body).toMatchObject({
      vendor_id: "v1",
      event_id: "e1",
      event_date: "2027-04-15",
      guests: 300,
      client_name: "ООО «Ромашка»",
      amount: money("750000.00"),
    });
    expect(screen.getByRole("button", { name: "Договор (.docx)" })).toBeEnabled();
    // No converter on this server: no PDF button, and a plain word saying so.
    expect(screen.queryByRole("button", { name: "Договор (.pdf)" })).toBeNull();
    expect(screen.getByTestId("pdf-unavailable")).toHaveTextContent("DOCX");

    fireEvent.click(screen.getByRole("button", { name: "Отправить подрядчику" }));
    fireEvent.click(await screen.findByRole("button", { name: "Подписать" }));
    await waitFor(() => expect(screen.getByTestId("contract-status")).toHaveTextContent("Подписан"));
    expect(screen.queryByRole("button", { name: "Подписать" })).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId("chosen-pick")[0]).toHaveTextContent("Подписан"));

    // Cancelling asks first; keeping it sends nothing.
    fireEvent.click(screen.getByRole("button", { name: "Отменить договор" }));
    let dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("дата подрядчика освободится");
    fireEvent.click(within(dialog).getByRole("button", { name: "Не отменять" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(server.requests.some((request) => request.path.endsWith("/cancel"))).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Отменить договор" }));
    dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Да, отменить" }));
    await waitFor(() => expect(screen.getByTestId("contract-status")).toHaveTextContent("Отменён"));
    expect(await screen.findByRole("button", { name: "Составить новый договор" })).toBeVisible();
    expect(screen.queryByRole("button", { name: "Отменить договор" })).toBeNull();
  });

  it("offers the PDF where the server can make one", async () => {
    const stored = storedSelection({ v1: { id: "c1", status: "signed" } });
    stored.set([{ category: "venue", vendor_id: "v1" }]);
    fakeServer({ ...stored.routes, "GET /api/v1/vendors/contracts/c1": () => ({ body: { ...CONTRACT, status: "signed", pdf_available: true } }) });
    renderSelection();
    fireEvent.click(await screen.findByRole("button", { name: "Договор" }));
    expect(await screen.findByRole("button", { name: "Договор (.pdf)" })).toBeEnabled();
    expect(screen.queryByTestId("pdf-unavailable")).toBeNull();
  });
});
