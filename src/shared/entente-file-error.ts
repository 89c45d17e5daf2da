import type { Issue } from "./errors.ts";

/** An issue with its place in the file: `field` is the dotted path (`keys[0].percent`). */
export interface LocatedIssue extends Issue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly field: string;
}

/** Every problem of one entente file, sorted by line; nothing is computed from a bad file. */
export class EntenteFileError extends Error {
  readonly file: string;
  readonly issues: readonly LocatedIssue[];
  constructor(file: string, issues: readonly LocatedIssue[]) {
    super(
      `${file}: ${issues.length} problem(s): ${issues.map((i) => `${i.line}:${i.column} ${i.code}`).join(", ")}`,
    );
    this.name = "EntenteFileError";
    this.file = file;
    this.issues = issues;
  }
}
