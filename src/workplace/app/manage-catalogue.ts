import { hash, randomBytes } from "node:crypto";
import { assertCan, type Principal } from "../../access/index.ts";
import type { Actor } from "../../shared/actor.ts";
import {
  type CatalogueDraft,
  type CatalogueEntry,
  compareCatalogueEntries,
  validateCatalogueFields,
} from "../domain/catalogue-entry.ts";
import { checkLogo } from "../domain/logo.ts";
import { EntenteError } from "../errors.ts";
import type { WorkplaceDeps } from "./ports.ts";

/**
 * The service catalogue's use cases (issue 11 §1). Reading is for every console role of the
 * entente; writing is the secretariat's (`manage-identity`: a catalogue entry is identity's
 * service client seen from the workplace, one object, so the same permission manages both).
 */

// As finance (src/finance/app/actor-of.ts): the audit trail names people by their email.
const actorOf = (principal: Principal): Actor => ({ id: principal.email, label: principal.email });

/** The entente's catalogue, in display order. */
export async function listCatalogue(
  deps: WorkplaceDeps,
  principal: Principal,
  ententeId: string,
): Promise<CatalogueEntry[]> {
  assertCan(principal, { kind: "read", ententeId });
  return (await deps.catalogue.list(ententeId)).sort(compareCatalogueEntries);
}

/** One entry. @throws `workplace.not_found`. */
export async function getCatalogueEntry(
  deps: WorkplaceDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
): Promise<CatalogueEntry> {
  assertCan(principal, { kind: "read", ententeId });
  const entry = await deps.catalogue.find(ententeId, clientId);
  if (entry === null) throw new EntenteError("workplace.not_found", { what: "service", id: clientId });
  return entry;
}

/**
 * Puts identity's service client `clientId` (of this entente) in the catalogue.
 * @throws `workplace.not_found` (no such client in the entente), ValidationError
 * (`workplace.service_invalid`), `workplace.already_in_catalogue`.
 */
export async function addToCatalogue(
  deps: WorkplaceDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
  draft: CatalogueDraft,
): Promise<CatalogueEntry> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  const fields = validateCatalogueFields(draft);
  if ((await deps.catalogue.findClient(ententeId, clientId)) === null) {
    throw new EntenteError("workplace.not_found", { what: "OIDC client", id: clientId });
  }
  return deps.catalogue.create(ententeId, clientId, fields, actorOf(principal));
}

/** Edits an entry. @throws ValidationError, `conflict.stale_version`, `resource.not_found`. */
export async function updateCatalogueEntry(
  deps: WorkplaceDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
  draft: CatalogueDraft & { readonly rowVersion: number },
): Promise<CatalogueEntry> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  const fields = validateCatalogueFields(draft);
  return deps.catalogue.update(ententeId, clientId, fields, draft.rowVersion, actorOf(principal));
}

/**
 * Uploads (or with null removes: back to the monogram) the entry's logo, checked by `checkLogo`.
 * @throws `workplace.logo_invalid`, `workplace.not_found`.
 */
export async function setServiceLogo(
  deps: WorkplaceDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
  upload: { readonly bytes: Uint8Array; readonly declaredType: string } | null,
): Promise<void> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  const logo =
    upload === null ? null : { bytes: upload.bytes, type: checkLogo(upload.bytes, upload.declaredType) };
  await deps.catalogue.setLogo(ententeId, clientId, logo, actorOf(principal));
}

/** SHA-256 (hex) of a service key: what is stored and looked up. */
export function hashServiceKey(key: string): string {
  // One-shot: no Hash object per call (asked on every entitlements request; bench/workplace).
  return hash("sha256", key, "hex");
}

/**
 * Gives the service a new key for `X-Service-Auth` (entitlements), replacing the old one at
 * once. 256 random bits, base64url; only its SHA-256 is stored. @returns the key, shown once.
 */
export async function rotateServiceKey(
  deps: WorkplaceDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
): Promise<string> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  const key = `esk_${randomBytes(32).toString("base64url")}`;
  await deps.catalogue.setServiceKeyHash(ententeId, clientId, hashServiceKey(key), actorOf(principal));
  return key;
}
