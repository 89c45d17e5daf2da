import type { Command } from "commander";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import { resyncConnector } from "../app/resync.ts";
import { readErasures, setRetention } from "../app/retention.ts";
import { EntenteError } from "../errors.ts";
import type { ProvisioningCliDeps } from "./commands.ts";

/** `entente provisioning retention` (a member's period) and `entente provisioning erasures` (what is scheduled). */
export function registerRetentionCommands(
  provisioning: Command,
  context: CliContext<ProvisioningCliDeps>,
): void {
  provisioning
    .command("retention")
    .description(
      "durée de conservation d'un membre avant effacement (jours) / a member's retention period before erasure (days)",
    )
    .requiredOption("--entente <id>", "entente")
    .requiredOption("--member <id>", "membre / member")
    .requiredOption("--days <n>", "jours, 1 à 3650 / days, 1 to 3650")
    .action(async (options: { entente: string; member: string; days: string }) => {
      await context.withDeps(async (deps) => {
        await ensureEntente(deps, options.entente);
        const days = /^\d+$/.test(options.days) ? Number(options.days) : options.days;
        await setRetention(deps.retention, null, options.entente, options.member, days);
        context.stdout.write(`${options.member}\t${days}\n`);
      });
    });
  provisioning
    .command("erasures")
    .description("effacements prévus / scheduled erasures")
    .requiredOption("--entente <id>", "entente")
    .option("--member <id>", "un seul membre / one member only")
    .action(async (options: { entente: string; member?: string }) => {
      await context.withDeps(async (deps) => {
        await ensureEntente(deps, options.entente);
        const read = await readErasures(deps.retention, null, options.entente, options.member ?? null);
        if (read.retentionDays !== null) context.stdout.write(`retention ${read.retentionDays} days\n`);
        for (const e of read.scheduled)
          context.stdout.write(
            `${e.dueAt.toISOString()}\t${e.memberId}\t${e.userName}\t${e.sub}\t${e.clientId ?? "*"}\n`,
          );
      });
    });
}

/** `entente provisioning resync`: compares a connector's tool with what it should have and queues the repairs. */
export function registerResyncCommand(provisioning: Command, context: CliContext<ProvisioningCliDeps>): void {
  provisioning
    .command("resync")
    .description(
      "compare l'outil d'un connecteur et répare (événements) / compare a connector's tool and repair (events)",
    )
    .requiredOption("--entente <id>", "entente")
    .requiredOption("--connector <id>", "connecteur / connector")
    .action(async (options: { entente: string; connector: string }) => {
      await context.withDeps(async (deps) => {
        await ensureEntente(deps, options.entente);
        const r = await resyncConnector(deps.resync, null, options.entente, options.connector);
        context.stdout.write(
          `checked ${r.checked}  missing ${r.missing}  drifted ${r.drifted}  extra ${r.extra}\n`,
        );
      });
    });
}

async function ensureEntente(deps: ProvisioningCliDeps, ententeId: string): Promise<void> {
  if (!(await deps.ententeExists(ententeId))) throw new EntenteError("entente.not_found", { id: ententeId });
}
