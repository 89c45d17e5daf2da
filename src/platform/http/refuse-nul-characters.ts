import type { FastifyRequest } from "fastify";
import { findNulCharacter } from "../../shared/nul-character.ts";
import { EntenteError } from "../errors.ts";
import { formatField } from "./describe-validation-errors.ts";

/**
 * Fastify `preValidation` hook of every route: a request whose path parameters, query string or
 * parsed body hold the NUL character (U+0000) is refused with 400 `request.nul_character`, naming
 * the field (`body.members[2].name`, `query.q`), before any handler runs — so that no store ever
 * meets it (PostgreSQL would refuse it as an internal error). Each route scope's error handler
 * renders it in its own format (problem+json, SCIM error, the portal's HTML page); a route that
 * declares `attachValidation` answers bad input in its own shape and is left to do so.
 *
 * @throws EntenteError `request.nul_character` with the field's path
 */
export async function refuseNulCharacters(request: FastifyRequest): Promise<void> {
  // A route that answers malformed input in its own shape (`attachValidation`, e.g. La Gaufre's
  // feed, whose 4xx schema is not a problem document) validates every parameter it reads itself.
  if (request.routeOptions.attachValidation === true) return;
  for (const [part, value] of [
    ["params", request.params],
    ["query", request.query],
    ["body", request.body],
  ] as const) {
    const path = findNulCharacter(value);
    if (path !== undefined) {
      const fullPath = [part, ...path];
      throw new EntenteError("request.nul_character", { field: formatField(fullPath) }, { path: fullPath });
    }
  }
}
