// Vendors' payment terms as the schedule form edits them (text, as typed) and as the API
// stores them. Amounts pass through unchanged: a contract's total and its stages' days
// before the event are the API's, copied, never recomputed here.
import type { ContractOut, VendorTermsIn, VendorTermsOut } from "../api";
import { decimalText } from "./numbers";

export interface TermsRow {
  vendor: string;
  category: string;
  amount: string;
  depositPercent: string;
  depositDays: string;
  balanceDays: string;
  paid: string;
  /** The contract's signing date: no deposit falls due before it. */
  signedOn: string | null;
}

/** "1500000.50" → "1 500 000.50" (no-break spaces, which decimalText reads back exactly). */
export function exactAmount(value: string): string {
  const [whole = "0", fraction = ""] = value.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return /^0*$/.test(fraction) ? grouped : `${grouped}.${fraction}`;
}

const plainNumber = (value: string) => String(Number(value));

export function rowFromStored(terms: VendorTermsOut): TermsRow {
  return {
    vendor: terms.vendor,
    category: terms.category,
    amount: exactAmount(terms.amount.amount),
    depositPercent: plainNumber(terms.deposit_percent),
    depositDays: String(terms.deposit_days_before),
    balanceDays: String(terms.balance_days_before),
    paid: Number(terms.paid) > 0 ? exactAmount(terms.paid) : "",
    signedOn: terms.signed_on,
  };
}

/** A sent or signed contract's terms: its VAT-inclusive total, the prepayment's share, and
 * when each stage is due relative to the event. A stage the contract lacks (no prepayment,
 * or all of it up front) falls due with the other; a prepayment due after the final
 * payment (a contract drawn up days before the event) makes both due together. */
export function rowFromContract(contract: ContractOut): TermsRow | null {
  const prepayment = contract.payment_schedule.find((stage) => stage.stage === "prepayment");
  const final = contract.payment_schedule.find((stage) => stage.stage === "final");
  const first = prepayment ?? final;
  const last = final ?? prepayment;
  if (!first || !last) return null;
  const depositDays = first.days_before_event;
  return {
    vendor: contract.vendor_name,
    category: contract.category,
    amount: exactAmount(contract.total.amount),
    depositPercent: String(prepayment?.percent ?? 0),
    depositDays: String(depositDays),
    balanceDays: String(Math.min(last.days_before_event, depositDays)),
    paid: "",
    signedOn: contract.signed_on,
  };
}

export function rowsFromContracts(contracts: ContractOut[]): TermsRow[] {
  return contracts
    .filter((contract) => contract.status === "sent" || contract.status === "signed")
    .map(rowFromContract)
    .filter((row): row is TermsRow => row !== null);
}

/** Rows already checked by the form, as the API takes them. */
export function termsFromRows(rows: TermsRow[]): VendorTermsIn[] {
  return rows.map((row) => ({
    vendor: row.vendor.trim(),
    category: row.category,
    amount: { amount: decimalText(row.amount) ?? "0", currency: "RUB" },
    deposit_percent: decimalText(row.depositPercent) ?? "0",
    deposit_days_before: Number(row.depositDays),
    balance_days_before: Number(row.balanceDays),
    paid: decimalText(row.paid) ?? "0",
    ...(row.signedOn ? { signed_on: row.signedOn } : {}),
  }));
}
