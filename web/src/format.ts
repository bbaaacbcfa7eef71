// Dates and money shown per the interface language. API dates are calendar dates
// (YYYY-MM-DD): they are read as local dates so that no time zone moves them a day.
const LOCALES: Record<string, string> = { ru: "ru-RU", en: "en-GB" };

export function localeOf(language: string): string {
  return LOCALES[language] ?? "ru-RU";
}

export function parseIsoDate(value: string): Date {
  const [year, month, day] = value.split("-").map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}

export function toIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat(localeOf(language), {
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(parseIsoDate(value));
}

export function formatShortDate(value: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { day: "numeric", month: "short" }).format(
    parseIsoDate(value),
  );
}

export function formatMoney(
  amount: string | number | null | undefined,
  language: string,
  currency = "RUB",
): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  return new Intl.NumberFormat(localeOf(language), {
    style: "currency",
    currency,
    maximumFractionDigits: 0,
  }).format(Number(amount));
}

export function formatCompact(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { notation: "compact" }).format(value);
}

export function formatPercent(value: string | number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(
    Number(value),
  );
}

/** Whole days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / 86_400_000);
}
