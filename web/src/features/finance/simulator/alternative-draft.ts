import { toApiDecimal } from "../../../../../src/shared/money-input.ts";

/** The basis of an alternative: another key of the entente, fixed rates, or weights (population, usage). */
export type AlternativeKind = "basedOn" | "percent" | "weights";

/** A hypothetical commune as typed: its name (its id is derived from it). */
export type NewcomerDraft = { name: string };

/** One alternative as typed in the simulator. */
export type AlternativeDraft = {
  label: string;
  kind: AlternativeKind;
  basedOn: string;
  /** Figure per member id (rate or weight, as typed); newcomers under `new-<index>`. */
  values: Record<string, string>;
  /** Members leaving before the year (ids). */
  leaving: string[];
  newcomers: NewcomerDraft[];
};

/** A new alternative: fixed rates, nobody joining or leaving. */
export const emptyAlternative = (label: string, basedOn: string): AlternativeDraft => ({
  label,
  kind: "percent",
  basedOn,
  values: {},
  leaving: [],
  newcomers: [],
});

/** The key under which a newcomer's figure is typed. */
export const newcomerKey = (index: number) => `new-${index}`;

/** A hypothetical commune's id, from its name: « Commune d'Oullins » → « hypothetique-commune-d-oullins ». */
export function newcomerId(name: string, index: number): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `hypothetique-${slug === "" ? index + 1 : slug}`;
}

/**
 * One alternative as `POST …/key-simulations` expects it: its basis (`basedOn`, `percent` rates
 * "30.6" for "30,6", or `weights` "1 424 069" → "1424069") over the members still in the entente
 * and the newcomers, the members leaving, the newcomers with their ids. Members left empty are
 * not in the basis (no share).
 */
export function toAlternativeBody(draft: AlternativeDraft, memberIds: readonly string[]) {
  const newcomers = draft.newcomers.map((n, i) => ({
    id: newcomerId(n.name, i),
    name: n.name.trim(),
    key: newcomerKey(i),
  }));
  const people = {
    label: draft.label,
    ...(draft.leaving.length === 0 ? {} : { leaving: [...draft.leaving] }),
    ...(newcomers.length === 0 ? {} : { newcomers: newcomers.map(({ id, name }) => ({ id, name })) }),
  };
  if (draft.kind === "basedOn") return { ...people, basedOn: draft.basedOn };
  const figures = [
    ...memberIds.filter((id) => !draft.leaving.includes(id)).map((id) => ({ memberId: id, key: id })),
    ...newcomers.map((n) => ({ memberId: n.id, key: n.key })),
  ]
    .map(({ memberId, key }) => ({ memberId, value: toApiDecimal(draft.values[key] ?? "") }))
    .filter((f) => f.value.trim() !== "");
  return { ...people, [draft.kind]: figures };
}
