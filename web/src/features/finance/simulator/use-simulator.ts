import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { KeySimulation, KeySimulationRequest } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { exerciseYears, useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import { membersIn } from "../keys/key-period-draft.ts";
import { type AlternativeDraft, emptyAlternative, toAlternativeBody } from "./alternative-draft.ts";
import type { SimulationResult } from "./simulation-csv.ts";

/**
 * The simulator's state: the exercise (latest by default) and key (the default key), the
 * alternatives as typed, the members of the exercise, and the comparison — sent to
 * `POST …/key-simulations`, its answer kept as `result`. Nothing is saved.
 */
export function useSimulator() {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const years = exerciseYears(entente);
  const [year, setYear] = useState(years[0] ?? new Date().getFullYear());
  const [keyId, setKeyId] = useState(entente.defaultKey);
  const [alternatives, setAlternatives] = useState<AlternativeDraft[]>(() => [
    emptyAlternative(t("simulator.alternativeN", { n: 1 }), entente.defaultKey),
  ]);
  const [result, setResult] = useState<SimulationResult | undefined>(undefined);
  const submit = useSubmit();
  const members = membersIn(entente, year);
  const change = (i: number, patch: Partial<AlternativeDraft>) => {
    submit.reset();
    setAlternatives((all) => all.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  };
  const compare = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      year,
      keyId,
      alternatives: alternatives.map((a) =>
        toAlternativeBody(
          a,
          members.map((m) => m.id),
        ),
      ),
    };
    const simulation = await submit.run(KeySimulationRequest, body, (b) =>
      api.send("POST", `${financePaths.entente(entente.id)}/key-simulations`, b, KeySimulation),
    );
    setResult(simulation);
  };
  const addAlternative = () =>
    setAlternatives((all) => [
      ...all,
      emptyAlternative(t("simulator.alternativeN", { n: all.length + 1 }), keyId),
    ]);
  const removeAlternative = (index: number) => setAlternatives((all) => all.filter((_, j) => j !== index));
  return {
    addAlternative,
    removeAlternative,
    years,
    year,
    setYear,
    keyId,
    setKeyId,
    alternatives,
    change,
    members,
    submit,
    result,
    compare,
  };
}
