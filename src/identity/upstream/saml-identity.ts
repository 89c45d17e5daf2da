import type { Profile } from "@node-saml/node-saml";
import type { SamlSourceSettings, SourceRecord } from "../domain/identity-source.ts";
import type { UpstreamIdentity } from "../domain/upstream-identity.ts";
import { EntenteError, localized } from "../errors.ts";
import { amrOfAuthnContext } from "./saml-amr.ts";

/** The `idAttribute` that means "the NameID". */
export const NAME_ID = "nameID";
/** The persistent NameID format (SAML Core §8.3.7): the only NameID stable enough to identify a person. */
export const PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

function attributeValues(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((v): string[] => {
    if (typeof v === "string") return [v];
    if (typeof v === "number" || typeof v === "boolean") return [String(v)];
    if (typeof v === "object" && v !== null && typeof (v as { _?: unknown })._ === "string") {
      return [(v as { _: string })._];
    }
    return []; // empty or structured values (e.g. an XML NameID inside an attribute) are left out
  });
}

function authnContextClassOf(profile: Profile): string | null {
  const assertion = profile.getAssertion?.() as
    | {
        Assertion?: {
          AuthnStatement?: Array<{ AuthnContext?: Array<{ AuthnContextClassRef?: Array<{ _?: string }> }> }>;
        };
      }
    | undefined;
  const ref = assertion?.Assertion?.AuthnStatement?.[0]?.AuthnContext?.[0]?.AuthnContextClassRef?.[0]?._;
  return typeof ref === "string" && ref.trim() !== "" ? ref.trim() : null;
}

/**
 * The identity a validated SAML profile vouches for: `upstreamId` is the persistent NameID when
 * `idAttribute` is `nameID` (a transient or email NameID is refused: it is not stable), else the
 * single value of that attribute; attributes keep every value; amr from the AuthnContextClassRef
 * (`amrOfAuthnContext`), acr = that class.
 * @throws EntenteError `identity.upstream_rejected`.
 */
export function samlIdentityOf(
  source: SourceRecord,
  settings: SamlSourceSettings,
  profile: Profile,
): UpstreamIdentity {
  const attributes: Record<string, readonly string[]> = {};
  const released = (profile.attributes ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(released)) attributes[name] = attributeValues(value);

  let upstreamId: string;
  if (settings.idAttribute === NAME_ID) {
    if (profile.nameIDFormat !== PERSISTENT || !profile.nameID) {
      throw new EntenteError("identity.upstream_rejected", {
        source: source.label,
        reason: localized(
          `un NameID persistant était attendu, pas ${String(profile.nameIDFormat ?? "aucun")}`,
          `a persistent NameID was expected, not ${String(profile.nameIDFormat ?? "none")}`,
        ),
      });
    }
    upstreamId = profile.nameID;
  } else {
    const key = Object.keys(attributes).find((k) => k.toLowerCase() === settings.idAttribute.toLowerCase());
    const values = key === undefined ? [] : (attributes[key] ?? []);
    if (values.length !== 1 || (values[0] ?? "").trim() === "") {
      throw new EntenteError("identity.upstream_rejected", {
        source: source.label,
        reason: localized(
          `${values.length} valeurs pour l'identifiant ${settings.idAttribute} (une attendue)`,
          `${values.length} values for the identifier ${settings.idAttribute} (one expected)`,
        ),
      });
    }
    upstreamId = (values[0] as string).trim();
  }
  const acr = authnContextClassOf(profile);
  return {
    sourceId: source.id,
    upstreamId,
    attributes: Object.freeze(attributes),
    amr: amrOfAuthnContext(acr),
    acr,
  };
}
