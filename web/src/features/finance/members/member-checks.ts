import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { isValidSiren, isValidSiret } from "../../../../../src/shared/siren.ts";

/** The messages of the identifier checks, in the reader's language. */
export type IdentifierMessages = { siren: string; siret: string; siretOfSiren: string };

/**
 * The member contract (`MemberCreate` or `MemberUpdate`) with the server's identifier rules run in
 * the form before sending (src/shared/siren.ts, INSEE's Luhn check digit; the server checks again):
 * a SIREN or SIRET of the right length whose check digit is wrong, and a SIRET that does not start
 * with the member's SIREN, are refused next to their field.
 */
export function withIdentifierChecks<T extends { siren: string | null; siret: string | null }>(
  schema: z.ZodType<T>,
  messages: IdentifierMessages,
): z.ZodType<T> {
  return schema.superRefine((member, ctx) => {
    if (member.siren !== null && !isValidSiren(member.siren))
      ctx.addIssue({ code: "custom", path: ["siren"], message: messages.siren });
    if (member.siret !== null && !isValidSiret(member.siret))
      ctx.addIssue({ code: "custom", path: ["siret"], message: messages.siret });
    else if (member.siret !== null && member.siren !== null && !member.siret.startsWith(member.siren))
      ctx.addIssue({ code: "custom", path: ["siret"], message: messages.siretOfSiren });
  });
}

/** An identifier proposed for a new member from its name: « Commune de Saint-Genis » → « commune-de-saint-genis ». */
export function idFromName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** The identifier checks' messages in the reader's language. */
export function useIdentifierMessages(): IdentifierMessages {
  const { t } = useTranslation();
  return {
    siren: t("members.sirenLuhn"),
    siret: t("members.siretLuhn"),
    siretOfSiren: t("members.siretOfSiren"),
  };
}
