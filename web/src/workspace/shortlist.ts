// The shortlist lives in the browser per event: it is a working note of the organiser's,
// not a record the agency shares, so localStorage is enough.
import { useCallback, useState } from "react";

export interface ShortlistItem {
  id: string;
  name: string;
  category: string;
}

const keyOf = (eventId: string) => `maestro.shortlist.${eventId}`;

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
