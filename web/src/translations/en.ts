import { accessEn } from "../features/access/index.ts";
import { financeEn } from "../features/finance/index.ts";
import { identityEn } from "../features/identity/index.ts";
import { provisioningEn } from "../features/provisioning/index.ts";
import { workplaceEn } from "../features/workplace/index.ts";
import { commonEn } from "../shared/i18n/common-en.ts";
import type { Translation } from "./fr.ts";

/** English strings of the console; same keys as fr.ts (tsc fails on a missing or extra key). */
export const en: Translation = {
  ...commonEn,
  ...accessEn,
  ...financeEn,
  ...identityEn,
  ...workplaceEn,
  ...provisioningEn,
};
