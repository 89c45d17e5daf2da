import { type Cents, formatEuros } from "../../shared/money.ts";
import type { AmendedCall, AmendingDeliberationData } from "../app/read-amending-deliberation.ts";
import { SECTIONS, type Section } from "../domain/entente.ts";
import { CONTRIBUTION_CHAPTER } from "../domain/member-contribution.ts";
import { type DeliberationContext, visas } from "./deliberation-blocks.ts";
import type { TextBlock } from "./render-odt.ts";
import { money, type Row, type Table, text } from "./table.ts";

/** Everything the DM's deliberation draft is made of: the data and what the secretariat adds. */
export interface AmendingDeliberationInput {
  readonly data: AmendingDeliberationData;
  /** Convention date, chapters, operation; `conferenceDates` are the data's. */
  readonly context: Omit<DeliberationContext, "conferenceDates">;
}

const euros = (cents: Cents, input: AmendingDeliberationInput) =>
  `${formatEuros(cents < 0n ? -cents : cents, { unit: input.data.entente.rounding.unit })} €`;

const memberName = (input: AmendingDeliberationInput) =>
  input.data.entente.members.find((m) => m.id === input.data.member)?.name ?? input.data.member;

const sectionLabel = (s: Section) => (s === "fonctionnement" ? "Fonctionnement" : "Investissement");

/** The DM's lines summed by mission, section and direction (before, DM, after), with totals. */
export function amendingTable(data: AmendingDeliberationData): Table {
  const missionName = (id: string | null) =>
    id === null ? "Dépenses générales" : (data.entente.missions.find((m) => m.id === id)?.name ?? id);
  const groups = new Map<string, { cells: [string, Section, string]; before: Cents; delta: Cents }>();
  for (const line of data.lines) {
    const direction = line.direction === "expense" ? "Dépenses" : "Recettes";
    const key = JSON.stringify([line.missionId, line.section, line.direction]);
    const group = groups.get(key) ?? {
      cells: [
        line.direction === "receipt" && line.missionId === null
          ? "Recettes générales"
          : missionName(line.missionId),
        line.section,
        direction,
      ],
      before: 0n,
      delta: 0n,
    };
    group.before += line.adopted;
    group.delta += line.delta;
    groups.set(key, group);
  }
  const row = (
    label: string,
    section: string,
    direction: string,
    before: Cents,
    delta: Cents,
    style?: Row["style"],
  ): Row => ({
    cells: [
      text(label),
      text(section),
      text(direction),
      money(before),
      money(delta, true),
      money(before + delta),
    ],
    ...(style === undefined ? {} : { style }),
  });
  const rows = [...groups.values()].map((g) =>
    row(g.cells[0], sectionLabel(g.cells[1]), g.cells[2], g.before, g.delta),
  );
  const totals = SECTIONS.flatMap((s) =>
    (["expense", "receipt"] as const).map((d) => {
      const lines = data.lines.filter((l) => l.section === s && l.direction === d);
      const sum = (pick: (l: (typeof lines)[number]) => Cents) => lines.reduce((t, l) => t + pick(l), 0n);
      const label = d === "expense" ? "Total des dépenses" : "Total des recettes";
      return row(
        label,
        sectionLabel(s),
        d === "expense" ? "Dépenses" : "Recettes",
        sum((l) => l.adopted),
        sum((l) => l.delta),
        "total",
      );
    }),
  );
  return {
    id: "amending-budget",
    title: `Décision modificative n° ${data.dmNumber} au budget ${data.year} (en €)`,
    columns: [
      "Mission",
      "Section",
      "Sens",
      "Budget en vigueur",
      "Décision modificative",
      "Après décision modificative",
    ],
    rows: [...rows, ...totals],
    notes: [
      "Chaque montant par membre est arrondi à l'euro par la méthode du plus fort reste ; la somme des contributions est exactement le montant à financer.",
    ],
  };
}

/** One call year's sentence: before, after, and the complementary contribution or credit. */
function callSentence(call: AmendedCall, input: AmendingDeliberationInput): string {
  const change =
    call.delta > 0n
      ? `soit une contribution complémentaire de ${euros(call.delta, input)}`
      : call.delta < 0n
        ? `soit une réduction (crédit) de ${euros(call.delta, input)}, le trop-perçu éventuel étant remboursé`
        : "soit une contribution inchangée";
  return `Contribution appelée en ${call.year} : ${euros(call.before, input)} avant la décision modificative, ${euros(call.after, input)} après, ${change}.`;
}

/** 1° approuve…, 2° the chapter to charge per section of each change. */
function decision(input: AmendingDeliberationInput): TextBlock[] {
  const { data, context } = input;
  const name = memberName(input);
  const operation = context.operation === undefined ? "" : ` - opération n° ${context.operation}`;
  const changed = data.calls.filter((c) => c.delta !== 0n);
  const approvals = changed.map((c) =>
    c.delta > 0n
      ? `le versement par ${name} d'une contribution complémentaire de ${euros(c.delta, input)} au titre de l'appel de fonds ${c.year}`
      : `la réduction de ${euros(c.delta, input)} de la contribution de ${name} au titre de l'appel de fonds ${c.year} (titre réduit, trop-perçu remboursé)`,
  );
  const imputations = changed.flatMap((c) =>
    SECTIONS.filter((s) => c.bySection[s] !== 0n).map(
      (s): TextBlock => ({
        kind: "paragraph",
        text: `2° - ${c.bySection[s] > 0n ? "La dépense" : "La recette"} ${s === "fonctionnement" ? "de fonctionnement" : "d'investissement"} en résultant, soit ${euros(c.bySection[s], input)}, sera imputée sur les crédits inscrits et à inscrire au budget principal - exercice ${c.year} - chapitre ${context.chapters?.[s] ?? CONTRIBUTION_CHAPTER[s]}${operation}.`,
      }),
    ),
  );
  return [
    { kind: "heading", text: "DÉLIBÈRE" },
    {
      kind: "paragraph",
      strong: true,
      text: `1° - Approuve la décision modificative n° ${data.dmNumber} au budget ${data.year} de l'entente ${data.entente.name}${approvals.length === 0 ? `, sans effet sur la contribution de ${name}` : ` et ${approvals.join(", et ")}`}.`,
    },
    ...imputations,
  ];
}

/**
 * The deliberation draft of one member on an amending budget (issue 9, item 5): « Décision
 * modificative n° k au budget N de l'entente », the visas (CGCT L5221-1 and L5221-2, the
 * convention and conference dates: visas() of the budget's draft), the table of what changes
 * (before / DM / after by mission and section), the member's complementary contribution or
 * credit for each call year, then "approuve …" and the chapter to charge. French only (a legal act).
 */
export function buildAmendingDeliberationBlocks(input: AmendingDeliberationInput): TextBlock[] {
  const { data } = input;
  const member = data.entente.members.find((m) => m.id === data.member);
  const assembly = member?.assembly ?? memberName(input);
  const title = `Décision modificative n° ${data.dmNumber} au budget ${data.year} de l'entente ${data.entente.name}`;
  return [
    { kind: "title", text: `PROJET DE DÉLIBÉRATION — ${assembly}` },
    { kind: "paragraph", strong: true, text: `Objet : ${title} - Contribution de ${memberName(input)}` },
    ...visas({ entente: data.entente, context: { ...input.context, conferenceDates: data.conferenceDates } }),
    { kind: "heading", text: `I - ${title}` },
    { kind: "table", table: amendingTable(data) },
    { kind: "heading", text: `II - Contribution de ${memberName(input)}` },
    { kind: "list", items: data.calls.map((c) => callSentence(c, input)) },
    ...decision(input),
  ];
}
