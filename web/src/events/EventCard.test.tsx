import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EventOut, EventOverview, MoneySummary, PlanSummary } from "../api";
import { fakeServer } from "../test/fakeServer";
import { EventCard } from "./EventCard";

const EVENT = {
  id: "e1",
  name: "Конференция «Цифровая Москва»",
  event_type: "conference",
  status: "planning",
  date: "2027-04-15",
  city: { name: "Москва", geoname_id: 524901 },
  guests_count: 300,
  budget: { amount: "3000000.00", currency: "RUB" },
} as EventOut;

const PLAN: PlanSummary = {
  has_plan: true,
  tasks: 40,
  done: 12,
  progress: 43.4,
  overdue: 2,
  next_due: { id: "t1", title: "Подписать договор с площадкой", start_date: "2026-12-01", due_date: "2026-12-04" },
};

const MONEY: MoneySummary = {
  has_budget: true,
  currency: "RUB",
  plan: "2950000.00",
  actual: "150000.00",
  paid: "150000.00",
  remaining: "2800000.00",
  used_percent: "5.1",
  overspent: false,
};

const NO_PLAN: PlanSummary = { has_plan: false, tasks: 0, done: 0, progress: 0, overdue: 0, next_due: null };
const NO_MONEY: MoneySummary = {
  has_budget: false,
  currency: "RUB",
  plan: "0.00",
  actual: "0.00",
  paid: "0.00",
  remaining: "0.00",
  used_percent: "0.0",
  overspent: false,
};

function overview(changes: Partial<EventOverview> = {}): EventOverview {
  return {
    event: EVENT,
    plan: PLAN,
    money: MONEY,
    vendors: { contracts: { draft: 1, sent: 0, signed: 1, cancelled: 3 } },
    ...changes,
  };
}

function renderCard(value: EventOverview) {
  render(
    <MemoryRouter>
      <EventCard overview={value} />
    </MemoryRouter>,
  );
  return screen.getByRole("article", { name: EVENT.name });
}

function bar(section: HTMLElement): HTMLElement {
  const progress = section.querySelector<HTMLElement>(".MuiLinearProgress-root");
  if (!progress) throw new Error("no progress bar");
  return progress;
}

afterEach(() => vi.unstubAllGlobals());

describe("EventCard", () => {
  it("shows the summary it is given and asks the API for nothing", () => {
    const server = fakeServer({});
    const card = renderCard(overview());

    expect(within(card).getByRole("link")).toHaveAttribute("href", "/events/e1/plan");
    const plan = within(card).getByTestId("card-plan");
    expect(within(plan).getByText("План выполнен на 43%")).toBeVisible();
    expect(bar(plan)).toHaveAttribute("aria-valuenow", "43.4");
    expect(within(card).getByTestId("card-overdue")).toHaveTextContent("Просрочено задач: 2");
    expect(within(card).getByTestId("card-next-due").textContent).toMatch(
      /^Ближайший срок: 4 дек\. 2026( г\.)? — Подписать договор с площадкой$/,
    );
    const money = within(card).getByTestId("card-money");
    const used = within(money).getByText("Бюджет израсходован на 5%");
    expect(getComputedStyle(used).color).not.toBe(getComputedStyle(within(card).getByTestId("card-overdue")).color);
    expect(within(money).getByText(/^Потрачено 150\s000\s₽ из 2\s950\s000\s₽$/)).toBeVisible();
    expect(bar(money)).toHaveAttribute("aria-valuenow", "5.1");
    expect(bar(money)).not.toHaveClass("MuiLinearProgress-colorError");
    // Cancelled contracts are not among those to sign.
    expect(within(card).getByTestId("card-contracts")).toHaveTextContent("Договоров подписано: 1 из 2");
    expect(server.fetchMock).not.toHaveBeenCalled();
  });

  it("turns the budget red when more is spent than planned, the bar full", () => {
    const card = renderCard(
      overview({
        money: { ...MONEY, actual: "3318750.00", remaining: "-368750.00", used_percent: "112.5", overspent: true },
      }),
    );
    const money = within(card).getByTestId("card-money");
    expect(money).toHaveAttribute("data-overspent", "true");
    const used = within(money).getByText("Бюджет израсходован на 113%");
    expect(getComputedStyle(used).color).toBe(getComputedStyle(within(card).getByTestId("card-overdue")).color);
    expect(bar(money)).toHaveClass("MuiLinearProgress-colorError");
    expect(bar(money)).toHaveAttribute("aria-valuenow", "100");
  });

  it("says there is no plan yet, without a bar, an overdue count or a deadline", () => {
    const card = renderCard(overview({ plan: NO_PLAN }));
    const plan = within(card).getByTestId("card-plan");
    expect(plan).toHaveTextContent("Плана ещё нет");
    expect(plan.querySelector(".MuiLinearProgress-root")).toBeNull();
    expect(within(card).queryByTestId("card-overdue")).toBeNull();
    expect(within(card).queryByTestId("card-next-due")).toBeNull();
  });

  it("says there is no estimate yet, or what was spent without one", () => {
    const card = renderCard(
      overview({ money: NO_MONEY, vendors: { contracts: { draft: 0, sent: 0, signed: 0, cancelled: 0 } } }),
    );
    const money = within(card).getByTestId("card-money");
    expect(money).toHaveTextContent("Сметы ещё нет");
    expect(money.querySelector(".MuiLinearProgress-root")).toBeNull();
    expect(within(card).queryByText(/Бюджет израсходован/)).toBeNull();
    expect(within(card).getByTestId("card-contracts")).toHaveTextContent("Договоров ещё нет");
  });

  it("shows spending recorded without an estimate as an amount, not a share", () => {
    const card = renderCard(overview({ money: { ...NO_MONEY, actual: "5000.00", paid: "5000.00" } }));
    expect(within(card).getByTestId("card-money").textContent).toMatch(/^Потрачено 5\s000\s₽$/);
  });
});
