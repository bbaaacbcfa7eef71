// What people type into money and count fields ("150 000", "1 500,50") read as the exact
// decimal strings the API takes; null when the text is not a non-negative number.
export function decimalText(text: string): string | null {
  const clean = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return /^\d+(\.\d+)?$/.test(clean) ? clean : null;
}

export function wholeNumber(text: string): number | null {
  const clean = decimalText(text);
  return clean !== null && /^\d+$/.test(clean) ? Number(clean) : null;
}

/** A field's message key: required when empty, positive when not a number above zero. */
export function positiveProblem(text: string, whole = false): string | null {
  if (text.trim() === "") return "validation.required";
  const value = whole ? wholeNumber(text) : decimalText(text);
  return value === null || Number(value) <= 0 ? "validation.positive" : null;
}

export function formatNumber(value: string | number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Number(value));
}

/** A whole amount to prefill a field with: groups of three split by no-break spaces, which decimalText reads back in
 * any language (an English "2,999,428" would read as a decimal comma). */
export function inputAmount(value: string | number): string {
  return String(Math.round(Number(value))).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}
