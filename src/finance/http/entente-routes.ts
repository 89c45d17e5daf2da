import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import { negotiateLanguage } from "../../platform/http/negotiate-language.ts";
import { IdParam, YearParam } from "../../shared/contract-primitives.ts";
import type { ConsoleDeps } from "../app/console-deps.ts";
import { getDashboard } from "../app/get-dashboard.ts";
import { readEntente } from "../app/read-entente.ts";
import { listServicePlans, saveServicePlan } from "../app/save-service-plan.ts";
import { updateMember } from "../app/update-member.ts";
import { updateMission } from "../app/update-mission.ts";
import { updatePercentKey } from "../app/update-percent-key.ts";
import {
  AllocationKey,
  Dashboard,
  EntenteDetail,
  EntenteList,
  Member,
  MemberUpdate,
  Mission,
  MissionUpdate,
  PercentKeyUpdate,
  ServicePlan,
  ServicePlanInput,
} from "../contracts/api.ts";
import { EntenteError, formatMessage, localized } from "../errors.ts";
import { dashboardJson, ententeJson, missionJson } from "./to-contract.ts";

const EntenteParams = z.object({ id: IdParam });

/** Ententes, dashboard, members, keys, missions and service plans. */
export function createEntenteRoutes(deps: ConsoleDeps): RouteRegistrar {
  return async (app) => {
    app.get(
      "/api/ententes",
      {
        schema: {
          summary: "Ententes the signed-in person belongs to",
          tags: ["ententes"],
          response: { 200: EntenteList },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        const all = await deps.ententes.listEntentes();
        return all.filter((e) => e.id === principal.ententeId).map((e) => ({ ...e, years: [...e.years] }));
      },
    );

    app.get(
      "/api/ententes/:id",
      {
        schema: {
          summary: "An entente: members, keys, missions, exercises",
          tags: ["ententes"],
          params: EntenteParams,
          response: { 200: EntenteDetail },
        },
      },
      async (request) => ententeJson(await readEntente(deps, requirePrincipal(request), request.params.id)),
    );

    app.get(
      "/api/ententes/:id/dashboard",
      {
        schema: {
          summary: "The year at a glance",
          tags: ["ententes"],
          params: EntenteParams,
          querystring: z.object({ year: YearParam.optional() }),
          response: { 200: Dashboard },
        },
      },
      async (request) => {
        const view = await getDashboard(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.query.year,
        );
        const lang = negotiateLanguage(request.headers["accept-language"]);
        return dashboardJson(view, (issue) => formatMessage(issue.code, issue.details, lang));
      },
    );

    app.put(
      "/api/ententes/:id/members/:memberId",
      {
        schema: {
          summary: "Edit a member",
          tags: ["members"],
          params: EntenteParams.extend({ memberId: IdParam }),
          body: MemberUpdate,
          response: { 200: Member },
        },
      },
      async (request) => {
        const { rowVersion, ...change } = request.body;
        const saved = await updateMember(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.memberId,
          change,
          rowVersion,
        );
        return { ...saved, kind: saved.kind as z.infer<typeof Member>["kind"] };
      },
    );

    app.put(
      "/api/ententes/:id/keys/:keyId",
      {
        schema: {
          summary: "Edit a percent allocation key (rates sum to exactly 100)",
          tags: ["keys"],
          params: EntenteParams.extend({ keyId: IdParam }),
          body: PercentKeyUpdate,
          response: { 200: AllocationKey },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        const { rowVersion, ...change } = request.body;
        await updatePercentKey(deps, principal, request.params.id, request.params.keyId, change, rowVersion);
        const view = ententeJson(await readEntente(deps, principal, request.params.id));
        return view.keys.find((k) => k.id === request.params.keyId) ?? view.keys[0];
      },
    );

    app.get(
      "/api/ententes/:id/missions/:missionId/plan",
      {
        schema: {
          summary: "A mission and its current service plan",
          tags: ["missions"],
          params: EntenteParams.extend({ missionId: IdParam }),
          response: { 200: Mission },
        },
      },
      async (request) => {
        const view = await readEntente(deps, requirePrincipal(request), request.params.id);
        const mission = view.missions.find((m) => m.id === request.params.missionId);
        if (mission === undefined) return reply404(request.params.missionId);
        return missionJson(mission);
      },
    );

    app.put(
      "/api/ententes/:id/missions/:missionId",
      {
        schema: {
          summary: "Edit a mission: name, lead, members, key per section",
          tags: ["missions"],
          params: EntenteParams.extend({ missionId: IdParam }),
          body: MissionUpdate,
          response: { 200: Mission },
        },
      },
      async (request) => {
        const { rowVersion, ...change } = request.body;
        return missionJson(
          await updateMission(
            deps,
            requirePrincipal(request),
            request.params.id,
            request.params.missionId,
            change,
            rowVersion,
          ),
        );
      },
    );

    app.get(
      "/api/ententes/:id/missions/:missionId/plan/versions",
      {
        schema: {
          summary: "Every version of a mission's service plan, newest first",
          tags: ["missions"],
          params: EntenteParams.extend({ missionId: IdParam }),
          response: { 200: z.array(ServicePlan) },
        },
      },
      async (request) => {
        const plans = await listServicePlans(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.missionId,
        );
        return plans.map((p) => ({
          ...p,
          milestones: [...p.milestones],
          steeringCommittee: [...p.steeringCommittee],
          createdAt: p.createdAt.toISOString(),
        }));
      },
    );

    app.post(
      "/api/ententes/:id/missions/:missionId/plan",
      {
        schema: {
          summary: "Save a new version of a mission's service plan",
          tags: ["missions"],
          params: EntenteParams.extend({ missionId: IdParam }),
          body: ServicePlanInput,
          response: { 200: Mission },
        },
      },
      async (request) => {
        const { basedOnVersion, ...plan } = request.body;
        return missionJson(
          await saveServicePlan(
            deps,
            requirePrincipal(request),
            request.params.id,
            request.params.missionId,
            plan,
            basedOnVersion,
          ),
        );
      },
    );
  };
}

function reply404(id: string): never {
  throw new EntenteError("resource.not_found", { what: localized("mission", "mission"), id });
}
