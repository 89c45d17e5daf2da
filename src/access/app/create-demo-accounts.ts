import type { AccessDeps } from "./access-deps.ts";
import type { AccountRecord } from "./ports.ts";

/** A demo account of the first start, as `npm start` prints it. */
export interface DemoAccount {
  readonly email: string;
  readonly role: AccountRecord["role"];
  readonly description: string;
  /** The member of a member's account (`finance`), else null. */
  readonly memberId: string | null;
  /** The mission of the mission lead, else null. */
  readonly missionId: string | null;
}

/** What the demo accounts are made for: the entente's members and its first mission. */
export interface DemoEntente {
  readonly id: string;
  readonly members: readonly { readonly id: string; readonly name: string }[];
  readonly firstMission: { readonly id: string; readonly name: string } | null;
}

/**
 * First start: one demo account per role of `entente`, all with `password` — the conference
 * secretariat, each member's finance officer, the lead of the first mission, a reader — under
 * the address domain `<entente id>.entente.localhost`.
 * @returns the accounts created, in that order.
 */
export async function createDemoAccounts(
  deps: AccessDeps,
  entente: DemoEntente,
  password: string,
): Promise<DemoAccount[]> {
  const hash = await deps.hasher.hash(password);
  const accounts = demoAccountsOf(entente);
  for (const account of accounts) {
    await deps.accounts.create({
      email: account.email,
      displayName: account.displayName,
      passwordHash: hash,
      role: account.role,
      ententeId: entente.id,
      memberId: account.memberId,
      missionId: account.missionId,
    });
  }
  return accounts.map(({ displayName: _, ...account }) => account);
}

function demoAccountsOf(entente: DemoEntente): (DemoAccount & { readonly displayName: string })[] {
  const domain = `${entente.id}.entente.localhost`;
  const mission = entente.firstMission;
  return [
    {
      email: `secretariat@${domain}`,
      role: "secretariat",
      description: "secrétariat de la conférence",
      memberId: null,
      missionId: null,
      displayName: "Secrétariat de la conférence",
    },
    ...entente.members.map((m) => ({
      email: `finance.${m.id}@${domain}`,
      role: "finance" as const,
      description: `finances — ${m.name}`,
      memberId: m.id,
      missionId: null,
      displayName: `Finances ${m.name}`,
    })),
    ...(mission === null
      ? []
      : [
          {
            email: `porteur.${mission.id}@${domain}`,
            role: "mission-lead" as const,
            description: `porteur — ${mission.name}`,
            memberId: null,
            missionId: mission.id,
            displayName: `Porteur ${mission.name}`,
          },
        ]),
    {
      email: `lecture@${domain}`,
      role: "reader",
      description: "lecture seule",
      memberId: null,
      missionId: null,
      displayName: "Lecture seule",
    },
  ];
}
