import type { Command } from "commander";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import type { EngineDeps } from "../app/deliver-due-events.ts";
import type { DeliveryAdminDeps } from "../app/delivery-admin.ts";
import type { MailMigrationDeps } from "../app/mail-migration.ts";
import type { ResyncDeps } from "../app/resync.ts";
import type { ResyncJobDeps } from "../app/resync-job.ts";
import type { RetentionDeps } from "../app/retention.ts";
import { issueScimToken, revokeScimToken, type ScimTokenDeps } from "../app/scim-tokens.ts";
import { registerDeliveryCommands } from "./delivery-commands.ts";
import { registerMailCommands } from "./mail-commands.ts";

/** What the provisioning commands need. */
export interface ProvisioningCliDeps {
  readonly tokens: ScimTokenDeps;
  readonly engine: EngineDeps;
  readonly admin: DeliveryAdminDeps;
  readonly mailMigration: MailMigrationDeps;
  readonly retention: RetentionDeps;
  readonly resync: ResyncDeps;
  readonly resyncJobs: ResyncJobDeps;
  /** Whether the entente exists (the entente's door): an unknown `--entente` is an error, not zero counts. */
  readonly ententeExists: (ententeId: string) => Promise<boolean>;
}

/**
 * `entente scim token issue|revoke` (the members' SCIM tokens) and `entente provisioning …` (the
 * deliveries, replays, bulk delivery with progress, connectors), for operators at the server.
 */
export function registerProvisioningCommands(
  program: Command,
  context: CliContext<ProvisioningCliDeps>,
): void {
  const provisioning = registerDeliveryCommands(program, context);
  registerMailCommands(provisioning, context);
  const scim = program.command("scim").description("serveur SCIM des membres / the members' SCIM server");
  const token = scim.command("token").description("jetons SCIM / SCIM tokens");
  token
    .command("issue")
    .description(
      "émet (ou renouvelle) le jeton SCIM d'un membre ; affiché une fois / issue (or rotate) a member's SCIM token; shown once",
    )
    .requiredOption("--entente <id>", "entente")
    .requiredOption("--member <id>", "membre / member")
    .requiredOption("--source <id>", "source d'identité du membre / the member's identity source")
    .action(async (options: { entente: string; member: string; source: string }) => {
      await context.withDeps(async (deps) => {
        const scope = { ententeId: options.entente, memberId: options.member, sourceId: options.source };
        const issued = await issueScimToken(deps.tokens, null, scope, "cli");
        context.stdout.write(`/scim/v2/${options.entente}/${options.member}\n${issued}\n`);
      });
    });
  token
    .command("revoke")
    .description("révoque le jeton SCIM d'un membre / revoke a member's SCIM token")
    .requiredOption("--entente <id>", "entente")
    .requiredOption("--member <id>", "membre / member")
    .action(async (options: { entente: string; member: string }) => {
      await context.withDeps((deps) => revokeScimToken(deps.tokens, null, options.entente, options.member));
    });
}
