// The secretariat's steps of the entente-life browser test (test/e2e/entente-life.test.ts), each
// through the console page a person would use; every step waits for what the page shows.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { ENTENTE } from "./console-harness.ts";

/** The 2023 contributions of the deliberation (the seed), which must never move. */
export const FIGURES_2023 = ["305 797,00 €", "217 051,00 €", "116 328,00 €"] as const;

/** Whitespace (including the non-breaking spaces of French amounts) as single spaces. */
export const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");

export class Secretariat {
  readonly page: Page;
  readonly url: string;
  constructor(page: Page, url: string) {
    this.page = page;
    this.url = url;
  }

  at(path: string): string {
    return `${this.url}/ententes/${ENTENTE}${path}`;
  }

  async textOfMain(page: Page = this.page): Promise<string> {
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is what a person sees
    return flat(await page.locator("main").innerText());
  }

  /** The dashboard of `year`, as `page` (a reader too) sees it. */
  async dashboard(year: number, page: Page = this.page): Promise<string> {
    await page.goto(this.at(`/?year=${year}`));
    await page
      .locator("#table-contributions")
      .getByRole("row", { name: /Métropole de Lyon/ })
      .waitFor();
    return this.textOfMain(page);
  }

  /** 2023's dashboard still shows the adopted contributions of the seed. */
  async assert2023Unmoved(page: Page = this.page): Promise<void> {
    const main = await this.dashboard(2023, page);
    for (const figure of FIGURES_2023) assert.ok(main.includes(figure), `2023 moved: ${figure} missing`);
  }

  /**
   * The conference's decision `subject` on `year`'s budget (decisions page), then every member's
   * deliberation in its ratifications table, until the page says the budget is adopted.
   */
  async adopt(year: number, subject: string, conference: string, date: string): Promise<void> {
    const { page } = this;
    await page.goto(this.at("/decisions"));
    await page.getByText("Nouvelle décision de la conférence").click();
    await page.getByLabel("Objet").fill(subject);
    await page.getByLabel("Conférence", { exact: true }).fill(conference);
    await page.getByLabel("Date de la conférence").fill(date);
    await page.getByLabel("Budget concerné").selectOption(String(year));
    await page.getByRole("button", { name: "Créer la décision" }).click();
    const table = page.getByRole("table", { name: `Délibérations des membres sur « ${subject} »` });
    const record = table.getByRole("button", { name: /^Enregistrer la délibération — / });
    await record.first().waitFor();
    const members = await record.count();
    for (let n = 0; n < members; n++) {
      await record.nth(n).click();
      await page.getByLabel("N° de délibération").fill(`${year}-${date}-${n + 1}`);
      await page.getByLabel("Date de la délibération").fill(date);
      await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
      await table.getByRole("cell", { name: `${year}-${date}-${n + 1}`, exact: true }).waitFor();
    }
    const card = page.locator("section.card").filter({ has: table });
    await card.getByText(`le budget ${year} est adopté`).waitFor();
  }

  /** `member` takes part in the missions `missionIds` (mission page, « Modifier la mission »). */
  async joinMissions(member: string, missionIds: readonly string[]): Promise<void> {
    const { page } = this;
    for (const mission of missionIds) {
      await page.goto(this.at(`/missions/${mission}`));
      await page.getByRole("button", { name: "Modifier la mission" }).click();
      await page.getByRole("checkbox", { name: member, exact: true }).check();
      await page.getByRole("button", { name: "Enregistrer la mission" }).click();
      await page.getByText("Mission enregistrée.").waitFor();
    }
  }

  /** Issues `year`'s fund calls on the fund calls page, with their due date. */
  async issueCalls(year: number, dueOn: string): Promise<void> {
    const { page } = this;
    await page.goto(this.at(`/fund-calls?year=${year}`));
    await page.getByLabel("Échéance").fill(dueOn);
    await page.getByRole("button", { name: `Émettre les appels de fonds ${year}` }).click();
    await page.getByRole("row", { name: new RegExp(`^Métropole de Lyon AF-${year}-`) }).waitFor();
  }

  /** Records a payment of `member` on `year`'s fund calls page ("" pays what is due). */
  async pay(year: number, member: string, amount: string, paidOn: string, reference: string) {
    const { page } = this;
    await page.goto(this.at(`/fund-calls?year=${year}`));
    await page.getByRole("button", { name: `Enregistrer un paiement — ${member}` }).click();
    if (amount !== "") await page.getByLabel("Montant (€)").fill(amount);
    await page.getByLabel("Date du paiement").fill(paidOn);
    await page.getByLabel("Référence").last().fill(reference);
    await page.getByRole("button", { name: "Enregistrer le paiement" }).click();
    await page.getByRole("cell", { name: reference }).waitFor();
  }

  /** Opens `from + 1` from `from` on the budget page with an investment carry-over (001). */
  async openNext(from: number, investissement: string, fonctionnement = ""): Promise<void> {
    const { page } = this;
    await page.goto(this.at(`/budget?year=${from}`));
    await page.getByRole("heading", { level: 1, name: `Budget ${from}` }).waitFor();
    await page
      .getByText(`Ouvrir l'exercice ${from + 1}`)
      .first()
      .click();
    await page.getByLabel(`Solde d'investissement ${from} reporté (001, €)`).fill(investissement);
    await page.getByLabel(`Résultat de fonctionnement ${from} reporté (002, €)`).fill(fonctionnement);
    await page.getByRole("button", { name: `Ouvrir l'exercice ${from + 1}` }).click();
    await page.getByRole("heading", { level: 1, name: `Budget ${from + 1}` }).waitFor();
  }

  /**
   * In the budget editor of `year` (a draft), adds `euros` (negative: takes off) to the line
   * labelled `expense` (null: none) and to the members' operating contribution, then saves: the
   * lines are found by their label inputs.
   */
  async raiseLine(year: number, expense: string | null, euros: number): Promise<void> {
    const { page } = this;
    await page.goto(this.at(`/budget?year=${year}`));
    await page.getByLabel("Libellé, ligne 1", { exact: true }).waitFor();
    const rows = await page.locator("[data-budget-row]").count();
    const amount = (n: number) => page.getByLabel(`Montant (€), ligne ${n}`, { exact: true });
    const add = async (n: number) => {
      const now = Number((await amount(n).inputValue()).replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
      await amount(n).fill(String(now + euros).replace(".", ","));
    };
    let raised = 0;
    for (let n = 1; n <= rows; n++) {
      const label = await page.getByLabel(`Libellé, ligne ${n}`, { exact: true }).inputValue();
      const section = await page.getByLabel(`Section, ligne ${n}`, { exact: true }).inputValue();
      const flow = await page.getByLabel(`Sens et nature, ligne ${n}`, { exact: true }).inputValue();
      if (label === expense || (section === "fonctionnement" && flow === "receipt.contribution")) {
        await add(n);
        raised++;
      }
    }
    assert.equal(raised, expense === null ? 1 : 2, `the line « ${expense} » and the operating contribution`);
    await page.getByRole("button", { name: "Enregistrer le budget" }).click();
    await page.getByText("Budget enregistré.").waitFor();
  }
}
