import { type Localized, localized } from "../../shared/errors.ts";
import { EntenteError } from "../errors.ts";
import { accountsRemaining } from "./migration-wave.ts";
import type { SubscriptionFields } from "./subscription.ts";

/**
 * The read-only fields a subscription's read (GET) gives beside the writable ones, which a PUT
 * may send back unchanged: a read is written back whole (fresh-user finding). Each is absent
 * (undefined) when not sent.
 */
export interface SubscriptionReadBack {
  readonly clientId?: string | undefined;
  readonly memberId?: string | undefined;
  readonly storagePerAccountBytes?: number | null | undefined;
  readonly storagePerMemberBytes?: number | null | undefined;
  readonly wave?: { readonly accountsRemaining?: number | undefined } | null | undefined;
}

/** Why a read-only field has its value, and what to do instead of changing it. */
interface Source {
  readonly why: Localized;
  readonly todo: Localized;
}

const ADDRESS = "…/services/<clientId>/subscriptions/<memberId>";
const ID_SOURCES: Record<"clientId" | "memberId", Source> = {
  clientId: {
    why: localized("le service de l'adresse de la requête", "the service of the request's address"),
    todo: localized(
      `pour souscrire à un autre service, écrivez à son adresse (${ADDRESS})`,
      `to subscribe to another service, write to its address (${ADDRESS})`,
    ),
  },
  memberId: {
    why: localized("le membre de l'adresse de la requête", "the member of the request's address"),
    todo: localized(
      `pour un autre membre, écrivez à son adresse (${ADDRESS})`,
      `for another member, write to its address (${ADDRESS})`,
    ),
  },
};

const computedFrom = (field: string): Source => ({
  why: localized(`calculé depuis ${field}`, `computed from ${field}`),
  todo: localized(`pour changer ce quota, changez ${field}`, `to change this quota, change ${field}`),
});

/** @throws EntenteError `workplace.read_only_field` at `path`. */
function refuse(path: readonly string[], given: unknown, expected: unknown, source: Source): never {
  throw new EntenteError(
    "workplace.read_only_field",
    {
      field: path.join("."),
      given: String(given),
      expected: String(expected),
      why: source.why,
      todo: source.todo,
    },
    { path },
  );
}

/**
 * A read sent back whole is a write: its read-only fields are ignored when they say what the
 * subscription is — the ids of the request's address, the quotas in bytes of the
 * `{ value, unit }` quotas sent, the wave's accounts remaining (planned − migrated) — and
 * refused when they do not, since the sender then meant a change that this field cannot make.
 * @param key the service and member of the request's address.
 * @param fields the subscription as validated (`validateSubscription`).
 * @throws EntenteError `workplace.read_only_field` (400) at the field, with its value and what to do.
 * @example assertReadBackMatches({ clientId: "visio", memberId: "metropole" }, { memberId: "sitiv" }, fields)
 *   // throws at memberId: « il vaut « metropole » (le membre de l'adresse de la requête) »
 */
export function assertReadBackMatches(
  key: { readonly clientId: string; readonly memberId: string },
  readBack: SubscriptionReadBack,
  fields: SubscriptionFields,
): void {
  for (const id of ["clientId", "memberId"] as const) {
    const given = readBack[id];
    if (given !== undefined && given !== key[id]) refuse([id], given, key[id], ID_SOURCES[id]);
  }
  for (const quota of ["storagePerAccount", "storagePerMember"] as const) {
    const given = readBack[`${quota}Bytes`];
    const bytes = fields.quotas[quota];
    const expected = bytes === null ? null : Number(bytes);
    if (given !== undefined && given !== expected)
      refuse([`${quota}Bytes`], given, expected, computedFrom(quota));
  }
  const remaining = readBack.wave?.accountsRemaining;
  if (remaining === undefined) return;
  const expected = fields.wave === null ? null : accountsRemaining(fields.wave);
  if (remaining !== expected)
    refuse(["wave", "accountsRemaining"], remaining, expected, {
      why: localized("accountsPlanned − accountsMigrated", "accountsPlanned − accountsMigrated"),
      todo: localized(
        "changez accountsPlanned ou accountsMigrated",
        "change accountsPlanned or accountsMigrated",
      ),
    });
}
