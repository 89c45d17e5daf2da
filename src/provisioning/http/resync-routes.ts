import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import { IdParam } from "../../shared/contract-primitives.ts";
import { type ResyncDeps, resyncConnector } from "../app/resync.ts";
import {
  changeResync,
  type ResyncJob as Job,
  listResyncJobs,
  type ResyncJobDeps,
  startResync,
} from "../app/resync-job.ts";
import type { ResyncRunner } from "../app/resync-runner.ts";
import { ResyncJob, ResyncJobList } from "../contracts.ts";

const ResyncReport = z.object({
  checked: z.number().int().describe("persons the connector should have"),
  missing: z.number().int().describe("accounts the tool lacks: created again"),
  drifted: z.number().int().describe("accounts that differ: updated (or disabled)"),
  extra: z.number().int().describe("active accounts of persons Entente does not know there: disabled"),
});

const BASE = "/api/ententes/:id/provisioning";
const tags = ["provisioning"];
const ConnectorParams = z.object({ id: IdParam, connectorId: z.string().min(1).max(200) });
const JobParams = z.object({ id: IdParam, jobId: z.string().min(1).max(200) });

/**
 * The full resync of a connector (secretariat): at once (`…/resync`, a small tool), or as a job
 * run in the background that shows its progress and can be stopped and resumed (`…/resyncs`).
 * Its repairs are events, followed in the deliveries.
 */
export function createResyncRoutes(
  deps: ResyncDeps,
  jobs: { readonly deps: ResyncJobDeps; readonly runner: ResyncRunner },
): RouteRegistrar {
  return async (app) => {
    app.post(
      `${BASE}/connectors/:connectorId/resync`,
      {
        schema: {
          summary: "Compare the connector's tool with what it should have and queue the repairs",
          tags,
          params: ConnectorParams,
          response: { 200: ResyncReport },
        },
      },
      async (request) =>
        resyncConnector(deps, requirePrincipal(request), request.params.id, request.params.connectorId),
    );
    app.get(
      `${BASE}/resyncs`,
      {
        schema: {
          summary: "Resync jobs, newest first",
          tags,
          params: z.object({ id: IdParam }),
          response: { 200: ResyncJobList },
        },
      },
      async (request) =>
        (await listResyncJobs(jobs.deps, requirePrincipal(request), request.params.id)).map(jobJson),
    );
    app.post(
      `${BASE}/connectors/:connectorId/resyncs`,
      {
        schema: {
          summary: "Start a full resync of the connector as a job (runs in the background)",
          tags,
          params: ConnectorParams,
          response: { 202: ResyncJob },
        },
      },
      async (request, reply) => {
        const job = await startResync(
          jobs.deps,
          requirePrincipal(request),
          request.params.id,
          request.params.connectorId,
        );
        jobs.runner.kick(job.id);
        return reply.code(202).send(jobJson(job));
      },
    );
    for (const action of ["stop", "resume"] as const)
      app.post(
        `${BASE}/resyncs/:jobId/${action}`,
        {
          schema: {
            summary:
              action === "stop"
                ? "Stop a running resync after its page in progress"
                : "Resume a stopped or failed resync from its cursor",
            tags,
            params: JobParams,
            response: { 200: ResyncJob },
          },
        },
        async (request) => {
          const job = await changeResync(
            jobs.deps,
            requirePrincipal(request),
            request.params.id,
            request.params.jobId,
            action,
          );
          if (action === "resume") jobs.runner.kick(job.id);
          return jobJson(job);
        },
      );
  };
}

function jobJson(job: Job) {
  const { ententeId: _entente, cursor: _cursor, ...rest } = job;
  return { ...rest, startedAt: job.startedAt.toISOString(), updatedAt: job.updatedAt.toISOString() };
}
