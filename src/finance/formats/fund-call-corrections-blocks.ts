import { type Cents, formatEuros } from "../../shared/money.ts";
import type { TextBlock } from "./render-odt.ts";
import { money, type Row, text } from "./table.ts";

/** An issued call as its document lists it: the original title, its corrections, its payments (cents). */
export interface IssuedCallContext {
  /** The call's year; a correction from another year's DM names that year. */
  readonly year?: number;
  readonly reference: string | null;
  readonly amountCents: Cents;
  readonly corrections: readonly {
    readonly budgetYear?: number;
    readonly budgetNumber: number;
    readonly amountCents: Cents;
    readonly dueOn: string | null;
    readonly reference: string;
  }[];
  readonly paidCents: Cents;
  /** The trop-perçu refunded (mandats de remboursement), with their references; none by default. */
  readonly refunds?: readonly {
    readonly amountCents: Cents;
    readonly refundedOn: string;
    readonly reference: string;
  }[];
}

/** A correction's row: complementary call or reduction, with its amending budget and the call it refers to. */
function correctionRow(
  c: IssuedCallContext["corrections"][number],
  original: string,
  callYear: number | undefined,
): Row {
  const what = c.amountCents > 0n ? "Titre complémentaire" : "Réduction de titre";
  const due = c.dueOn === null ? "" : `, échéance ${c.dueOn}`;
  const of = c.budgetYear === undefined || c.budgetYear === callYear ? "" : ` au budget ${c.budgetYear}`;
  return {
    cells: [
      text(
        `${what} ${c.reference} — décision modificative n° ${c.budgetNumber - 1}${of}, se rapporte à l'appel ${original}${due}`,
      ),
      money(c.amountCents, true),
    ],
  };
}

/**
 * The titles behind what a member owes once amending budgets corrected its call: the original
 * call, each complementary call (titre complémentaire) or reduction (réduction de titre) with
 * its reference and the original's, what was called in all, paid, the trop-perçu refunded (each
 * mandat de remboursement), and the balance — due, or a trop-perçu still to refund. Nothing when
 * the call has no correction. French.
 */
export function buildCorrectionBlocks(
  issued: IssuedCallContext | undefined,
  unit: "euro" | "cent",
): TextBlock[] {
  if (issued === undefined || issued.corrections.length === 0) return [];
  const original = issued.reference ?? "initial";
  const called = issued.corrections.reduce((s, c) => s + c.amountCents, issued.amountCents);
  const refunds = issued.refunds ?? [];
  const balance = called - issued.paidCents + refunds.reduce((s, r) => s + r.amountCents, 0n);
  const rows: Row[] = [
    { cells: [text(`Appel initial ${original}`), money(issued.amountCents)] },
    ...issued.corrections.map((c) => correctionRow(c, original, issued.year)),
    { cells: [text("Total appelé après décisions modificatives"), money(called)], style: "total" },
    { cells: [text("Déjà versé"), money(issued.paidCents)] },
    ...refunds.map(
      (r): Row => ({
        cells: [
          text(`Trop-perçu remboursé — mandat ${r.reference} du ${r.refundedOn}`),
          money(-r.amountCents, true),
        ],
      }),
    ),
  ];
  const last =
    balance >= 0n
      ? `Reste à verser : ${formatEuros(balance, { unit })} €`
      : `Trop-perçu à rembourser au membre : ${formatEuros(-balance, { unit })} €`;
  return [
    {
      kind: "table",
      table: {
        id: "fund-call-corrections",
        title: "Titres émis (en €) — l'appel initial n'est jamais modifié",
        columns: ["", "Montant"],
        rows,
        notes: [],
      },
    },
    { kind: "paragraph", strong: true, text: last },
  ];
}
