import type { Actor } from "../../shared/actor.ts";
import type {
  ResourceServerDraft,
  ResourceServerInput,
  ResourceServerRecord,
} from "../domain/resource-server.ts";

/** What the OpenID Provider reads of the resource servers (`getResourceServerInfo`). */
export interface ResourceServerDirectory {
  /** The server whose audience is exactly `audience` (any entente), or null. */
  findByAudience(audience: string): Promise<ResourceServerRecord | null>;
}

/** Resource servers as the administration (API, CLI) writes and reads them, rules applied. */
export interface ResourceServerAdmin extends ResourceServerDirectory {
  listResourceServers(ententeId: string): Promise<ResourceServerRecord[]>;
  getResourceServer(ententeId: string, id: string): Promise<ResourceServerRecord | null>;
  /** @throws `identity.resource_server_invalid`, `identity.resource_server_taken`. */
  createResourceServer(
    ententeId: string,
    input: ResourceServerDraft,
    actor: Actor,
  ): Promise<ResourceServerRecord>;
  /**
   * @throws `identity.resource_server_invalid`, `identity.resource_server_taken`,
   *   `conflict.stale_version`, `resource.not_found`.
   */
  updateResourceServer(
    ententeId: string,
    id: string,
    input: ResourceServerDraft,
    expectedRowVersion: number,
    actor: Actor,
  ): Promise<ResourceServerRecord>;
  /** @throws `identity.not_found`. */
  deleteResourceServer(ententeId: string, id: string, actor: Actor): Promise<void>;
}

/**
 * Table `resource_server` (src/identity/db/resource-server-store.ts): it writes what it is given
 * (the registry applies the rules), every write one transaction with its audit event, updates
 * through the platform's `runVersionedUpdate`.
 */
export interface ResourceServerStore extends ResourceServerDirectory {
  listResourceServers(ententeId: string): Promise<ResourceServerRecord[]>;
  getResourceServer(ententeId: string, id: string): Promise<ResourceServerRecord | null>;
  createResourceServer(
    ententeId: string,
    input: ResourceServerInput,
    actor: Actor,
  ): Promise<ResourceServerRecord>;
  /** @throws `conflict.stale_version`, `resource.not_found`. */
  updateResourceServer(
    ententeId: string,
    id: string,
    input: ResourceServerInput,
    expectedRowVersion: number,
    actor: Actor,
  ): Promise<ResourceServerRecord>;
  /** @returns false when the entente has no such server. */
  deleteResourceServer(ententeId: string, id: string, actor: Actor): Promise<boolean>;
}
