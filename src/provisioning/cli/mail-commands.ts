import type { Command } from "commander";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import { mailMigrationReport, prepareMemberMailboxes } from "../app/mail-migration.ts";
import type { ProvisioningCliDeps } from "./commands.ts";

/** `entente provisioning mail prepare|report`: the mail migration (docs/mail-platform.md). */
export function registerMailCommands(provisioning: Command, context: CliContext<ProvisioningCliDeps>): void {
  const mail = provisioning
    .command("mail")
    .description(
      "messagerie collaborative : migration des membres / collaborative email: the members' migration",
    );
  mail
    .command("prepare")
    .description(
      "crée avant la bascule les boîtes de toutes les personnes actives du membre / create ahead of the switch the mailboxes of every active person of the member",
    )
    .requiredOption("--entente <id>", "entente")
    .requiredOption("--member <id>", "membre / member")
    .action(async (options: { entente: string; member: string }) => {
      await context.withDeps(async (deps) => {
        const result = await prepareMemberMailboxes(
          deps.mailMigration,
          null,
          options.entente,
          options.member,
          (done, total) => {
            if (done === total || done % 100 === 0) context.stdout.write(`${done}/${total}\n`);
          },
        );
        context.stdout.write(`${result.memberId}: ${result.done}/${result.accounts} mailboxes ready\n`);
        for (const r of result.refused) context.stdout.write(`refused\t${r.userName}\t${r.reason}\n`);
      });
    });
  mail
    .command("report")
    .description("avancement de la migration par membre / migration progress per member")
    .requiredOption("--entente <id>", "entente")
    .option("--member <id>", "un seul membre / one member only")
    .option("--json", "en JSON / as JSON")
    .action(async (options: { entente: string; member?: string; json?: boolean }) => {
      await context.withDeps(async (deps) => {
        const lines = await mailMigrationReport(
          deps.mailMigration,
          null,
          options.entente,
          options.member ?? null,
        );
        if (options.json) {
          context.stdout.write(`${JSON.stringify(lines, null, 2)}\n`);
          return;
        }
        context.stdout.write("member\twave\tplanned start\tplanned\tcreated\tsigned in\tstage\n");
        for (const l of lines)
          context.stdout.write(
            `${l.memberId}\t${l.wave?.label ?? "-"}\t${l.wave?.plannedStart ?? "-"}\t${l.planned}\t${l.created}\t${l.signedIn}\t${l.stage}\n`,
          );
      });
    });
}
