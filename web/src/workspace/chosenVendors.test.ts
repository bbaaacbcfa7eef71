import { describe, expect, it } from "vitest";
import type { CategoryPick, SelectionOut } from "../api";
import { acceptProposal, addable, agree, choose, optionsFor, removeCategory, storedItems } from "./chosenVendors";

const money = (amount: string) => ({ amount, currency: "RUB" as const });
const vendor = (vendor_id: string, name: string) => ({ vendor_id, name, price: money("1000.00"), quality: 0.5 });

const STORED = {
  event_id: "e1",
  items: [
    { category: "catering", vendor_id: "c1", vendor_name: "Вкус", vat_status: "exempt", price: money("300000.00"), vat: null, total: money("300000.00"), note: "без алкоголя", availability: "free", contract: null },
    { category: "technical", vendor_id: "t1", vendor_name: "Звук", vat_status: "extra", price: money("100000.00"), vat: money("20000.00"), total: money("120000.00"), note: null, availability: "free", contract: null },
  ],
  net: money("400000.00"),
  vat: money("20000.00"),
  total: money("420000.00"),
  updated_at: "2027-03-01T10:00:00Z",
} as SelectionOut;

const PICKS: CategoryPick[] = [
  { category: "venue", vendor: vendor("v1", "Лофт"), alternatives: [vendor("v2", "Арена"), vendor("v3", "Шатёр")], eligible: 3 },
  { category: "catering", vendor: vendor("c1", "Вкус"), alternatives: [vendor("c2", "Пир")], eligible: 2 },
];

describe("chosen vendors", () => {
  it("sends the stored set back with its agreed prices and notes", () => {
    expect(storedItems(STORED)).toEqual([
      { category: "catering", vendor_id: "c1", price: money("300000.00"), note: "без алкоголя" },
      { category: "technical", vendor_id: "t1", price: money("100000.00"), note: null },
    ]);
    expect(storedItems(undefined)).toEqual([]);
  });

  it("accepts a proposal: new categories in catalogue order, the same vendor kept with its price, others untouched", () => {
    expect(acceptProposal(storedItems(STORED), PICKS)).toEqual([
      { category: "venue", vendor_id: "v1" },
      { category: "catering", vendor_id: "c1", price: money("300000.00"), note: "без алкоголя" },
      { category: "technical", vendor_id: "t1", price: money("100000.00"), note: null },
    ]);
  });

  it("swaps a vendor without the old one's price or note, and removes a category", () => {
    const swapped = choose(storedItems(STORED), "catering", "c2");
    expect(swapped[0]).toEqual({ category: "catering", vendor_id: "c2" });
    expect(choose(swapped, "catering", "c2")).toBe(swapped);
    expect(removeCategory(swapped, "catering").map((item) => item.category)).toEqual(["technical"]);
  });

  it("records an agreed price and a note, an empty note as none", () => {
    const agreed = agree(storedItems(STORED), "technical", "95000.50", "  ");
    expect(agreed[1]).toEqual({ category: "technical", vendor_id: "t1", price: money("95000.50"), note: null });
    expect(agreed[0]).toEqual(storedItems(STORED)[0]);
  });

  it("offers the proposal, its alternatives and the shortlist for a category, each once, without the chosen one", () => {
    const shortlist = [
      { id: "v3", name: "Шатёр", category: "venue" },
      { id: "v7", name: "Усадьба", category: "venue" },
      { id: "d1", name: "Цветы", category: "decoration" },
    ];
    expect(optionsFor("venue", "v2", PICKS, shortlist)).toEqual([
      { vendorId: "v1", name: "Лофт", category: "venue", source: "proposal" },
      { vendorId: "v3", name: "Шатёр", category: "venue", source: "alternative" },
      { vendorId: "v7", name: "Усадьба", category: "venue", source: "shortlist" },
    ]);
    expect(optionsFor("logistics", null, PICKS, shortlist)).toEqual([]);
    expect(addable(storedItems(STORED), [...shortlist, { id: "x", name: "Что-то", category: "other" }, { id: "c9", name: "Ещё кейтеринг", category: "catering" }])).toEqual([
      { vendorId: "v3", name: "Шатёр", category: "venue", source: "shortlist" },
      { vendorId: "v7", name: "Усадьба", category: "venue", source: "shortlist" },
      { vendorId: "d1", name: "Цветы", category: "decoration", source: "shortlist" },
    ]);
  });
});
