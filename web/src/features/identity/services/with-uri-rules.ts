import type { z } from "zod";
import { serviceUriProblem } from "../../../../../src/shared/uri-rules.ts";
import type { Translate } from "../../../shared/i18n/translate.ts";
import type { toServiceBody } from "./service-draft.ts";

const URI_LISTS = ["redirectUris", "postLogoutRedirectUris"] as const;

/**
 * Adds to a body's schema the rules of the service's URIs (exact, https, no fragment…): a wrong
 * one is shown next to its field, naming its line, and nothing is sent. The server checks again.
 */
export function withUriRules<B extends ReturnType<typeof toServiceBody>>(schema: z.ZodType<B>, t: Translate) {
  return schema.superRefine((body, ctx) => {
    for (const field of URI_LISTS) {
      for (const [i, uri] of body[field].entries()) {
        const problem = serviceUriProblem(uri);
        if (problem === null) continue;
        ctx.addIssue({
          code: "custom",
          path: [field, i],
          message: t("identity.services.uriAt", {
            line: i + 1,
            uri,
            problem: t(`identity.services.uriProblems.${problem}`),
          }),
        });
      }
    }
    const single = body.backchannelLogoutUri;
    const problem = single === null ? null : serviceUriProblem(single);
    if (problem !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["backchannelLogoutUri"],
        message: t("identity.services.uriOne", {
          uri: single,
          problem: t(`identity.services.uriProblems.${problem}`),
        }),
      });
    }
  });
}
