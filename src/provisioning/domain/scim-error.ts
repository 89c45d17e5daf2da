/**
 * A SCIM protocol error (RFC 7644 §3.12): the HTTP status, the `scimType` keyword where the RFC
 * defines one for it, and a detail that says what was wrong, where and what to do. The SCIM
 * routes answer it in the protocol's own format (`urn:…:api:messages:2.0:Error`), not as
 * problem+json: SCIM clients (Entra ID, Okta) read `scimType` and `status`.
 */
export class ScimProtocolError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 412 | 413 | 500 | 501;
  readonly scimType: ScimType | null;

  constructor(
    status: ScimProtocolError["status"],
    scimType: ScimType | null,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(detail, options);
    this.name = "ScimProtocolError";
    this.status = status;
    this.scimType = scimType;
  }
}

/** The `scimType` keywords of RFC 7644 Table 9. */
export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

/** 400 with `scimType` (RFC 7644 Table 9). */
export const badRequest = (scimType: ScimType, detail: string, options?: ErrorOptions) =>
  new ScimProtocolError(400, scimType, detail, options);

/** 404: the resource does not exist in the member's scope (another member's is not revealed). */
export const notFound = (type: string, id: string) =>
  new ScimProtocolError(
    404,
    null,
    `${type} "${id}" not found at this member: check the id (GET /${type}s lists them).`,
  );
