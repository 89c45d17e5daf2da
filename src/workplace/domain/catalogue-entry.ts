import { localized } from "../../shared/errors.ts";
import { serviceUriProblem } from "../../shared/uri-rules.ts";
import { type Issue, ValidationError } from "../errors.ts";

/**
 * A service of the catalogue (issue 11 §1): one running instance of a tool for a mission. It is
 * identity's OIDC client seen from the workplace — the same id (`clientId`) and the same name —
 * plus what the portal, the launcher and the entitlements show or need.
 */

/** Kinds of tools the missions run (the entitlement keys depend on it: files, video, mail). */
export const SERVICE_KINDS = ["video", "chat", "files", "office", "elearning", "mail", "other"] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** La Suite's maturity levels (shown by La Gaufre). */
export const MATURITIES = ["alpha", "beta", "stable"] as const;
export type Maturity = (typeof MATURITIES)[number];

/** The fields of a catalogue entry the secretariat writes. */
export interface CatalogueFields {
  readonly kind: ServiceKind;
  readonly description: string;
  /** Where people open the service (https; http towards loopback only). */
  readonly url: string;
  readonly maturity: Maturity;
  readonly documentationUrl: string | null;
  readonly supportUrl: string | null;
  /** Position in the lists, smallest first (ties by name). */
  readonly displayOrder: number;
}

/** A catalogue entry as stored, with the client's name and state (read from identity's client). */
export interface CatalogueEntry extends CatalogueFields {
  readonly clientId: string;
  readonly ententeId: string;
  readonly name: string;
  readonly enabled: boolean;
  /** Media type of the uploaded logo; null: the generated monogram is shown. */
  readonly logoType: string | null;
  readonly hasServiceKey: boolean;
  readonly rowVersion: number;
}

/** What a form or the API sent, before `validateCatalogueFields`. */
export interface CatalogueDraft {
  readonly kind: string;
  readonly description: string;
  readonly url: string;
  readonly maturity: string;
  readonly documentationUrl: string | null;
  readonly supportUrl: string | null;
  readonly displayOrder: number;
}

const MAX_DESCRIPTION = 500;
const MAX_DISPLAY_ORDER = 1_000_000;

const issue = (field: string, fr: string, en: string): Issue => ({
  code: "workplace.service_invalid",
  path: [field],
  details: { field, expected: localized(fr, en) },
});

function urlIssue(field: string, value: string | null): Issue | null {
  if (value === null) return null;
  const problem = serviceUriProblem(value);
  if (problem === null) return null;
  // Both languages of each problem (the catalog's message takes the expected form in each).
  const [fr, en] = (
    {
      absolute: ["une URL absolue (https://…)", "an absolute URL (https://…)"],
      wildcard: ["une URL sans *", "a URL without *"],
      fragment: ["une URL sans #fragment", "a URL without #fragment"],
      userinfo: [
        "une URL sans utilisateur:mot-de-passe@ (pas d'identifiants dans une URL)",
        "a URL without user:password@ (no credentials in a URL)",
      ],
      https: [
        "https (http seulement vers 127.0.0.1 ou localhost)",
        "https (http only towards 127.0.0.1 or localhost)",
      ],
    } as const
  )[problem];
  return issue(field, fr, en);
}

/**
 * Checks a catalogue entry's fields; every problem is reported at once.
 * URLs follow `serviceUriProblem` (https, no credentials, no wildcard or fragment).
 * @throws ValidationError with one `workplace.service_invalid` issue per wrong field.
 */
export function validateCatalogueFields(draft: CatalogueDraft): CatalogueFields {
  const issues: Issue[] = [];
  const kind = SERVICE_KINDS.find((k) => k === draft.kind);
  const maturity = MATURITIES.find((m) => m === draft.maturity);
  if (kind === undefined)
    issues.push(
      issue("kind", `l'une des valeurs ${SERVICE_KINDS.join(", ")}`, `one of ${SERVICE_KINDS.join(", ")}`),
    );
  if (maturity === undefined)
    issues.push(
      issue("maturity", `l'une des valeurs ${MATURITIES.join(", ")}`, `one of ${MATURITIES.join(", ")}`),
    );
  if (draft.description.length > MAX_DESCRIPTION) {
    issues.push(
      issue("description", `au plus ${MAX_DESCRIPTION} caractères`, `at most ${MAX_DESCRIPTION} characters`),
    );
  }
  for (const [field, value] of [
    ["url", draft.url],
    ["documentationUrl", draft.documentationUrl],
    ["supportUrl", draft.supportUrl],
  ] as const) {
    const found = urlIssue(field, value);
    if (found !== null) issues.push(found);
  }
  if (
    !Number.isSafeInteger(draft.displayOrder) ||
    draft.displayOrder < 0 ||
    draft.displayOrder > MAX_DISPLAY_ORDER
  ) {
    issues.push(
      issue(
        "displayOrder",
        `un entier de 0 à ${MAX_DISPLAY_ORDER}`,
        `an integer from 0 to ${MAX_DISPLAY_ORDER}`,
      ),
    );
  }
  if (kind === undefined || maturity === undefined || issues.length > 0) throw new ValidationError(issues);
  return { ...draft, kind, maturity, description: draft.description.trim() };
}

/** Catalogue order: display order, then name (French collation), then id. */
export function compareCatalogueEntries(
  a: Pick<CatalogueEntry, "displayOrder" | "name" | "clientId">,
  b: Pick<CatalogueEntry, "displayOrder" | "name" | "clientId">,
): number {
  return (
    a.displayOrder - b.displayOrder ||
    a.name.localeCompare(b.name, "fr") ||
    (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0)
  );
}
