import type { EntenteFileData } from "../contracts/entente-file.ts";
import type { Section } from "../domain/entente.ts";
import type { Issue } from "../errors.ts";

/** Points an issue about a mission's key at what the person wrote (see relocateIssues). */
function relocate(issue: Issue, data: EntenteFileData): Issue {
  const [head, m, keys, section] = issue.path;
  if (head !== "missions" || typeof m !== "number" || keys !== "keys" || typeof section !== "string")
    return issue;
  const mission = data.missions[m];
  if (mission?.keys?.[section as Section] !== undefined) return issue;
  return {
    ...issue,
    path: mission?.key !== undefined ? ["missions", m, "key"] : ["entente", "defaultKey"],
  };
}

/**
 * Points issues at what the person wrote: a mission's key for a section comes from
 * `keys.<section>`, else from `key`, else from `entente.defaultKey`. Then drops duplicates
 * (the same problem found through both sections).
 */
export function relocateIssues(issues: readonly Issue[], data: EntenteFileData): Issue[] {
  const seen = new Set<string>();
  return issues
    .map((issue) => relocate(issue, data))
    .filter((issue) => {
      const id = JSON.stringify([issue.code, issue.path, issue.details]);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
}
