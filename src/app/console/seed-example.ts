import type { Entente } from "../../domain/entente.ts";
import type { ConsoleDeps } from "./console-deps.ts";

export interface DemoAccount {
  readonly email: string;
  readonly role: "secretariat" | "finance" | "mission-lead" | "reader";
  readonly description: string;
  /** The member of a member's account (`finance`), else null. */
  readonly memberId: string | null;
  /** The mission of the mission lead, else null. */
  readonly missionId: string | null;
}

/**
 * First start: imports the example entente under `ententeId` and creates one demo account per
 * role (all with `password`): the conference secretariat, each member's finance officer, the
 * lead of the first mission, a reader. Does nothing when an entente already exists, so a second
 * start on the same data keeps it and imports nothing twice.
 * @returns the accounts created (empty when nothing was done).
 */
export async function seedExample(
  deps: ConsoleDeps,
  ententeId: string,
  entente: Entente,
  password: string,
): Promise<DemoAccount[]> {
  if ((await deps.ententes.listEntentes()).length > 0) return [];
  await deps.ententes.importEntente(ententeId, entente, { id: "system", label: "import" });
  const hash = await deps.hasher.hash(password);
  const domain = `${ententeId}.entente.localhost`;
  const firstMission = entente.missions[0];
  const accounts: (DemoAccount & { displayName: string })[] = [
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
    ...(firstMission === undefined
      ? []
      : [
          {
            email: `porteur.${firstMission.id}@${domain}`,
            role: "mission-lead" as const,
            description: `porteur — ${firstMission.name}`,
            memberId: null,
            missionId: firstMission.id,
            displayName: `Porteur ${firstMission.name}`,
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
  for (const account of accounts) {
    await deps.accounts.create({
      email: account.email,
      displayName: account.displayName,
      passwordHash: hash,
      role: account.role,
      ententeId,
      memberId: account.memberId,
      missionId: account.missionId,
    });
  }
  return accounts.map(({ email, role, description, memberId, missionId }) => ({
    email,
    role,
    description,
    memberId,
    missionId,
  }));
}
