import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";

/**
 * An independent SCIM 2.0 service provider for the SCIM client connector's tests: SCIMMY and its
 * Express routers (npm), with an in-memory store of Users, listening on 127.0.0.1:`port`.
 * SCIMMY parses, validates and filters; the store here only keeps what it is given.
 */
export interface ScimmyPeer {
  readonly baseUrl: string;
  readonly users: Map<string, Record<string, unknown>>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

const users = new Map<string, Record<string, unknown>>();
// Users by folded userName and by externalId, so that the peer's lookups (the connector's
// `externalId eq …` filter, the uniqueness check) stay constant-time at 10 000 Users, as a real
// service's indexes do; SCIMMY still matches the filter on what the index narrowed.
const byUserName = new Map<string, string>();
const byExternalId = new Map<string, Set<string>>();
const fold = (value: unknown) => String(value).toLowerCase();

function index(user: Record<string, unknown>, add: boolean): void {
  const id = String(user.id);
  if (add) byUserName.set(fold(user.userName), id);
  else if (byUserName.get(fold(user.userName)) === id) byUserName.delete(fold(user.userName));
  if (typeof user.externalId !== "string") return;
  const ids = byExternalId.get(user.externalId) ?? new Set<string>();
  if (add) ids.add(id);
  else ids.delete(id);
  byExternalId.set(user.externalId, ids);
}

/** The Users a filter can match: the index's when it is one `externalId`/`userName eq`, else all. */
function candidates(filter: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const [only] = filter;
  const keys = filter.length === 1 && only !== undefined ? Object.keys(only) : [];
  const test = keys.length === 1 ? only?.[keys[0] ?? ""] : undefined;
  if (!Array.isArray(test) || test[0] !== "eq" || typeof test[1] !== "string") return [...users.values()];
  const ids =
    keys[0] === "externalId"
      ? [...(byExternalId.get(test[1]) ?? [])]
      : keys[0]?.toLowerCase() === "username"
        ? [byUserName.get(fold(test[1]))]
        : undefined;
  if (ids === undefined) return [...users.values()];
  return ids.flatMap((id) => {
    const user = id === undefined ? undefined : users.get(id);
    return user === undefined ? [] : [user];
  });
}
// SCIMMY's typings want a scimType string; RFC 7644 gives none for 404.
const NO_SCIM_TYPE = undefined as unknown as string;

let declared = false;

function declareResources(): void {
  if (declared) return;
  declared = true;
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .ingress((resource, instance) => {
      const data = JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
      const id = resource.id ?? randomUUID();
      if (resource.id !== undefined && !users.has(id))
        throw new SCIMMY.Types.Error(404, NO_SCIM_TYPE, `User ${id} not found`);
      const clash = byUserName.get(fold(data.userName));
      if (clash !== undefined && clash !== id && users.has(clash))
        throw new SCIMMY.Types.Error(409, "uniqueness", "userName taken");
      const user = { ...data, id, meta: { created: new Date(), lastModified: new Date() } };
      const previous = users.get(id);
      if (previous !== undefined) index(previous, false);
      users.set(id, user);
      index(user, true);
      return user as never;
    })
    .egress((resource) => {
      if (resource.id !== undefined) {
        const user = users.get(resource.id);
        if (user === undefined)
          throw new SCIMMY.Types.Error(404, NO_SCIM_TYPE, `User ${resource.id} not found`);
        return user as never;
      }
      if (resource.filter === undefined) return [...users.values()] as never;
      return resource.filter.match(candidates(resource.filter as never)) as never;
    })
    .degress((resource) => {
      const user = resource.id === undefined ? undefined : users.get(resource.id);
      if (user === undefined || resource.id === undefined)
        throw new SCIMMY.Types.Error(404, NO_SCIM_TYPE, "not found");
      index(user, false);
      users.delete(resource.id);
    });
}

/** Starts the peer; `token` is the bearer it accepts. */
export async function startScimmyPeer(port: number, token: string): Promise<ScimmyPeer> {
  declareResources();
  users.clear();
  byUserName.clear();
  byExternalId.clear();
  const app = express();
  const router = new SCIMMYRouters({
    type: "bearer",
    docUri: "https://example.test/scim",
    handler: (request: express.Request) => {
      if (request.header("authorization") !== `Bearer ${token}`) throw new Error("Authorization failed");
      return "provisioner";
    },
  });
  // scimmy-routers is typed against its own copy of Express's types.
  app.use("/scim", router as unknown as express.RequestHandler);
  let server: Server | undefined;
  const peer: ScimmyPeer = {
    baseUrl: `http://127.0.0.1:${port}/scim`,
    users,
    async start() {
      await new Promise<void>((resolve, reject) => {
        server = app.listen(port, "127.0.0.1", (error?: Error) =>
          error === undefined ? resolve() : reject(error),
        );
      });
    },
    async stop() {
      const running = server;
      server = undefined;
      if (running === undefined) return;
      running.closeAllConnections();
      await new Promise<void>((resolve) => running.close(() => resolve()));
    },
  };
  await peer.start();
  return peer;
}
