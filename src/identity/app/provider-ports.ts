import type { Actor } from "../../shared/actor.ts";
import type { ServiceClientInput, ServiceClientRecord } from "../domain/service-client.ts";
import type { SigningKeyChanges, SigningKeyRecord } from "../domain/signing-key.ts";
import type { ServiceClientRegistry } from "./ports.ts";

/**
 * Ports of the OpenID Provider's own data: its signing keys and the services' registry, as the
 * API, the command line and the provider use them (src/identity/db implements them).
 */

/** Where the provider's signing keys live (the database, shared by every node). */
export interface SigningKeyStore {
  listKeys(): Promise<SigningKeyRecord[]>;
  /**
   * Reads the keys with a lock, lets `plan` compute the changes and applies them, in one
   * transaction (two nodes rotating at once apply one step each, one after the other).
   */
  change(plan: (keys: readonly SigningKeyRecord[]) => SigningKeyChanges): Promise<SigningKeyChanges>;
}

/** Writes of the service registry (API, CLI), rules applied. Validation errors: `identity.client_invalid`. */
export interface ServiceClientAdmin extends ServiceClientRegistry {
  /** @returns the record and, for confidential clients, the secret in clear — shown once, stored hashed or encrypted. */
  createClient(
    ententeId: string,
    input: ServiceClientInput,
    actor?: Actor,
  ): Promise<{ readonly client: ServiceClientRecord; readonly clientSecret: string | null }>;
  /** @throws `conflict.stale_version` when `expectedRowVersion` is not the stored one; `resource.not_found`; `identity.client_invalid`. */
  updateClient(
    ententeId: string,
    clientId: string,
    input: ServiceClientInput,
    expectedRowVersion: number,
    actor?: Actor,
  ): Promise<ServiceClientRecord>;
  /** A new secret replaces the old one at once. @returns it, in clear, shown once. @throws `identity.not_found`. */
  rotateClientSecret(ententeId: string, clientId: string, actor?: Actor): Promise<string>;
  /** @throws `identity.not_found`. */
  deleteClient(ententeId: string, clientId: string, actor?: Actor): Promise<void>;
}

/**
 * Where the services are stored. It generates client ids and secrets and writes what it is
 * given; the rules (`validateServiceClient`, known members, a public client stays public) are
 * applied before, by `createServiceRegistry`.
 */
export interface ServiceClientStore extends ServiceClientRegistry {
  /** The member ids of an entente (a policy may name only these). */
  memberIdsOf(ententeId: string): Promise<string[]>;
  /** Registers a service with a new client id and, unless public, a new secret returned in clear once. */
  createClient(
    ententeId: string,
    input: ServiceClientInput,
    actor?: Actor,
  ): Promise<{ readonly client: ServiceClientRecord; readonly clientSecret: string | null }>;
  /**
   * Writes `input` over the service when its version is `expectedRowVersion` (then bumped).
   * @returns null, nothing written, when `input` is confidential and the service has no secret.
   * @throws `conflict.stale_version`, `resource.not_found`.
   */
  updateClient(
    ententeId: string,
    clientId: string,
    input: ServiceClientInput,
    expectedRowVersion: number,
    actor?: Actor,
  ): Promise<ServiceClientRecord | null>;
  /** A new secret for a confidential service of the entente. @returns it in clear, or null when there is no such service. */
  rotateClientSecret(ententeId: string, clientId: string, actor?: Actor): Promise<string | null>;
  /** @returns false when the entente has no such service. */
  deleteClient(ententeId: string, clientId: string, actor?: Actor): Promise<boolean>;
}
