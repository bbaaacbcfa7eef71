import type { EventFormat, EventStatus, EventType } from "../api";

export const EVENT_TYPES: EventType[] = [
  "conference",
  "forum",
  "seminar",
  "webinar",
  "exhibition",
  "corporate_party",
  "team_building",
  "product_launch",
  "award_ceremony",
  "wedding",
  "birthday",
  "festival",
  "concert",
  "sports_event",
  "other",
];

export const EVENT_STATUSES: EventStatus[] = [
  "draft",
  "planning",
  "confirmed",
  "in_progress",
  "completed",
  "cancelled",
  "archived",
];

export const EVENT_FORMATS: EventFormat[] = ["offline", "online", "hybrid"];
