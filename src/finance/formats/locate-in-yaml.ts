import { type Document, isMap, isNode, isPair, isScalar, isSeq, type LineCounter, type Node } from "yaml";

/** A position in a source file, 1-based. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Finds where `path` (keys and indexes, as in zod issues) sits in a parsed YAML document: the
 * deepest node that exists along the path, so a missing field points at its parent object.
 * For a map key, points at the key itself (where a person reads the field name).
 */
export function locateInYaml(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
): SourcePosition {
  let node: Node | null = isNode(doc.contents) ? doc.contents : null;
  let position = node?.range?.[0] ?? 0;
  for (const segment of path) {
    if (node === null) break;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) break;
      const key = pair.key;
      if (isScalar(key) && key.range) position = key.range[0];
      node = isNode(pair.value) ? pair.value : null;
      continue;
    }
    if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (!isNode(item)) break;
      node = item;
      position = item.range?.[0] ?? position;
      continue;
    }
    break;
  }
  const { line, col } = lineCounter.linePos(position);
  return { line, column: col };
}
