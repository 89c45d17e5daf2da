import type { Document, LineCounter } from "yaml";
import type { LocatedIssue } from "../../shared/entente-file-error.ts";
import { type Issue, localized } from "../errors.ts";
import { fieldOf } from "./field-of.ts";
import { locateInYaml } from "./locate-in-yaml.ts";

/**
 * Issues with their file, field, line and column in the YAML document, sorted by place. An
 * issue about a duplicate also names the line of the first one (`related`).
 */
export function locateIssues(
  issues: readonly Issue[],
  where: { readonly doc: Document; readonly lineCounter: LineCounter; readonly file: string },
): LocatedIssue[] {
  const { doc, lineCounter, file } = where;
  return issues
    .map((issue) => {
      let details = issue.details;
      if (issue.related !== undefined) {
        const line = locateInYaml(doc, lineCounter, issue.related).line;
        details = { ...details, first: localized(`ligne ${line}`, `line ${line}`) };
      }
      return {
        ...issue,
        details,
        file,
        field: fieldOf(issue.path),
        ...locateInYaml(doc, lineCounter, issue.path),
      };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
