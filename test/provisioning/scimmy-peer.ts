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
      const clash = [...users.values()].find(
        (u) => u.id !== id && String(u.userName).toLowerCase() === String(data.userName).toLowerCase(),
      );
      if (clash !== undefined) throw new SCIMMY.Types.Error(409, "uniqueness", "userName taken");
      const user = { ...data, id, meta: { created: new Date(), lastModified: new Date() } };
      users.set(id, user);
      return user as never;
    })
    .egress((resource) => {
      if (resource.id !== undefined) {
        const user = users.get(resource.id);
        if (user === undefined)
          throw new SCIMMY.Types.Error(404, NO_SCIM_TYPE, `User ${resource.id} not found`);
        return user as never;
      }
      const all = [...users.values()];
      return (resource.filter === undefined ? all : resource.filter.match(all)) as never;
    })
    .degress((resource) => {
      if (resource.id === undefined || !users.delete(resource.id))
        throw new SCIMMY.Types.Error(404, NO_SCIM_TYPE, "not found");
    });
}

/** Starts the peer; `token` is the bearer it accepts. */
export async function startScimmyPeer(port: number, token: string): Promise<ScimmyPeer> {
  declareResources();
  users.clear();
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
