import { accessFr } from "../features/access/index.ts";
import { financeFr } from "../features/finance/index.ts";
import { identityFr } from "../features/identity/index.ts";
import { provisioningFr } from "../features/provisioning/index.ts";
import { workplaceFr } from "../features/workplace/index.ts";
import { commonFr } from "../shared/i18n/common-fr.ts";

/**
 * French strings of the console (the default language: the language of the deliberations),
 * assembled from the pieces of `shared/` and of each feature. Terms follow the glossary of
 * DESIGN.md. Every key must exist in en.ts (tsc checks it, piece by piece and as a whole).
 */
export const fr = {
  ...commonFr,
  ...accessFr,
  ...financeFr,
  ...identityFr,
  ...workplaceFr,
  ...provisioningFr,
};

/** The shape every translation must have: the same keys as French, string values. */
export type Translation = typeof fr;
