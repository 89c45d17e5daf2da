import { type FormEvent, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import {
  Service,
  ServiceCreated,
  ServiceUpdate,
  ServiceWrite,
} from "../../../../../src/identity/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useTranslate } from "../../../shared/i18n/translate.ts";
import { useEntente } from "../../finance/index.ts";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { useFormProblems } from "../components/use-form-problems.ts";
import { identityPaths } from "../identity-paths.ts";
import { ServiceClaimsFieldset } from "./service-claims-fieldset.tsx";
import {
  EMPTY_SERVICE,
  type ServiceDraft,
  type ServiceJson,
  toServiceBody,
  toServiceDraft,
} from "./service-draft.ts";
import { serviceFields } from "./service-fields.ts";
import { ServiceGeneralFieldset } from "./service-general-fieldset.tsx";
import { ServicePolicyFieldset } from "./service-policy-fieldset.tsx";
import { withUriRules } from "./with-uri-rules.ts";

/**
 * Registers a service (`service` null) or edits one. The URIs are checked before anything is
 * sent (withUriRules); each problem, the client's or the server's, goes next to its input and
 * into the summary at the top. Opened by a button far above, it takes the focus on its title.
 */
export function ServiceForm({
  service,
  onCreated,
  onSaved,
}: {
  service: ServiceJson | null;
  onCreated: (c: z.infer<typeof ServiceCreated>) => void;
  onSaved: (s: ServiceJson) => void;
}) {
  const t = useTranslate();
  const api = useApi();
  const { entente } = useEntente();
  const [draft, setDraft] = useState<ServiceDraft>(() =>
    service === null ? EMPTY_SERVICE : toServiceDraft(service),
  );
  const submit = useSubmit();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const edit = (change: Partial<ServiceDraft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (service === null) {
      const created = await submit.run(withUriRules(ServiceWrite, t), toServiceBody(draft), (b) =>
        api.send("POST", identityPaths.services(entente.id), b, ServiceCreated),
      );
      if (created !== undefined) onCreated(created);
    } else {
      const saved = await submit.run(
        withUriRules(ServiceUpdate, t),
        { ...toServiceBody(draft), rowVersion: service.rowVersion },
        (b) => api.send("PUT", identityPaths.service(entente.id, service.clientId), b, Service),
      );
      if (saved !== undefined) onSaved(saved);
    }
  };
  const errors = useFormProblems(submit.error, serviceFields(t));
  const part = { draft, edit, errors };
  return (
    <section aria-labelledby="service-form-title" className="section card">
      <h2 id="service-form-title" tabIndex={-1} ref={heading}>
        {service === null
          ? t("identity.services.add")
          : t("identity.services.editNamed", { name: service.name })}
      </h2>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormErrorSummary error={submit.error} problems={errors.problems} />
        <ServiceGeneralFieldset {...part} created={service !== null} />
        <ServiceClaimsFieldset {...part} />
        <ServicePolicyFieldset {...part} />
        <SubmitButton saving={submit.saving} label={t("actions.save")} />
        <SaveNotice saved={submit.saved} />
      </form>
    </section>
  );
}
