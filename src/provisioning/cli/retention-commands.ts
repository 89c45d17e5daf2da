import { randomUUID } from "node:crypto";
import type { Command } from "commander";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import {
  changeResync,
  listResyncJobs,
  RESYNC_PAGE,
  type ResyncJob,
  runResyncJob,
  startResync,
} from "../app/resync-job.ts";
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

/**
 * `entente provisioning resync`: the full resync of a connector as a job, run here with a
 * progress line per page; `--stop` stops the connector's running job (wherever it runs),
 * `--resume` resumes its stopped (or failed) job from its cursor, here.
 */
export function registerResyncCommand(provisioning: Command, context: CliContext<ProvisioningCliDeps>): void {
  provisioning
    .command("resync")
    .description(
      "resynchronise l'outil d'un connecteur (progression, arrêt, reprise) / resync a connector's tool (progress, stop, resume)",
    )
    .requiredOption("--entente <id>", "entente")
    .requiredOption("--connector <id>", "connecteur / connector")
    .option("--stop", "arrête la resynchronisation en cours / stop the running resync")
    .option("--resume", "reprend la resynchronisation arrêtée / resume the stopped resync")
    .option("--page-size <n>", "comptes par page / accounts per page", String(RESYNC_PAGE.size))
    .action(
      async (options: {
        entente: string;
        connector: string;
        stop?: boolean;
        resume?: boolean;
        pageSize: string;
      }) => {
        await context.withDeps(async (deps) => {
          await ensureEntente(deps, options.entente);
          const write = (job: ResyncJob) => context.stdout.write(`${progressLine(job)}\n`);
          if (options.stop === true || options.resume === true) {
            const action = options.stop === true ? "stop" : "resume";
            const open = (await listResyncJobs(deps.resyncJobs, null, options.entente)).find(
              (j) =>
                j.connectorId === options.connector &&
                (action === "stop" ? j.state === "running" : j.state === "stopped" || j.state === "failed"),
            );
            if (open === undefined)
              throw new EntenteError("provisioning.resync_not_found", {
                jobId: `${options.connector} (${action})`,
              });
            const changed = await changeResync(deps.resyncJobs, null, options.entente, open.id, action);
            write(changed);
            if (action === "stop") return;
          }
          const job =
            options.resume === true
              ? undefined
              : await startResync(deps.resyncJobs, null, options.entente, options.connector);
          const jobId = job?.id ?? (await openJobId(deps, options.entente, options.connector));
          const ended = await runResyncJob(deps.resyncJobs, jobId, `cli-${randomUUID()}`, {
            pageSize: Number(options.pageSize),
            onPage: write,
          });
          if (ended !== null) write(ended);
        });
      },
    );
}

/** The connector's running job (just resumed). */
async function openJobId(deps: ProvisioningCliDeps, ententeId: string, connectorId: string): Promise<string> {
  const jobs = await listResyncJobs(deps.resyncJobs, null, ententeId);
  const open = jobs.find((j) => j.connectorId === connectorId && j.state === "running");
  if (open === undefined) throw new EntenteError("provisioning.resync_not_found", { jobId: connectorId });
  return open.id;
}

/** One progress line: `<job> <state> compared n/total (p %) created … updated … disabled … errors …`. */
export function progressLine(job: ResyncJob): string {
  const percent = job.total === 0 ? 100 : Math.floor((job.compared * 100) / job.total);
  return [
    job.id,
    job.state,
    `compared ${job.compared}/${job.total} (${percent} %)`,
    `created ${job.created}`,
    `updated ${job.updated}`,
    `disabled ${job.disabled}`,
    `errors ${job.errors}`,
    ...(job.lastError === null ? [] : [job.lastError]),
  ].join("  ");
}

async function ensureEntente(deps: ProvisioningCliDeps, ententeId: string): Promise<void> {
  if (!(await deps.ententeExists(ententeId))) throw new EntenteError("entente.not_found", { id: ententeId });
}
