import { describe, expect, it } from "vitest";
import type { ContractOut } from "../api";
import { exactAmount, rowFromContract, rowFromStored, rowsFromContracts, termsFromRows } from "./paymentTerms";

const money = (amount: string) => ({ amount, currency: "RUB" as const });
const stage = (kind: "prepayment" | "final", percent: number, days: number) => ({
  stage: kind,
  percent,
  amount: "1",
  due: "2027-04-01",
  days_before_event: days,
});
const contract = (overrides: Partial<ContractOut>): ContractOut =>
  ({
    id: "c1",
    vendor_id: "v1",
    vendor_name: "Лофт «Граффити»",
    category: "venue",
    status: "signed",
    total: money("123456.78"),
    payment_schedule: [stage("prepayment", 30, 40), stage("final", 70, 3)],
    signed_on: "2027-03-01",
    ...overrides,
  }) as ContractOut;

describe("payment terms", () => {
  it("keeps amounts exact while grouping thousands", () => {
    expect(exactAmount("1500000.50")).toBe("1\u00a0500\u00a0000.50");
    expect(exactAmount("120000.00")).toBe("120\u00a0000");
  });

  it("takes a contract's total, prepayment share and due days as they are", () => {
    expect(rowFromContract(contract({}))).toEqual({
      vendor: "Лофт «Граффити»",
      category: "venue",
      amount: "123\u00a0456.78",
      depositPercent: "30",
      depositDays: "40",
      balanceDays: "3",
      paid: "",
      signedOn: "2027-03-01",
    });
  });

  it("makes a missing stage fall due with the other, and never the balance before the deposit", () => {
    const upFront = rowFromContract(contract({ payment_schedule: [stage("prepayment", 100, 20)] }));
    expect([upFront?.depositPercent, upFront?.depositDays, upFront?.balanceDays]).toEqual(["100", "20", "20"]);
    const noDeposit = rowFromContract(contract({ payment_schedule: [stage("final", 100, 3)] }));
    expect([noDeposit?.depositPercent, noDeposit?.depositDays, noDeposit?.balanceDays]).toEqual(["0", "3", "3"]);
    const late = rowFromContract(contract({ payment_schedule: [stage("prepayment", 50, -2), stage("final", 50, 0)] }));
    expect([late?.depositDays, late?.balanceDays]).toEqual(["-2", "-2"]);
  });

  it("fills from sent and signed contracts only", () => {
    const rows = rowsFromContracts([
      contract({ id: "a", status: "draft", vendor_name: "Черновик" }),
      contract({ id: "b", status: "sent", vendor_name: "Отправлен" }),
      contract({ id: "c", status: "cancelled", vendor_name: "Отменён" }),
      contract({ id: "d", status: "signed", vendor_name: "Подписан" }),
    ]);
    expect(rows.map((row) => row.vendor)).toEqual(["Отправлен", "Подписан"]);
  });

  it("round-trips stored terms to what the API takes", () => {
    const row = rowFromStored({
      vendor: "Вкусно",
      category: "catering",
      amount: money("450000.00"),
      deposit_percent: "30.00",
      deposit_days_before: 14,
      balance_days_before: -5,
      paid: "0.00",
      signed_on: null,
    });
    expect(row).toMatchObject({ amount: "450\u00a0000", depositPercent: "30", paid: "" });
    expect(termsFromRows([row])).toEqual([
      { vendor: "Вкусно", category: "catering", amount: money("450000"), deposit_percent: "30", deposit_days_before: 14, balance_days_before: -5, paid: "0" },
    ]);
    expect(termsFromRows([{ ...row, signedOn: "2027-03-01" }])[0]).toMatchObject({ signed_on: "2027-03-01" });
  });
});
