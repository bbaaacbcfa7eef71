// The shortlist lives in the browser per event: it is a working note of the organiser's,
// not a record the agency shares, so localStorage is enough.
import { useCallback, useState } from "react";

export interface ShortlistItem {
  id: string;
  name: string;
  category: string;
}

const keyOf = (eventId: string) => `maestro.shortlist.${eventId}`;
const contractsKeyOf = (eventId: string) => `maestro.contracts.${eventId}`;

function read(key: string): unknown {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function load(eventId: string): ShortlistItem[] {
  const parsed = read(keyOf(eventId));
  return Array.isArray(parsed) ? (parsed as ShortlistItem[]) : [];
}

// Which contract the organiser drew up for which vendor of the event, so that its status is
// still at hand after a reload (the API has no list of contracts per event).
export function useEventContracts(eventId: string) {
  const [contracts, setContracts] = useState<Record<string, string>>(() => {
    const parsed = read(contractsKeyOf(eventId));
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
  });
  const save = useCallback(
    (next: Record<string, string>) => {
      setContracts(next);
      window.localStorage.setItem(contractsKeyOf(eventId), JSON.stringify(next));
    },
    [eventId],
  );
  return [contracts, save] as const;
}

export function useShortlist(eventId: string) {
  const [items, setItems] = useState<ShortlistItem[]>(() => load(eventId));
  const save = useCallback(
    (next: ShortlistItem[]) => {
      setItems(next);
      window.localStorage.setItem(keyOf(eventId), JSON.stringify(next));
    },
    [eventId],
  );
  const has = (id: string) => items.some((item) => item.id === id);
  const toggle = (item: ShortlistItem) =>
    save(has(item.id) ? items.filter((other) => other.id !== item.id) : [...items, item]);
  const remove = (id: string) => save(items.filter((item) => item.id !== id));
  return { items, has, toggle, remove };
}
