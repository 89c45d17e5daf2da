import type { Member, Mission } from "../finance-types.ts";

/** A mission as edited: name, description, lead, members and the key of each section. */
export type MissionDraft = ReturnType<typeof toMissionDraft>;

/** A mission as the form edits it (empty text for no description or no lead). */
export const toMissionDraft = (mission: Mission) => ({
  name: mission.name,
  description: mission.description ?? "",
  leadMemberId: mission.leadMemberId ?? "",
  memberIds: mission.memberIds,
  keys: mission.keys,
});

/** What the API expects: null for empty text, members in the entente's order whatever order they were ticked in. */
export const toMissionBody = (draft: MissionDraft, members: readonly Member[], rowVersion: number) => ({
  name: draft.name,
  description: draft.description.trim() === "" ? null : draft.description.trim(),
  leadMemberId: draft.leadMemberId === "" ? null : draft.leadMemberId,
  memberIds: members.map((m) => m.id).filter((id) => draft.memberIds.includes(id)),
  keys: draft.keys,
  rowVersion,
});
