import type { FieldProblem } from "../api/problem.ts";

/**
 * For each field problem, the id of the input that shows its message, found in the alert's form:
 * fields render their message in `#<input id>-error` (see field.tsx), so the input is the one whose
 * error element holds this very message. `undefined` when the form shows no such input (the
 * message is then listed without a link). Shape: one entry per problem, in order.
 */
export function fieldInputIds(
  alert: HTMLElement | null,
  problems: readonly Pick<FieldProblem, "message">[],
): (string | undefined)[] {
  const scope: ParentNode = alert?.closest("form") ?? alert?.ownerDocument ?? document;
  const shown = [...scope.querySelectorAll<HTMLElement>("[id$='-error']")];
  return problems.map((p) => {
    const holder = shown.find((e) => e.textContent?.trim() === p.message.trim());
    if (holder === undefined) return undefined;
    const id = holder.id.slice(0, -"-error".length);
    return scope.querySelector(`#${CSS.escape(id)}`) === null ? undefined : id;
  });
}
