import { CORE_SCHEMA, load, type State, Type } from "js-yaml";

/**
 * The YAML 1.2 core schema's numbers (the `yaml` library's own tests in
 * node_modules/yaml/dist/schema/core/{int,float}.js, YAML 1.2.2 §10.3.2), read as their source
 * text — "45276.50", "30.6", "1e3" — exactly as the located parser does (read-entente-file.ts),
 * so that amounts never become floats.
 */
const NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

const numberAsText = (tag: string) =>
  new Type(tag, {
    kind: "scalar",
    resolve: (data: unknown) => typeof data === "string" && NUMBER.test(data),
    construct: (data: string) => data,
  });

/**
 * js-yaml's core schema (null and booleans as yaml's core schema reads them), its numbers replaced
 * by the text ones: `extend` puts a type of the same tag and kind in the place of the old one.
 */
const SCHEMA = CORE_SCHEMA.extend({
  implicit: [numberAsText("tag:yaml.org,2002:int"), numberAsText("tag:yaml.org,2002:float")],
});

/** Thrown from the listener to stop at the first anchor: such a file takes the located parser. */
class AnchorFound extends Error {}

/**
 * The fast path of an entente file's YAML (js-yaml, about ten times faster than the `yaml`
 * library's document model on a 20 000-member file, bench/budget.bench.ts), without positions.
 * Why two parsers: `yaml` keeps every node's position, which the error messages need, at a cost
 * of ~0.8 s of CPU on 2.4 MB; a valid file needs no position. Returns the plain data, or
 * `undefined` when the located parser must decide — any YAML error or duplicate key (js-yaml
 * rejects them too), an anchor or alias (the located parser checks alias bombs), a `%` directive
 * (`%YAML 1.1` changes the schema there). It never throws.
 */
export function parseYamlFast(text: string): unknown {
  if (/^%/m.test(text)) return undefined;
  try {
    return load(text, {
      schema: SCHEMA,
      listener(event, state) {
        // js-yaml's State has the node's anchor (`&name`), not declared by @types/js-yaml.
        if (event === "close" && (state as State & { anchor: string | null }).anchor !== null)
          throw new AnchorFound();
      },
    });
  } catch {
    return undefined;
  }
}
