import { localized } from "../errors.ts";

/** What messages call the things an entente holds (« membre », "member"…). */
export const ENTITY_NAMES = {
  member: localized("membre", "member"),
  key: localized("clé", "key"),
  mission: localized("mission", "mission"),
  exercise: localized("exercice", "exercise"),
  advance: localized("avance", "advance"),
  adjustment: localized("régularisation", "adjustment"),
} as const;
