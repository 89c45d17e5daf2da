import type { Lang } from "../errors.ts";
import type { Output } from "./output.ts";

/**
 * What a context's commands receive from the command line's composition (src/cli.ts): the
 * streams, the language chosen with `--lang` (known once the command line is parsed), and
 * `withDeps`, which opens the server's database (DATABASE_URL, else PGlite in DATA_DIR),
 * composes the context on it, runs the command's work and closes it in every case.
 */
export interface CliContext<Deps> {
  readonly stdout: Output;
  readonly lang: () => Lang;
  /** Standard input as text (a password is read there, never from the command line). */
  readonly readStdin: () => Promise<string>;
  readonly withDeps: <T>(use: (deps: Deps) => Promise<T>) => Promise<T>;
}
