import type { FastifyReply } from "fastify";
import { ResponseSerializationError } from "fastify-type-provider-zod";
import { type ZodType, z } from "zod";

/**
 * A response body checked and written once, to be sent many times: the same check and text as
 * the routes' serializer (fastify-type-provider-zod: `z.safeEncode` by the response schema, then
 * `JSON.stringify`), done when an answer is computed rather than at every request — for answers
 * kept per stored version or for a few seconds (the launcher feed, the dashboard; bench/).
 * @throws ResponseSerializationError when `data` does not match `schema` (a bug: the error
 *   handler answers 500 as for any route).
 */
export function precomputeJson<S extends ZodType>(
  schema: S,
  data: z.input<S>,
  route: { readonly method: string; readonly url: string },
): string {
  const result = z.safeEncode(schema, data as z.output<S>);
  if (result.error) throw new ResponseSerializationError(route.method, route.url, { cause: result.error });
  return JSON.stringify(result.data);
}

/**
 * Sends a body made by {@link precomputeJson} as is: Fastify does not serialize a string or a
 * Buffer again (a Buffer, for a large body sent often, is not even encoded to UTF-8 again).
 */
export function sendJsonText(reply: FastifyReply, json: string | Buffer): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(json);
}

/**
 * {@link precomputeJson} remembered by content: an answer equal to one already checked (the same
 * `JSON.stringify`) gets the same text without being checked again — for small answers that
 * repeat (the entitlements of the same account, bench/workplace). The check is deterministic, so
 * the text is what the serializer would write. At most `maxEntries` texts; beyond, all dropped.
 * `data` must be JSON-serialisable as is (no bigint).
 */
export function createJsonMemo<S extends ZodType>(
  schema: S,
  route: { readonly method: string; readonly url: string },
  maxEntries = 1000,
): (data: z.input<S>) => string {
  const texts = new Map<string, string>();
  return (data) => {
    const key = JSON.stringify(data);
    let text = texts.get(key);
    if (text === undefined) {
      text = precomputeJson(schema, data, route);
      if (texts.size >= maxEntries) texts.clear();
      texts.set(key, text);
    }
    return text;
  };
}
