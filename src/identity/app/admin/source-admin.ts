import { ensureIdEncodingFits } from "../../domain/directory-identifier.ts";
import type { SourceInput } from "../../domain/identity-source.ts";
import { ensureSourceKeepsItsIdentity, ensureSourceUnused } from "../../domain/source-rules.ts";
import { EntenteError, localized } from "../../errors.ts";
import type { IdentityDirectoryAdmin, MemberNames, SourceStore } from "./identity-admin-ports.ts";

const MEMBER = localized("membre", "member");

/** The sources part of `IdentityDirectoryAdmin`: the store's writes behind the rules of src/identity/domain/source-rules.ts. */
export type SourceAdmin = Pick<
  IdentityDirectoryAdmin,
  "listSources" | "getSource" | "createSource" | "updateSource" | "deleteSource"
>;

/**
 * Identity sources, rules applied: a source belongs to a member of the entente; its kind and
 * member never change; a directory's binary identifier is never read as text
 * (`ensureIdEncodingFits`, issue 10 item 8); a source persons signed in through is not deleted (disable it).
 */
export function createSourceAdmin(deps: {
  readonly sources: SourceStore;
  readonly members: MemberNames;
}): SourceAdmin {
  const { sources, members } = deps;
  const existing = async (ententeId: string, sourceId: string) => {
    const source = await sources.getSource(ententeId, sourceId);
    if (source === null) throw new EntenteError("identity.source_not_found", { id: sourceId });
    return source;
  };
  return {
    listSources: (ententeId, memberId) => sources.listSources(ententeId, memberId),
    getSource: (ententeId, sourceId) => sources.getSource(ententeId, sourceId),
    async createSource(ententeId, input, actor) {
      if ((await members.memberName(ententeId, input.memberId)) === null) {
        throw new EntenteError("identity.not_found", { what: MEMBER, id: input.memberId });
      }
      ensureIdentifierKeepsPeopleApart(input);
      return sources.createSource(ententeId, input, actor);
    },
    async updateSource(ententeId, sourceId, input, expectedRowVersion, actor) {
      ensureSourceKeepsItsIdentity(await existing(ententeId, sourceId), input);
      ensureIdentifierKeepsPeopleApart(input);
      return sources.updateSource(ententeId, sourceId, input, expectedRowVersion, actor);
    },
    async deleteSource(ententeId, sourceId, actor) {
      const source = await existing(ententeId, sourceId);
      ensureSourceUnused(source, await sources.countLinkedPersons(sourceId));
      await sources.deleteSource(ententeId, source, actor);
    },
  };
}

function ensureIdentifierKeepsPeopleApart(input: SourceInput): void {
  if (input.kind === "ldap") ensureIdEncodingFits(input.ldap);
}
