// Where a CPU profile's time goes (V8's .cpuprofile, as node:inspector writes it): self time by
// origin (a package of node_modules, a folder of src/, Node's internals, idle/GC) and the
// heaviest functions, in percent of the samples. Used by bench/identity.bench.ts (BENCH_PROFILE).

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
  readonly hitCount?: number;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
}

/** `node_modules/oidc-provider`, `src/db`, `node:internal`, `(garbage collector)`… */
function originOf(url: string, name: string): string {
  if (url === "") return name.startsWith("(") ? name : "(native)";
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules !== null) return modules[1] ?? url;
  const source = /\/(src|bench|test)\/([^/]+)/.exec(url);
  if (source !== null) return `${source[1]}/${source[2]}`;
  if (url.startsWith("node:")) return url.split("/")[0] ?? url;
  return url;
}

/**
 * Text summary of `profile`: the top `limit` origins and the top `limit` functions by self time.
 * @example summarizeProfile(JSON.parse(readFileSync("x.cpuprofile", "utf8")))
 */
export function summarizeProfile(profile: CpuProfile, limit = 12): string {
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const total = [...hits.values()].reduce((a, b) => a + b, 0) || 1;
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? node.hitCount ?? 0;
    if (count === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const origin = originOf(url, functionName);
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + count);
    const file = url.split("/").slice(-2).join("/");
    const key = `${functionName || "(anonymous)"} ${file === "" ? "" : `${file}:${lineNumber + 1}`}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + count);
  }
  // Origins anywhere on each sample's stack (inclusive time: kysely called by src/db counts for both).
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  for (const [id, count] of hits) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = nodeById.get(at)?.callFrame;
      // The bench's own counting wrapper around pg/ioredis calls is left out (it is on every query's stack).
      if (frame !== undefined && frame.url !== "" && !frame.url.endsWith("bench/identity-child.ts"))
        seen.add(originOf(frame.url, frame.functionName));
    }
    for (const origin of seen) inclusive.set(origin, (inclusive.get(origin) ?? 0) + count);
  }
  const top = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([k, v]) => `  ${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`)
      .join("\n");
  return (
    `Self time by origin:\n${top(byOrigin)}\n` +
    `Origin anywhere on the stack (inclusive):\n${top(inclusive)}\n` +
    `Heaviest functions (self time):\n${top(byFunction)}\n`
  );
}
