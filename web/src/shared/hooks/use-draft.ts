import { useCallback, useState } from "react";

/**
 * The edited copy of a server record. It follows the record when someone else's version
 * arrives (a reload after a conflict resets the form), but not after our own save: `adopt` is
 * called with the saved version first, so the form keeps its state and its "saved" notice.
 */
export function useDraft<S, D>(source: S, version: number, toDraft: (source: S) => D) {
  const [draft, setDraft] = useState(() => toDraft(source));
  const [base, setBase] = useState(version);
  if (version !== base) {
    // another version than the one edited: start again from it (React's "adjust state while rendering")
    setBase(version);
    setDraft(toDraft(source));
  }
  const adopt = useCallback((savedVersion: number, saved?: D) => {
    setBase(savedVersion);
    if (saved !== undefined) setDraft(saved);
  }, []);
  return { draft, setDraft, adopt };
}
