import type { Command } from "commander";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import { DEFAULT_PASS, deliverUntilIdle } from "../app/deliver-due-events.ts";
import { addConnector, listConnectors, listDeliveries, replayEvent } from "../app/delivery-admin.ts";
import type { DeliveryState } from "../app/engine-ports.ts";
import { EntenteError } from "../errors.ts";
import type { ProvisioningCliDeps } from "./commands.ts";
import { registerResyncCommand, registerRetentionCommands } from "./retention-commands.ts";

/** `entente provisioning deliveries|replay|deliver|connector add|connector list`. */
export function registerDeliveryCommands(
  program: Command,
  context: CliContext<ProvisioningCliDeps>,
): Command {
  const provisioning = program
    .command("provisioning")
    .description("provisionnement des comptes / account provisioning");
  provisioning
    .command("deliveries")
    .description(
      "livraisons : en attente, en échec (réponse du pair), faites / deliveries: pending, failed, done",
    )
    .requiredOption("--entente <id>", "entente")
    .option("--state <state>", "pending | failed | done")
    .option("--limit <n>", "nombre / how many", "50")
    .action(async (options: { entente: string; state?: DeliveryState; limit: string }) => {
      await context.withDeps(async (deps) => {
        await ensureEntente(deps, options.entente);
        const listed = await listDeliveries(deps.admin, null, options.entente, {
          state: options.state,
          limit: Number(options.limit),
        });
        const { pending, failed, done } = listed.counts;
        context.stdout.write(`pending ${pending}  failed ${failed}  done ${done}\n`);
        for (const d of listed.deliveries)
          context.stdout.write(
            `${d.eventId}\t${d.state}\t${d.kind}\t${d.userName}\t${d.connectorLabel}\tattempts ${d.attempts}${d.lastError === null ? "" : `\t${d.lastError}`}\n`,
          );
      });
    });
  provisioning
    .command("replay <eventId>")
    .description("rejoue un événement / replay an event")
    .requiredOption("--entente <id>", "entente")
    .option("--connector <id>", "un seul connecteur / one connector only")
    .action(async (eventId: string, options: { entente: string; connector?: string }) => {
      await context.withDeps(async (deps) => {
        await ensureEntente(deps, options.entente);
        const replayed = await replayEvent(
          deps.admin,
          null,
          options.entente,
          eventId,
          options.connector ?? null,
        );
        context.stdout.write(`${replayed}\n`);
      });
    });
  provisioning
    .command("deliver")
    .description("livre ce qui est dû, avec la progression / deliver what is due, with progress")
    .option("--max-passes <n>", "passes au plus / passes at most", "1000")
    .action(async (options: { maxPasses: string }) => {
      await context.withDeps(async (deps) => {
        const total = await deliverUntilIdle(
          deps.engine,
          { ...DEFAULT_PASS, maxPasses: Number(options.maxPasses) },
          (p) => context.stdout.write(`delivered ${p.delivered}  retried ${p.retried}  failed ${p.failed}\n`),
        );
        context.stdout.write(
          `done: delivered ${total.delivered}, retried ${total.retried}, failed ${total.failed}\n`,
        );
      });
    });
  registerConnectorCommands(provisioning, context);
  registerRetentionCommands(provisioning, context);
  registerResyncCommand(provisioning, context);
  return provisioning;
}

function registerConnectorCommands(provisioning: Command, context: CliContext<ProvisioningCliDeps>): void {
  const connector = provisioning.command("connector").description("connecteurs / connectors");
  connector
    .command("add")
    .description("déclare un connecteur / declare a connector")
    .requiredOption("--entente <id>", "entente")
    .requiredOption("--kind <kind>", "scim | ejabberd | mail")
    .requiredOption("--label <label>", "nom / label")
    .requiredOption(
      "--settings <json>",
      'réglages JSON / JSON settings, e.g. {"baseUrl": "https://…/scim/v2"}',
    )
    .option(
      "--secret-env <name>",
      "variable d'environnement du secret / environment variable holding the secret",
    )
    .option("--members <ids>", "membres servis / members served (default: all)")
    .option("--client-id <id>", "service OIDC / OIDC service")
    .action(
      async (options: {
        entente: string;
        kind: string;
        label: string;
        settings: string;
        secretStdin?: boolean;
        members?: string;
        clientId?: string;
      }) => {
        await context.withDeps(async (deps) => {
          await ensureEntente(deps, options.entente);
          const created = await addConnector(deps.admin, null, options.entente, {
            kind: options.kind,
            label: options.label,
            settings: parseSettings(options.settings),
            secret: options.secretStdin === true ? (await context.readStdin()).trim() : null,
            memberIds: options.members === undefined ? null : options.members.split(","),
            clientId: options.clientId ?? null,
            enabled: true,
          });
          context.stdout.write(`${created.id}\n`);
        });
      },
    );
  connector
    .command("list")
    .description("liste les connecteurs / list the connectors")
    .requiredOption("--entente <id>", "entente")
    .action(async (options: { entente: string }) => {
      await context.withDeps(async (deps) => {
        await ensureEntente(deps, options.entente);
        for (const c of await listConnectors(deps.admin, null, options.entente))
          context.stdout.write(`${c.id}\t${c.kind}\t${c.label}\t${c.memberIds?.join(",") ?? "*"}\n`);
      });
    });
}

/** @throws EntenteError `entente.not_found` (exit status 1, as the other commands) when no such entente was imported. */
async function ensureEntente(deps: ProvisioningCliDeps, ententeId: string): Promise<void> {
  if (!(await deps.ententeExists(ententeId))) throw new EntenteError("entente.not_found", { id: ententeId });
}

/** `--settings` as an object. @throws EntenteError `provisioning.connector_settings` when it is not a JSON object. */
function parseSettings(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EntenteError(
      "provisioning.connector_settings",
      { problems: `--settings is not JSON (${reason})` },
      { cause: error },
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new EntenteError("provisioning.connector_settings", {
      problems: "--settings must be a JSON object",
    });
  return parsed as Record<string, unknown>;
}
