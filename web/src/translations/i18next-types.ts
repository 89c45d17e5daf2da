import type { fr } from "./fr.ts";

/** Translation keys are checked by tsc: a typo or a key missing from fr.ts does not compile. */
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof fr };
  }
}
