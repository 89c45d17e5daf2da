import { type FormEvent, useState } from "react";
import { z } from "zod";
import { UsageKey, UsageKeyRequest } from "../../../../../src/finance/contracts/usage-key-api.ts";
import { CatalogueEntry } from "../../../../../src/workplace/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { exerciseYears, useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import { specificMissions, toUsageKeyBody, type UsageKeyDraft } from "./usage-key-draft.ts";

/** The catalogue's answer (one schema for the page's life: useResource reads again when it changes). */
const Services = z.array(CatalogueEntry);

/**
 * The usage key form's state (secretariat): the draft (first mission spécifique, operating
 * section, latest exercise, first catalogue service, seats), the catalogue's services, the
 * preview (`POST …/usage-keys`, nothing saved) and the freeze of the figures previewed
 * (`freeze: true`, then the entente reloaded so that the frozen key shows).
 */
export function useUsageKey() {
  const api = useApi();
  const { entente, reload } = useEntente();
  const services = useResource(`${financePaths.entente(entente.id)}/workplace/services`, Services);
  const missions = specificMissions(entente);
  const years = exerciseYears(entente);
  const [draft, setDraft] = useState<UsageKeyDraft>(() => ({
    missionId: missions[0]?.id ?? "",
    section: "fonctionnement",
    year: String(years[0] ?? ""),
    service: "",
    counted: "seats",
    metric: "",
  }));
  const [preview, setPreview] = useState<z.infer<typeof UsageKey> | undefined>(undefined);
  const submit = useSubmit();
  const service = draft.service === "" ? (services.data?.[0]?.clientId ?? "") : draft.service;
  const edit = (change: Partial<UsageKeyDraft>) => {
    submit.reset();
    setPreview(undefined);
    setDraft((d) => ({ ...d, ...change }));
  };
  const send = async (freeze: boolean) => {
    const key = await submit.run(UsageKeyRequest, toUsageKeyBody({ ...draft, service }, freeze), (body) =>
      api.send("POST", `${financePaths.entente(entente.id)}/usage-keys`, body, UsageKey),
    );
    if (key === undefined) return;
    setPreview(key);
    if (freeze) reload();
  };
  const compute = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };
  const freeze = () => void send(true);
  return { draft: { ...draft, service }, edit, missions, years, services, preview, submit, compute, freeze };
}
