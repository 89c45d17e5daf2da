import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { AccessDeps } from "../../src/access/app/access-deps.ts";
import type { PasswordHasher } from "../../src/access/app/ports.ts";
import { signIn } from "../../src/access/app/sign-in.ts";
import type { Principal } from "../../src/access/domain/access-policy.ts";
import { DEFAULT_THROTTLE_LIMITS as LIMITS } from "../../src/access/domain/sign-in-throttle-rule.ts";
import { type ComposedConsole, composeConsole, seedExample } from "../../src/compose.ts";
import { createDecision } from "../../src/finance/app/create-decision.ts";
import type { FinanceDeps } from "../../src/finance/app/finance-deps.ts";
import { getDashboard } from "../../src/finance/app/get-dashboard.ts";
import { issueFundCalls } from "../../src/finance/app/issue-fund-calls.ts";
import { listAudit } from "../../src/finance/app/list-audit.ts";
import { listFundCalls } from "../../src/finance/app/list-fund-calls.ts";
import { readBudget } from "../../src/finance/app/read-budget.ts";
import { readEntente } from "../../src/finance/app/read-entente.ts";
import { recordPayment } from "../../src/finance/app/record-payment.ts";
import { recordRatification } from "../../src/finance/app/record-ratification.ts";
import { saveBudget } from "../../src/finance/app/save-budget.ts";
import { saveServicePlan } from "../../src/finance/app/save-service-plan.ts";
import { updateMember } from "../../src/finance/app/update-member.ts";
import { updatePercentKey } from "../../src/finance/app/update-percent-key.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { EntenteError, ValidationError } from "../../src/shared/errors.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

// A fake hasher is fine here: argon2 itself is tested in src/identity; these tests are about rules.
const hasher: PasswordHasher = {
  hash: async (p) => `plain:${p}`,
  verify: async (h, p) => h === `plain:${p}`,
};
const isCode = (code: string) => (e: unknown) => e instanceof EntenteError && e.code === code;
const person = (role: Principal["role"], extra: Partial<Principal> = {}): Principal => ({
  accountId: "1",
  email: `${role}@entente.test`,
  role,
  ententeId: "lyon",
  memberId: null,
  missionId: null,
  ...extra,
});
const secretariat = person("secretariat");
const financeVille = person("finance", { memberId: "ville-lyon" });

describeOnDatabases("console use cases", (get) => {
  let composed: ComposedConsole;
  let deps: FinanceDeps & AccessDeps;
  let clock = new Date("2026-01-15T10:00:00Z");
  before(async () => {
    composed = composeConsole(get(), {
      hasher,
      now: () => clock,
      sessionSecret: "test-secret-test-secret-test-secret-43chars",
      secureCookies: false,
    });
    deps = { ...composed.finance.deps, ...composed.access.deps };
    await deps.ententes.importEntente("lyon", await readEntenteFile(LYON), { id: "import", label: "import" });
  });

  it("dashboard: the seed's figures, draft budget, nothing ratified", async () => {
    const view = await getDashboard(deps, secretariat, "lyon", 2023);
    assert.equal(view.budget?.status, "draft");
    assert.deepEqual(
      view.members.map((m) => [m.memberId, m.total, m.due]),
      [
        ["metropole", 30579700n, 30579700n],
        ["ville-lyon", 21705100n, 21705100n],
        ["sitiv", 11632800n, 11632800n],
      ],
    );
    assert.deepEqual(view.ratified, { done: 0, of: 3 });
    assert.deepEqual(view.problems, []);
  });

  it("dashboard of a draft: a member's finance officer sees only its own row", async () => {
    const view = await getDashboard(deps, financeVille, "lyon", 2023);
    assert.deepEqual(
      view.members.map((m) => m.memberId),
      ["ville-lyon"],
    );
    await assert.rejects(readBudget(deps, financeVille, "lyon", 2023), isCode("access.forbidden"));
  });

  it("another entente's account sees nothing (404, not 403)", async () => {
    await assert.rejects(
      getDashboard(deps, person("secretariat", { ententeId: "autre" }), "lyon"),
      isCode("entente.not_found"),
    );
  });

  it("budget edit: out of balance is stored as a draft and shown, with the problem", async () => {
    const budget = await readBudget(deps, secretariat, "lyon", 2023);
    const lines = budget.lines.map((l) =>
      l.label === "Chef de projet" ? { ...l, amountCents: l.amountCents + 100000n } : l,
    );
    const saved = await saveBudget(deps, secretariat, "lyon", 2023, lines, budget.rowVersion);
    assert.equal(saved.rowVersion, budget.rowVersion + 1);
    const view = await getDashboard(deps, secretariat, "lyon", 2023);
    assert.deepEqual(view.totals.balance, { investissement: 0n, fonctionnement: -100000n });
    assert.deepEqual(
      view.problems.map((p) => p.code),
      ["budget.unbalanced"],
    );
    // Put it back for the next tests.
    await saveBudget(deps, secretariat, "lyon", 2023, budget.lines, saved.rowVersion);
  });

  it("two people saving the same budget: the second gets conflict.stale_version, nothing lost", async () => {
    const budget = await readBudget(deps, secretariat, "lyon", 2023);
    await saveBudget(deps, secretariat, "lyon", 2023, budget.lines, budget.rowVersion);
    await assert.rejects(
      saveBudget(deps, secretariat, "lyon", 2023, [], budget.rowVersion),
      isCode("conflict.stale_version"),
    );
    assert.equal((await readBudget(deps, secretariat, "lyon", 2023)).lines.length, budget.lines.length);
  });

  it("a store runs the use case's rule in its transaction, on what it read: refused, nothing written", async () => {
    const budget = await readBudget(deps, secretariat, "lyon", 2023);
    const events = (await listAudit(deps, secretariat, "lyon", null, 200)).length;
    const seen: number[] = [];
    await assert.rejects(
      deps.budgets.replaceLines("lyon", 2023, [], budget.rowVersion, { id: "t", label: "t" }, (current) => {
        seen.push(current.rowVersion);
        throw new EntenteError("budget.not_editable", { year: 2023, number: current.number, status: "x" });
      }),
      isCode("budget.not_editable"),
    );
    assert.deepEqual(seen, [budget.rowVersion]);
    const after = await readBudget(deps, secretariat, "lyon", 2023);
    assert.deepEqual([after.rowVersion, after.lines.length], [budget.rowVersion, budget.lines.length]);
    assert.equal((await listAudit(deps, secretariat, "lyon", null, 200)).length, events);
  });

  it("only the secretariat edits budgets; unknown missions are refused", async () => {
    const budget = await readBudget(deps, secretariat, "lyon", 2023);
    await assert.rejects(
      saveBudget(deps, person("reader"), "lyon", 2023, budget.lines, budget.rowVersion),
      isCode("access.forbidden"),
    );
    const bad = [...budget.lines, { ...budget.lines[0], missionId: "nope" } as (typeof budget.lines)[number]];
    await assert.rejects(
      saveBudget(deps, secretariat, "lyon", 2023, bad, budget.rowVersion),
      isCode("entente.unknown_reference"),
    );
  });

  it("keys: rates must sum to exactly 100 %; a valid change is stored and audited", async () => {
    const entente = await readEntente(deps, secretariat, "lyon");
    const key = entente.keys[0];
    assert.ok(key);
    await assert.rejects(
      updatePercentKey(
        deps,
        secretariat,
        "lyon",
        "socle",
        {
          label: key.label,
          source: null,
          shares: [
            { memberId: "metropole", value: "53" },
            { memberId: "ville-lyon", value: "30.6" },
            { memberId: "sitiv", value: "16.3" },
          ],
        },
        key.rowVersion,
      ),
      (e: unknown) => e instanceof ValidationError && e.issues[0]?.code === "key.shares_not_100",
    );
    const updated = await updatePercentKey(
      deps,
      secretariat,
      "lyon",
      "socle",
      {
        label: key.label,
        source: "Convention",
        shares: [
          { memberId: "metropole", value: "53" },
          { memberId: "ville-lyon", value: "30.6" },
          { memberId: "sitiv", value: "16.4" },
        ],
      },
      key.rowVersion,
    );
    assert.equal(updated.rowVersion, key.rowVersion + 1);
    assert.equal(updated.source, "Convention");
  });

  it("members: a finance officer edits its own member only; stale versions are refused", async () => {
    const entente = await readEntente(deps, secretariat, "lyon");
    const ville = entente.members.find((m) => m.id === "ville-lyon");
    const metropole = entente.members.find((m) => m.id === "metropole");
    assert.ok(ville && metropole);
    // Its identity stays as the secretariat set it; the finance officer edits the public accountant.
    const change = {
      name: ville.name,
      kind: ville.kind,
      siren: ville.siren,
      siret: ville.siret,
      assembly: ville.assembly,
      accountant: { ...ville.accountant, office: "SGC de Lyon Municipal" },
    };
    const saved = await updateMember(deps, financeVille, "lyon", "ville-lyon", change, ville.rowVersion);
    assert.equal(saved.accountant?.office, "SGC de Lyon Municipal");
    await assert.rejects(
      updateMember(deps, financeVille, "lyon", "metropole", { ...change, name: "x" }, metropole.rowVersion),
      isCode("access.forbidden"),
    );
    await assert.rejects(
      updateMember(deps, financeVille, "lyon", "ville-lyon", change, ville.rowVersion),
      isCode("conflict.stale_version"),
    );
  });

  it("service plans: the mission lead adds a version; another mission's lead may not", async () => {
    const lead = person("mission-lead", { missionId: "identite" });
    const plan = {
      scope: "Fédération d'identité",
      milestones: [{ label: "Pilote", due: "2023-06-30", done: false }],
      resources: { financial: "60 000 €", human: "2 ETP", material: "" },
      steeringCommittee: ["SITIV", "Métropole"],
    };
    const mission = await saveServicePlan(deps, lead, "lyon", "identite", plan, 1);
    assert.equal(mission.plan?.version, 2);
    assert.equal(mission.plan?.scope, "Fédération d'identité");
    await assert.rejects(
      saveServicePlan(deps, lead, "lyon", "hebergement", plan, 1),
      isCode("access.forbidden"),
    );
    await assert.rejects(
      saveServicePlan(deps, lead, "lyon", "identite", plan, 1),
      isCode("conflict.stale_version"),
    );
  });

  it("fund calls wait for adoption: every member ratifies, then the budget is adopted (CGCT L5221-2)", async () => {
    await assert.rejects(
      issueFundCalls(deps, secretariat, "lyon", 2023, null),
      isCode("fund_call.budget_not_adopted"),
    );
    const decision = await createDecision(deps, secretariat, "lyon", {
      subject: "Budget 2023 des missions socles",
      conferenceDate: "2022-11-07",
      conferenceLabel: "1re conférence intercommunale",
      budgetYear: 2023,
    });
    assert.equal((await readBudget(deps, secretariat, "lyon", 2023)).status, "ratifying");
    let current = decision;
    for (const [i, memberId] of ["metropole", "ville-lyon", "sitiv"].entries()) {
      const r = current.ratifications.find((x) => x.memberId === memberId);
      assert.ok(r);
      current = await recordRatification(
        deps,
        secretariat,
        "lyon",
        decision.id,
        memberId,
        { status: "ratified", deliberationNumber: `2022-${1356 + i}`, deliberatedOn: "2022-12-12" },
        r.rowVersion,
      );
      const status = (await readBudget(deps, secretariat, "lyon", 2023)).status;
      assert.equal(status, i < 2 ? "ratifying" : "adopted");
    }
    // An adopted budget is read-only.
    const adopted = await readBudget(deps, secretariat, "lyon", 2023);
    await assert.rejects(
      saveBudget(deps, secretariat, "lyon", 2023, adopted.lines, adopted.rowVersion),
      isCode("budget.not_editable"),
    );
  });

  it("fund calls: issued once from the computed totals; payments reduce what is due", async () => {
    const calls = await issueFundCalls(deps, secretariat, "lyon", 2023, "2023-03-31");
    assert.deepEqual(
      calls.map((c) => [c.memberId, c.amountCents]),
      [
        ["metropole", 30579700n],
        ["ville-lyon", 21705100n],
        ["sitiv", 11632800n],
      ],
    );
    await assert.rejects(
      issueFundCalls(deps, secretariat, "lyon", 2023, "2023-03-31"),
      isCode("fund_call.already_issued"),
    );
    await recordPayment(deps, financeVille, "lyon", 2023, "ville-lyon", {
      amountCents: 10000000n,
      paidOn: "2026-01-15",
      reference: "mandat 123",
    });
    await assert.rejects(
      recordPayment(deps, financeVille, "lyon", 2023, "metropole", {
        amountCents: 1n,
        paidOn: "2026-01-15",
        reference: null,
      }),
      isCode("access.forbidden"),
    );
    const view = await getDashboard(deps, financeVille, "lyon", 2023);
    assert.deepEqual(
      view.members.map((m) => [m.memberId, m.paid, m.due, m.ratification]),
      [
        ["metropole", 0n, 30579700n, "ratified"],
        ["ville-lyon", 10000000n, 11705100n, "ratified"],
        ["sitiv", 0n, 11632800n, "ratified"],
      ],
    );
    assert.deepEqual(
      (await listFundCalls(deps, financeVille, "lyon", 2023)).map((c) => c.memberId),
      ["ville-lyon"],
    );
  });

  it("the audit trail records who changed what, newest first, paged", async () => {
    const page = await listAudit(deps, secretariat, "lyon", null, 3);
    assert.equal(page.length, 3);
    assert.deepEqual(
      page.map((e) => [e.entity, e.action, e.actor]),
      [
        ["payment", "create", "finance@entente.test"],
        ["fund_call", "issue", "secretariat@entente.test"],
        ["ratification", "update", "secretariat@entente.test"],
      ],
    );
    const next = await listAudit(deps, secretariat, "lyon", page[2]?.id ?? null, 100);
    assert.ok(next.every((e) => BigInt(e.id) < BigInt(page[2]?.id ?? "0")));
    assert.equal(next.at(-1)?.action, "import");
    await assert.rejects(listAudit(deps, person("reader"), "lyon", null), isCode("access.forbidden"));
  });

  it("a second start on the same data imports nothing and creates no account", async () => {
    const before = await deps.ententes.listEntentes();
    const accounts = await deps.accounts.count();
    assert.deepEqual(
      await seedExample(composed, "lyon-bis", await readEntenteFile(LYON), "un autre mot de passe"),
      [],
    );
    assert.deepEqual(await deps.ententes.listEntentes(), before);
    assert.equal(await deps.accounts.count(), accounts);
  });

  it("sign-in: throttled per address and email, never locking the person out from elsewhere, alike for unknown emails", async () => {
    await deps.accounts.create({
      email: "Sec@Entente.test",
      displayName: "Secrétariat",
      passwordHash: await hasher.hash("bon mot de passe"),
      role: "secretariat",
      ententeId: "lyon",
      memberId: null,
      missionId: null,
    });
    const at = (ip: string, email: string, password: string) => signIn(deps, { email, password, ip });
    const ATTACKER = "203.0.113.66";
    const VICTIM = "198.51.100.20";
    assert.equal((await at(VICTIM, "sec@entente.test", "bon mot de passe")).role, "secretariat");
    for (const email of ["sec@entente.test", "nobody@entente.test"]) {
      for (let i = 0; i < LIMITS.perLoginAddress; i++)
        await assert.rejects(at(ATTACKER, email, "faux"), isCode("auth.invalid_credentials"));
      // Known and unknown emails answer alike: no oracle of which accounts exist.
      await assert.rejects(at(ATTACKER, email, "faux"), isCode("auth.locked"), email);
    }
    await assert.rejects(at(ATTACKER, "sec@entente.test", "bon mot de passe"), isCode("auth.locked"));
    assert.equal((await at(VICTIM, "sec@entente.test", "bon mot de passe")).role, "secretariat", "victim");
    clock = new Date(clock.getTime() + (LIMITS.windowSeconds + 1) * 1000);
    assert.equal((await at(ATTACKER, "sec@entente.test", "bon mot de passe")).email, "sec@entente.test");
  });
});
