import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  AllocationKey as AllocationKeySchema,
  PercentKeyUpdate,
} from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useDraft } from "../../../shared/hooks/use-draft.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useUnsavedChanges } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { AllocationKey } from "../finance-types.ts";
import { type KeyDraft, toKeyBody, toKeyDraft } from "./key-draft.ts";
import { checkPercentShares } from "./percent-check.ts";

/**
 * The state of a percent key's form: the draft (guarded before leaving while unsaved), its live
 * 100 % check, and the save — refused here while the check does not hold; the saved key
 * replaces the entente's.
 */
export function usePercentKeyForm(allocationKey: AllocationKey) {
  const { i18n } = useTranslation();
  const api = useApi();
  const { entente, update } = useEntente();
  const toDraft = (key: AllocationKey) => toKeyDraft(key, i18n.language);
  const { draft, setDraft, adopt } = useDraft(allocationKey, allocationKey.rowVersion, toDraft);
  const submit = useSubmit();
  const edit = (change: Partial<KeyDraft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const check = checkPercentShares(draft.values);
  useUnsavedChanges(JSON.stringify(draft) !== JSON.stringify(toDraft(allocationKey)));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!check.ok) return;
    const saved = await submit.run(PercentKeyUpdate, toKeyBody(draft, allocationKey), (b) =>
      api.send("PUT", financePaths.key(entente.id, allocationKey.id), b, AllocationKeySchema),
    );
    if (saved === undefined) return;
    adopt(saved.rowVersion, toDraft(saved));
    update((e) => ({ ...e, keys: e.keys.map((k) => (k.id === saved.id ? saved : k)) }));
  };
  return { draft, edit, check, submit, save };
}
