// The event's chosen vendors as the organiser edits them: each change is a whole new set
// sent to the API (PUT replaces), so these are pure functions from the stored set to the
// next one. Prices are the API's: an item without a price keeps the stored one for the same
// vendor or takes the catalogue price, and every total shown comes back from the API.
import type { Category, CategoryPick, SelectionItemIn, SelectionOut } from "../api";
import type { ShortlistItem } from "./shortlist";

export const CATEGORY_ORDER: Category[] = ["venue", "catering", "decoration", "entertainment", "logistics", "technical"];

export interface VendorOption {
  vendorId: string;
  name: string;
  category: Category;
  source: "proposal" | "alternative" | "shortlist";
}

const ordered = (items: SelectionItemIn[]) =>
  [...items].sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));

const isCategory = (value: string): value is Category => (CATEGORY_ORDER as string[]).includes(value);

/** The stored set as the API takes it back: unchanged items keep their agreed price and note. */
export function storedItems(selection: SelectionOut | undefined): SelectionItemIn[] {
  return (selection?.items ?? []).map((item) => ({
    category: item.category,
    vendor_id: item.vendor_id,
    price: { amount: item.price.amount, currency: "RUB" },
    note: item.note,
  }));
}

/** One vendor for a category: replaces the category's choice, or adds it. */
export function choose(items: SelectionItemIn[], category: Category, vendorId: string): SelectionItemIn[] {
  const current = items.find((item) => item.category === category);
  if (current?.vendor_id === vendorId) return items;
  return ordered([...items.filter((item) => item.category !== category), { category, vendor_id: vendorId }]);
}

/** The optimiser's picks into the stored set; categories it did not cover stay as they are. */
export function acceptProposal(items: SelectionItemIn[], picks: CategoryPick[]): SelectionItemIn[] {
  return picks.reduce((next, pick) => choose(next, pick.category, pick.vendor.vendor_id), items);
}

export function removeCategory(items: SelectionItemIn[], category: Category): SelectionItemIn[] {
  return items.filter((item) => item.category !== category);
}

/** The organiser's agreed price (before VAT, a decimal string) and note for one category. */
export function agree(items: SelectionItemIn[], category: Category, price: string, note: string): SelectionItemIn[] {
  return items.map((item) =>
    item.category === category
      ? { ...item, price: { amount: price, currency: "RUB" }, note: note.trim() ? note.trim() : null }
      : item,
  );
}

/** Who could take a category instead: the optimiser's pick and alternatives, then the
 * shortlist; each vendor once, the chosen one left out. */
export function optionsFor(
  category: Category,
  chosenVendorId: string | null,
  picks: CategoryPick[],
  shortlist: ShortlistItem[],
): VendorOption[] {
  const options: VendorOption[] = [];
  const pick = picks.find((item) => item.category === category);
  if (pick) {
    options.push({ vendorId: pick.vendor.vendor_id, name: pick.vendor.name, category, source: "proposal" });
    for (const alternative of pick.alternatives) {
      options.push({ vendorId: alternative.vendor_id, name: alternative.name, category, source: "alternative" });
    }
  }
  for (const item of shortlist) {
    if (item.category === category) options.push({ vendorId: item.id, name: item.name, category, source: "shortlist" });
  }
  const seen = new Set<string>(chosenVendorId ? [chosenVendorId] : []);
  return options.filter((option) => (seen.has(option.vendorId) ? false : (seen.add(option.vendorId), true)));
}

/** Shortlisted vendors for categories nothing is chosen for yet: what "add" offers. */
export function addable(items: SelectionItemIn[], shortlist: ShortlistItem[]): VendorOption[] {
  const taken = new Set(items.map((item) => item.category));
  const seen = new Set<string>();
  return shortlist
    .filter((item) => isCategory(item.category) && !taken.has(item.category))
    .filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)))
    .map((item) => ({ vendorId: item.id, name: item.name, category: item.category as Category, source: "shortlist" as const }));
}
