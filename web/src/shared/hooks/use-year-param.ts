import { useSearchParams } from "react-router";

/**
 * The year in the URL (?year=2023), or `fallback` (usually the latest exercise of the entente).
 * Writing it replaces the history entry, so Back leaves the page instead of stepping through years.
 */
export function useYearParam(fallback: number | null): [number | null, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get("year");
  const parsed = raw !== null && /^\d{4}$/.test(raw) ? Number(raw) : null;
  const setYear = (year: number) =>
    setParams(
      (p) => {
        p.set("year", String(year));
        return p;
      },
      { replace: true },
    );
  return [parsed ?? fallback, setYear];
}
