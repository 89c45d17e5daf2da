import { useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import { useApi } from "./api-context.ts";
import { type ApiError, toApiError } from "./api-error.ts";

/** A resource read from the API as a page shows it: its data, its error, whether it loads, and how to refresh it. */
export type Resource<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Fetches again (after a conflict, or to see others' changes). */
  reload: () => void;
  /** Replaces the data with what a write answered, without a round trip. */
  setData: (data: T) => void;
};

/**
 * Reads `path` (null: nothing to read yet) and parses it with `schema`. A new path cancels the
 * request in flight, so a fast year switch never shows the previous year's figures.
 */
export function useResource<T>(path: string | null, schema: z.ZodType<T>): Resource<T> {
  const api = useApi();
  const [state, setState] = useState<{
    path: string | null;
    data: T | undefined;
    error: ApiError | undefined;
    loading: boolean;
  }>({ path, data: undefined, error: undefined, loading: path !== null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null) return;
    // generation is read so that reload() re-runs this effect
    void generation;
    const controller = new AbortController();
    // A reload keeps the figures on screen while it runs; another path never shows the old ones.
    setState((s) => ({ path, data: s.path === path ? s.data : undefined, error: undefined, loading: true }));
    api.get(path, schema, controller.signal).then(
      (data) => setState({ path, data, error: undefined, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ path, data: undefined, error: toApiError(error), loading: false });
      },
    );
    return () => controller.abort();
  }, [api, path, schema, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback(
    (data: T) => setState((s) => ({ ...s, data, error: undefined, loading: false })),
    [],
  );
  return { data: state.data, error: state.error, loading: state.loading, reload, setData };
}
