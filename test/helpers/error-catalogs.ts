// Every context's error catalog, loaded (and registered) for the tests that check all of them.
import { accessErrors } from "../../src/access/errors.ts";
import { financeErrors } from "../../src/finance/errors.ts";
import { financeActErrors } from "../../src/finance/errors-acts.ts";
import { identityErrors } from "../../src/identity/errors.ts";
import { platformErrors } from "../../src/platform/errors.ts";
import { provisioningErrors } from "../../src/provisioning/errors.ts";
import type { ErrorCode, ErrorDefinition } from "../../src/shared/errors.ts";
import { workplaceErrors } from "../../src/workplace/errors.ts";

/** The catalogs by their owner (a code belongs to one context). */
export const CATALOGS: Readonly<Record<string, Readonly<Record<string, ErrorDefinition>>>> = {
  platform: platformErrors,
  access: accessErrors,
  finance: { ...financeErrors, ...financeActErrors },
  identity: identityErrors,
  workplace: workplaceErrors,
  provisioning: provisioningErrors,
};

/** Every code of every context. */
export const ALL_CODES = Object.values(CATALOGS).flatMap((c) => Object.keys(c)) as ErrorCode[];
