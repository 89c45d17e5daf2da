/** What a set-up started, to stop in reverse order. */
export interface Teardown {
  /** Records how to stop something the set-up just started. */
  add(name: string, stop: () => unknown): void;
  /**
   * Stops everything recorded, the last started first, each one even when another fails; once.
   * @throws an AggregateError naming what could not be stopped.
   */
  run(): Promise<void>;
}

/**
 * The stops of a multi-step set-up (a database, a server, peers…), so that a step that fails
 * stops what the earlier ones started instead of leaving the test file waiting on it.
 * @example
 * const teardown = createTeardown();
 * try {
 *   const database = await openDatabase(…);
 *   teardown.add("the database", () => database.close());
 *   …
 *   return { …, stop: () => teardown.run() };
 * } catch (error) {
 *   await stopAfterFailure(teardown, error);
 * }
 */
export function createTeardown(): Teardown {
  const stops: { readonly name: string; readonly stop: () => unknown }[] = [];
  let running: Promise<void> | null = null;
  const runAll = async () => {
    const failures: Error[] = [];
    for (const { name, stop } of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        failures.push(new Error(`cannot stop ${name}`, { cause: error }));
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, failures.map((f) => f.message).join("; "));
  };
  return {
    add: (name, stop) => {
      stops.push({ name, stop });
    },
    run: () => {
      running ??= runAll();
      return running;
    },
  };
}

/**
 * After a set-up step failed: stops what was started, then throws the failure (with the stops'
 * own failures, if any, as an AggregateError).
 */
export async function stopAfterFailure(teardown: Teardown, failure: unknown): Promise<never> {
  try {
    await teardown.run();
  } catch (stopFailure) {
    throw new AggregateError([failure, stopFailure], "the set-up failed, and stopping what it started too");
  }
  throw failure;
}
