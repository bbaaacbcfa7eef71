// One way to bring an event to life, used by the form and by "save as event" from a brief:
// create it, then plan it backwards from its date and estimate its budget. Each step needs
// the one before; a step that cannot run (no date or no guest count yet) is left for the
// workspace to offer.
import { api, type EventCreate, type EventOut } from "../api";
import type { AppDispatch } from "../store";

export async function createEventWithPlan(
  dispatch: AppDispatch,
  body: EventCreate,
  locale: "ru" | "en",
): Promise<EventOut> {
  const event = await dispatch(api.endpoints.createEvent.initiate({ eventCreate: body })).unwrap();
  if (event.date) {
    await dispatch(
      api.endpoints.generatePlan.initiate({ eventId: event.id, body: { locale } }),
    ).unwrap();
  }
  if (event.guests_count) {
    await dispatch(
      api.endpoints.createBudget.initiate({ eventId: event.id, budgetCreate: {} }),
    ).unwrap();
  }
  return event;
}
