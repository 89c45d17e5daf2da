import { useState } from "react";
import { type ApiError, toApiError } from "../../shared/api/api-error.ts";

/** A button's write: whether it runs, its error (for ProblemAlert), and how to run it. */
export function useAction(): {
  busy: boolean;
  error: ApiError | undefined;
  run: (write: () => Promise<unknown>, then: () => void) => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const run = (write: () => Promise<unknown>, then: () => void) => {
    setBusy(true);
    setError(undefined);
    write().then(
      () => {
        setBusy(false);
        then();
      },
      (e: unknown) => {
        setBusy(false);
        setError(toApiError(e));
      },
    );
  };
  return { busy, error, run };
}
