import type { Lang } from "../errors.ts";

/** Every label the documents print, French first (the language of the deliberations), English second. */
const LABELS = {
  budgetOf: { fr: "budget", en: "budget" },
  annexTitle: {
    fr: "Annexe budgétaire {year} — dépenses et recettes par mission et section (en €)",
    en: "Budget annex {year} — expenses and receipts by mission and section (in €)",
  },
  expenses: { fr: "Dépenses", en: "Expenses" },
  receipts: { fr: "Recettes", en: "Receipts" },
  investissement: { fr: "Investissement (en €)", en: "Investment (in €)" },
  fonctionnement: { fr: "Fonctionnement (en €)", en: "Operating (in €)" },
  sectionInvestissement: { fr: "investissement", en: "investment" },
  sectionFonctionnement: { fr: "fonctionnement", en: "operating" },
  general: { fr: "Dépenses générales", en: "General expenses" },
  generalReceipts: { fr: "Recettes générales", en: "General receipts" },
  subtotal: { fr: "Sous-total", en: "Subtotal" },
  totalExpenses: { fr: "Total des dépenses", en: "Total expenses" },
  totalReceipts: { fr: "Total des recettes", en: "Total receipts" },
  balance: { fr: "Équilibre (recettes − dépenses)", en: "Balance (receipts − expenses)" },
  socle: { fr: "mission socle", en: "core mission" },
  specifique: { fr: "mission spécifique", en: "specific mission" },
  allocationTitle: {
    fr: "Répartition des contributions {year} — clé « {key} », {section} : {total} €",
    en: 'Split of the {year} contributions — key "{key}", {section}: {total} €',
  },
  member: { fr: "Membre", en: "Member" },
  partners: { fr: "Partenaires", en: "Partners" },
  rate: { fr: "Taux de contribution (en %)", en: "Contribution rate (%)" },
  exactShare: { fr: "Part exacte (en €)", en: "Exact share (in €)" },
  contribution: { fr: "Contribution (en €)", en: "Contribution (in €)" },
  total: { fr: "Total", en: "Total" },
  totalEntente: { fr: "Total entente", en: "Entente total" },
  recallTitle: {
    fr: "Contributions {year} appelées en {calledIn}, avances et régularisations (en €)",
    en: "{year} contributions called in {calledIn}, advances and adjustments (in €)",
  },
  currentTitle: {
    fr: "Contributions {year}, avances et régularisations (en €)",
    en: "{year} contributions, advances and adjustments (in €)",
  },
  contributionOf: { fr: "Montant de la contribution {year} (en €)", en: "{year} contribution (in €)" },
  adjustedOf: {
    fr: "Montant de la contribution {year} ajustée (en €)",
    en: "Adjusted {year} contribution (in €)",
  },
  adjustmentOf: { fr: "{label} (en €)", en: "{label} (in €)" },
  advanceNote: {
    fr: "« {label} » : {amount} € avancés par {member}, répartis selon la clé « {key} » ; le membre qui a avancé est crédité de son avance.",
    en: '"{label}": {amount} € advanced by {member}, shared by key "{key}"; the member who advanced it is credited.',
  },
  fundCallsTitle: {
    fr: "Appels de fonds {year} par membre (en €)",
    en: "Fund calls {year} by member (in €)",
  },
  currentInv: { fr: "Contribution {year} investissement", en: "{year} contribution, investment" },
  currentFonct: { fr: "Contribution {year} fonctionnement", en: "{year} contribution, operating" },
  recall: { fr: "Rappel des exercices antérieurs", en: "Recall of earlier exercises" },
  adjustments: { fr: "Avances et régularisations", en: "Advances and adjustments" },
  totalCalled: { fr: "Total appelé", en: "Total called" },
  calledLater: {
    fr: "Les contributions {year} seront appelées en {calledIn} (rappel).",
    en: "The {year} contributions will be called in {calledIn} (recall).",
  },
  roundingRule: {
    fr: "Règle d'arrondi : chaque part est calculée exactement puis arrondie {unit} par la méthode du plus fort reste (Hamilton) — chaque membre reçoit la partie entière de sa part exacte, les unités restantes vont aux plus fortes parties décimales et, à égalité, dans l'ordre des membres ({order}). La somme des parts est exactement égale au montant réparti.",
    en: "Rounding rule: each share is computed exactly, then rounded {unit} by the largest-remainder (Hamilton) method — each member gets the whole part of its exact share, the units left over go to the largest fractional parts and, on a tie, in member order ({order}). The parts add up exactly to the amount shared.",
  },
  toEuro: { fr: "à l'euro", en: "to the euro" },
  toCent: { fr: "au centime", en: "to the cent" },
  keySource: { fr: "Source de la clé : {source}", en: "Source of the key: {source}" },
} as const;

/** The id of a label of the tables (French and English texts in `LABELS`). */
export type LabelId = keyof typeof LABELS;

/** The label `id` in `lang`, with `{name}` placeholders filled from `values`. */
export function label(id: LabelId, lang: Lang, values: Record<string, string | number> = {}): string {
  return LABELS[id][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
