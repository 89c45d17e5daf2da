import { type Cents, formatEuros } from "../../shared/money.ts";
import type { Entente } from "../domain/entente.ts";
import type { MemberStatement } from "../domain/member-statement.ts";
import type { TextBlock } from "./render-odt.ts";
import { money, type Row, type Table, text } from "./table.ts";

/** What a member's multi-year statement document is made of. */
export interface StatementInput {
  readonly entente: Pick<Entente, "name" | "members" | "rounding">;
  readonly statement: MemberStatement;
}

/**
 * The statement as a table: one row per call year — called (the issued call, else the computed
 * one, marked « à émettre »), paid, due (called − paid) — and the totals, Σ of each column (so
 * the totals' due is Σ called − Σ paid, what the member still owes). Exact cents.
 */
export function statementTable(statement: MemberStatement): Table {
  const sum = (pick: (y: MemberStatement["years"][number]) => Cents) =>
    statement.years.reduce((total, y) => total + pick(y), 0n);
  const rows: Row[] = [
    ...statement.years.map((y) => ({
      cells: [
        text(y.issued ? String(y.year) : `${y.year} (à émettre)`),
        money(y.called),
        money(y.paid),
        money(y.due),
      ],
    })),
    {
      cells: [
        text("Total"),
        money(sum((y) => y.called)),
        money(sum((y) => y.paid)),
        money(sum((y) => y.due)),
      ],
      style: "total",
    },
  ];
  return {
    id: "member-statement",
    title: "Compte par année d'appel (en €)",
    columns: ["Année d'appel", "Appelé", "Payé", "Reste dû"],
    rows,
    notes: [
      "Appelé : l'appel de fonds émis, ou, s'il n'est pas encore émis, la contribution calculée du budget de l'année. Reste dû = appelé − payé.",
    ],
  };
}

/** The member's name with its SIREN, and its public accountant, as the statement's parties. */
function parties(input: StatementInput): TextBlock[] {
  const member = input.entente.members.find((m) => m.id === input.statement.member);
  const siren = member?.siren === undefined ? "" : ` (SIREN ${member.siren})`;
  const accountant = member?.accountant;
  return [
    { kind: "paragraph", text: `Entente : ${input.entente.name}` },
    { kind: "paragraph", strong: true, text: `Membre : ${member?.name ?? input.statement.member}${siren}` },
    ...(member?.from === undefined && member?.to === undefined
      ? []
      : [
          {
            kind: "paragraph" as const,
            text: `Adhésion : ${member?.from === undefined ? "dès l'origine" : `à partir de l'exercice ${member.from}`}${member?.to === undefined ? "" : `, jusqu'à la fin de l'exercice ${member.to}`}`,
          },
        ]),
    ...(accountant === undefined
      ? []
      : [
          {
            kind: "paragraph" as const,
            text: `Comptable public : ${[accountant.office, accountant.code, accountant.address].filter(Boolean).join(", ")}`,
          },
        ]),
  ];
}

/**
 * A member's multi-year statement (relevé de compte pluriannuel) as a text document: the parties,
 * the table by call year with its totals, and what the member still owes — on leaving, for a
 * member that leaves. French, like the deliberation draft and the fund call.
 */
export function buildStatementBlocks(input: StatementInput): TextBlock[] {
  const member = input.entente.members.find((m) => m.id === input.statement.member);
  const owed = `${formatEuros(input.statement.stillOwed, { unit: input.entente.rounding.unit })} €`;
  return [
    { kind: "title", text: "RELEVÉ DE COMPTE PLURIANNUEL" },
    ...parties(input),
    { kind: "table", table: statementTable(input.statement) },
    {
      kind: "paragraph",
      strong: true,
      text:
        member?.to === undefined
          ? `Reste dû : ${owed}`
          : `Reste dû à la sortie (fin de l'exercice ${member.to}) : ${owed}`,
    },
  ];
}
