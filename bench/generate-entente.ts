import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { stringify } from "yaml";

/** Size and seed of a generated entente. */
export interface GenerateOptions {
  /** Number of members (≥ 6): one syndicat mixte (budget holder) and communes. Default 1,000. */
  readonly members?: number;
  /** Number of missions (≥ 1); every third one is a mission spécifique with its own key. Default 50. */
  readonly missions?: number;
  /** Seed of the pseudo-random generator: the same seed gives the same text. Default 1. */
  readonly seed?: number;
  /** Year of the last exercise; each earlier one is recalled in the year after it. Default 2025. */
  readonly year?: number;
  /** Number of exercises, ending with `year` (the convention runs six years). Default 2. */
  readonly exercises?: number;
}

/**
 * mulberry32: a tiny 32-bit seeded PRNG returning floats in [0, 1), enough to make benchmark
 * data reproducible (not for anything that needs statistical quality or secrecy).
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

type Amounts = { investissement: number; fonctionnement: number };
type Line = { mission?: string; label: string; investissement?: number; fonctionnement?: number };
type Receipt = {
  kind: string;
  mission?: string;
  label: string;
  investissement?: number;
  fonctionnement?: number;
};

/** Only the sections with a non-zero amount, so that the file carries no empty lines. */
function sectionsOf(amounts: Amounts): Partial<Amounts> {
  return {
    ...(amounts.investissement > 0 ? { investissement: amounts.investissement } : {}),
    ...(amounts.fonctionnement > 0 ? { fonctionnement: amounts.fonctionnement } : {}),
  };
}

/**
 * Generates the text of a valid entente file (YAML) of any size, for benchmarks, deterministic
 * from `seed`:
 * - members: a syndicat mixte (budget holder, population 0) then communes with random
 *   populations; the default key is a population `criteria` key over all of them;
 * - missions: every third one is a mission spécifique over a random subset of 5 to 200
 *   members, with its own `weights` key; the others are missions socles on the default key;
 * - `exercises` exercises (default 2) ending with `year`, each but the last called in the next
 *   year (so recalled there), with expenses per
 *   mission and section, grants, a carry-over, depreciation, and member contributions equal to
 *   the net cost of each key (rules `budget.unbalanced` and `budget.key_group_unbalanced`);
 * - per exercise, advances by communes and one adjustment summing to zero.
 * Amounts are whole euros and rounding is to the euro.
 *
 * @example generateEntenteYaml({ members: 1000, missions: 50, seed: 1 }) // ~200 KB of YAML, ~10,000 lines
 */
export function generateEntenteYaml(options: GenerateOptions = {}): string {
  const memberCount = options.members ?? 1000;
  const missionCount = options.missions ?? 50;
  const year = options.year ?? 2025;
  const exerciseCount = options.exercises ?? 2;
  if (!Number.isInteger(exerciseCount) || exerciseCount < 1)
    throw new RangeError(`exercises must be an integer ≥ 1, got ${exerciseCount}`);
  if (!Number.isInteger(memberCount) || memberCount < 6)
    throw new RangeError(`members must be an integer ≥ 6, got ${memberCount}`);
  if (!Number.isInteger(missionCount) || missionCount < 1)
    throw new RangeError(`missions must be an integer ≥ 1, got ${missionCount}`);
  const random = createRandom(options.seed ?? 1);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  const width = String(memberCount).length;
  const memberIds = Array.from({ length: memberCount }, (_, i) => `m${pad(i + 1, width)}`);
  const holder = memberIds[0] ?? "m1";
  const communes = memberIds.slice(1);
  const members = memberIds.map((id, i) =>
    i === 0
      ? { id, name: "Syndicat mixte numérique (généré)", kind: "syndicat", assembly: "Comité syndical" }
      : { id, name: `Commune ${pad(i + 1, width)}`, kind: "commune", assembly: "Conseil municipal" },
  );
  // Populations of rural to mid-size communes, log-uniform from ~150 to ~8,000.
  const population: Record<string, number> = { [holder]: 0 };
  for (const id of communes) population[id] = Math.round(150 * Math.exp(4 * random()));

  /** A random subset of `size` communes, in member order (the order that breaks ties). */
  const subset = (size: number): string[] => {
    const pool = [...communes];
    for (let i = 0; i < size; i += 1) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j] ?? "", pool[i] ?? ""];
    }
    const chosen = new Set(pool.slice(0, size));
    return communes.filter((id) => chosen.has(id));
  };

  const keys: object[] = [
    {
      id: "population",
      label: "Clé population (générée)",
      source: `Populations générées (graine ${String(options.seed ?? 1)})`,
      criteria: [{ id: "population", weight: 1, values: population }],
    },
  ];
  const missions: { id: string; kind: "socle" | "specifique"; members?: string[] }[] = [];
  const missionEntries: object[] = [];
  for (let k = 0; k < missionCount; k += 1) {
    const id = `mission-${pad(k + 1, 3)}`;
    if (k % 3 === 2) {
      const participants = subset(between(5, Math.min(200, communes.length)));
      const weights = Object.fromEntries(participants.map((member) => [member, between(1, 500)]));
      keys.push({ id: `cle-${id}`, label: `Clé de la mission ${id}`, source: "Poids générés", weights });
      missions.push({ id, kind: "specifique", members: participants });
      missionEntries.push({
        id,
        name: `Mission spécifique ${k + 1}`,
        kind: "specifique",
        lead: participants[0],
        members: participants,
        key: `cle-${id}`,
      });
    } else {
      missions.push({ id, kind: "socle" });
      missionEntries.push({ id, name: `Mission socle ${k + 1}`, kind: "socle", lead: holder });
    }
  }

  const exercise = (exerciseYear: number, recalled: boolean) => {
    const calledIn = exerciseYear + 1;
    const expenses: Line[] = [];
    const receipts: Receipt[] = [];
    const defaultNet: Amounts = { investissement: 0, fonctionnement: 0 };
    const coordination = between(20_000, 150_000);
    expenses.push({ label: "Coordination de l'entente", fonctionnement: coordination });
    defaultNet.fonctionnement += coordination;
    for (const mission of missions) {
      const net: Amounts = { investissement: 0, fonctionnement: 0 };
      const lineCount = between(1, 3);
      for (let l = 0; l < lineCount; l += 1) {
        const amounts: Amounts = {
          investissement: random() < 0.4 ? between(5_000, 400_000) : 0,
          fonctionnement: between(1_000, 200_000),
        };
        expenses.push({
          mission: mission.id,
          label: `Ligne ${l + 1} de ${mission.id}`,
          ...sectionsOf(amounts),
        });
        net.investissement += amounts.investissement;
        net.fonctionnement += amounts.fonctionnement;
      }
      if (net.investissement > 0 && random() < 0.5) {
        const grant = Math.floor(net.investissement * 0.4);
        receipts.push({
          kind: "grant",
          mission: mission.id,
          label: `Subvention ${mission.id}`,
          investissement: grant,
        });
        net.investissement -= grant;
      }
      if (mission.kind === "specifique") {
        receipts.push({
          kind: "contribution",
          mission: mission.id,
          label: `Contribution ${mission.id}`,
          ...sectionsOf(net),
        });
      } else {
        defaultNet.investissement += net.investissement;
        defaultNet.fonctionnement += net.fonctionnement;
      }
    }
    // Depreciation: an operating expense and an investment receipt; then a carry-over.
    const depreciation = Math.floor(defaultNet.investissement * 0.2);
    const carryOver = recalled ? 0 : Math.floor(defaultNet.investissement * 0.1);
    if (depreciation > 0) {
      expenses.push({ label: "Dotation aux amortissements", fonctionnement: depreciation });
      receipts.push({ kind: "depreciation", label: "Amortissements", investissement: depreciation });
      defaultNet.fonctionnement += depreciation;
      defaultNet.investissement -= depreciation;
    }
    if (carryOver > 0) {
      receipts.push({ kind: "carry-over", label: `Report ${exerciseYear - 1}`, investissement: carryOver });
      defaultNet.investissement -= carryOver;
    }
    receipts.push({
      kind: "contribution",
      label: "Contribution des membres (clé population)",
      ...sectionsOf(defaultNet),
    });

    const advances = Array.from({ length: recalled ? 3 : 2 }, (_, a) => ({
      id: `avance-${exerciseYear}-${a + 1}`,
      label: `Avance ${a + 1} de ${exerciseYear}`,
      member: communes[between(0, communes.length - 1)],
      amount: between(1_000, 80_000),
    }));
    const [first, second, third] = subset(3);
    const x = between(100, 5_000);
    const y = between(100, 5_000);
    const adjustments = [
      {
        id: `regularisation-${exerciseYear}`,
        label: `Régularisation ${exerciseYear}`,
        amounts: { [first ?? ""]: x, [second ?? ""]: y, [third ?? ""]: -(x + y) },
      },
    ];
    return {
      year: exerciseYear,
      ...(recalled ? { calledIn } : {}),
      expenses,
      receipts,
      advances,
      adjustments,
    };
  };

  const document = {
    entente: {
      name: `Entente générée (${memberCount} membres, ${missionCount} missions)`,
      legalBasis: ["Code général des collectivités territoriales, articles L5221-1 et L5221-2"],
      rounding: { unit: "euro" },
      budgetHolder: holder,
      defaultKey: "population",
    },
    members,
    keys,
    missions: missionEntries,
    // Oldest first; each exercise but the last is recalled in the next year (the seed's 2022 in 2023).
    exercises: Array.from({ length: exerciseCount }, (_, i) =>
      exercise(year - exerciseCount + 1 + i, i < exerciseCount - 1),
    ),
  };
  return `# Generated by bench/generate-entente.ts (seed ${options.seed ?? 1}); fictitious.\n${stringify(document, { lineWidth: 0 })}`;
}

/** `node bench/generate-entente.ts --members 1000 --missions 50 [--seed 1] [--year 2025] [--out FILE]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      members: { type: "string", default: "1000" },
      missions: { type: "string", default: "50" },
      seed: { type: "string", default: "1" },
      year: { type: "string", default: "2025" },
      exercises: { type: "string", default: "2" },
      out: { type: "string" },
    },
  });
  const text = generateEntenteYaml({
    members: Number(values.members),
    missions: Number(values.missions),
    seed: Number(values.seed),
    year: Number(values.year),
    exercises: Number(values.exercises),
  });
  if (values.out === undefined) {
    process.stdout.write(text);
  } else {
    await writeFile(values.out, text, "utf8");
    process.stderr.write(
      `${values.out}: ${values.members} members, ${values.missions} missions, ${Buffer.byteLength(text)} bytes\n`,
    );
  }
}

if (import.meta.main) await main();
