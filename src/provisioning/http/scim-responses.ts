import type { FastifyReply, FastifyRequest } from "fastify";
import { EntenteError, formatMessage } from "../../platform/errors.ts";
import type { ListedPage } from "../app/list-resources.ts";
import { badRequest, ScimProtocolError } from "../domain/scim-error.ts";
import { ERROR_SCHEMA, LIST_SCHEMA } from "../domain/scim-schemas.ts";

/** The media type of SCIM messages (RFC 7644 §3.1). */
export const SCIM_MEDIA_TYPE = "application/scim+json; charset=utf-8";

/** Sends a resource with its ETag (RFC 7644 §3.14). */
export function sendResource(reply: FastifyReply, status: number, resource: Record<string, unknown>) {
  const meta = resource.meta as { version?: string; location?: string } | undefined;
  if (meta?.version !== undefined) reply.header("etag", meta.version);
  if (status === 201 && meta?.location !== undefined) reply.header("location", meta.location);
  return reply.code(status).type(SCIM_MEDIA_TYPE).send(resource);
}

/** Sends a ListResponse (RFC 7644 §3.4.2). */
export function sendList(reply: FastifyReply, page: ListedPage) {
  return reply.type(SCIM_MEDIA_TYPE).send({
    schemas: [LIST_SCHEMA],
    totalResults: page.totalResults,
    startIndex: page.startIndex,
    itemsPerPage: page.resources.length,
    Resources: page.resources,
  });
}

/**
 * Answers any error of the SCIM routes in SCIM's format (RFC 7644 §3.12): a `ScimProtocolError` as
 * it is; a body that is not JSON as 400 `invalidSyntax`; anything else as a 500 whose detail says
 * nothing of the cause (it is logged with the request id).
 */
export function sendScimError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const scim = toScimError(error);
  if (scim.status >= 500) request.log.error({ err: error }, "SCIM request failed");
  if (scim.status === 401) reply.header("www-authenticate", 'Bearer realm="entente-scim"');
  return reply
    .code(scim.status)
    .type(SCIM_MEDIA_TYPE)
    .send({
      schemas: [ERROR_SCHEMA],
      status: String(scim.status),
      ...(scim.scimType === null ? {} : { scimType: scim.scimType }),
      detail: scim.message,
    });
}

function toScimError(error: unknown): ScimProtocolError {
  if (error instanceof ScimProtocolError) return error;
  // The platform's refusal of U+0000 (refuse-nul-characters.ts), in SCIM's words (RFC 7644 §3.12).
  if (error instanceof EntenteError && error.code === "request.nul_character")
    return badRequest("invalidValue", formatMessage(error.code, error.details, "en"));
  const fastify = error as { statusCode?: number; code?: string; message?: string };
  if (fastify.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE")
    return badRequest("invalidSyntax", "send the body as application/scim+json (or application/json).");
  if (fastify.code === "FST_ERR_CTP_BODY_TOO_LARGE")
    return new ScimProtocolError(413, null, "the body is too large: send fewer resources per request.");
  if (
    error instanceof SyntaxError ||
    fastify.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
    fastify.code === "FST_ERR_CTP_INVALID_JSON_BODY"
  )
    return badRequest("invalidSyntax", `the body is not valid JSON (${fastify.message ?? "syntax error"}).`);
  return new ScimProtocolError(
    500,
    null,
    "the SCIM server failed on this request: retry later; the request id is in the X-Request-Id header.",
  );
}
