import { readdirSync, readFileSync } from "node:fs";

/**
 * The PIDs of every process descending from `pid` (its children, theirs, …), read from /proc
 * (Linux, where the tests run), found before anything is killed: a process whose parent is killed
 * first is handed to init and would no longer be found.
 * @returns children before their own children (breadth first); empty without /proc.
 */
export function descendantsOf(pid: number): number[] {
  const childrenOf = new Map<number, number[]>();
  for (const [child, parent] of parentsOfAll()) {
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(child);
    childrenOf.set(parent, siblings);
  }
  const found: number[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of childrenOf.get(next) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Every process of the machine with its parent: [pid, parent pid]. */
function parentsOfAll(): [number, number][] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const pairs: [number, number][] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue; // it ended meanwhile
      throw error;
    }
    // "pid (comm) state ppid …": the command may contain spaces or ")", hence the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    pairs.push([Number(entry), Number(fields[1])]);
  }
  return pairs;
}
