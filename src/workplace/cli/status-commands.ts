import type { Command } from "commander";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import type { ProbeRun } from "../app/run-probes.ts";
import type { ServiceStatus } from "../app/service-status.ts";

/** What the service status commands need (src/workplace/compose-cli.ts). */
export interface WorkplaceCliDeps {
  probeOnce(ententeId: string): Promise<ProbeRun[]>;
  statuses(ententeId: string): Promise<ServiceStatus[]>;
}

/**
 * `entente status probe-once --entente <id>` (every probe of the entente now, each result
 * recorded as the server's scheduler would; tab-separated: service, what this probe found —
 * `maintenance` for a failure inside a maintenance window —, reason) and
 * `entente status list --entente <id>` (each service's current, damped status; tab-separated:
 * service, name, status, since). For operators at the server: no permission check, as every command.
 */
export function registerWorkplaceCommands(program: Command, context: CliContext<WorkplaceCliDeps>): void {
  const status = program
    .command("status")
    .description("état des services du catalogue / service status of the catalogue");
  status
    .command("probe-once")
    .description("sonde maintenant chaque service de l'entente / probe every service of the entente now")
    .requiredOption("--entente <id>", "entente")
    .action(async (options: { entente: string }) => {
      await context.withDeps(async (deps) => {
        for (const run of await deps.probeOnce(options.entente)) {
          context.stdout.write(`${run.clientId}\t${run.state}\t${run.detail ?? ""}\n`);
        }
      });
    });
  status
    .command("list")
    .description("état actuel de chaque service / current status of each service")
    .requiredOption("--entente <id>", "entente")
    .action(async (options: { entente: string }) => {
      await context.withDeps(async (deps) => {
        for (const s of await deps.statuses(options.entente)) {
          context.stdout.write(`${s.clientId}\t${s.name}\t${s.status}\t${s.since?.toISOString() ?? ""}\n`);
        }
      });
    });
}
