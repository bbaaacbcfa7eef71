import type { Entities, EventCreate } from "../api";

/** The event a brief describes, in the events API's terms; the name is made up from it. */
export function eventFromEntities(entities: Entities, name: string): EventCreate {
  return {
    name,
    event_type: entities.event_type ?? "other",
    date: entities.date ?? null,
    date_end: entities.date_end ?? null,
    city: entities.city ? { name: entities.city.name, geoname_id: entities.city.geoname_id } : null,
    guests_count: entities.guests_count ?? null,
    budget: entities.budget ? { amount: entities.budget.amount, currency: entities.budget.currency } : null,
    format: entities.format ?? "offline",
  };
}
