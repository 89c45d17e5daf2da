import type { useTranslation } from "react-i18next";

/** The `t` function of react-i18next, for helpers that build messages outside a component. */
export type Translate = ReturnType<typeof useTranslation>["t"];
