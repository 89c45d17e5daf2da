import { type FormEvent, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ServiceSecret } from "../../../../../src/identity/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { DialogActions } from "../../../shared/components/dialog-actions.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { useModalDialog } from "../../../shared/hooks/use-modal-dialog.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../../finance/index.ts";
import { identityPaths } from "../identity-paths.ts";

/**
 * Asks before replacing a service's client secret: the old secret stops working at once, so a
 * misclick would take the service offline. A modal dialog (native <dialog>: focus kept inside,
 * Escape closes it) that says so; the focus starts on "keep", the harmless choice. Only the
 * confirmation calls the API; `onRotated` gets the new secret (shown once by the page).
 */
export function SecretRotateDialog({
  service,
  onRotated,
  onClose,
}: {
  service: { clientId: string; name: string };
  onRotated: (secret: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const id = useId();
  const keep = useRef<HTMLButtonElement>(null);
  const dialog = useModalDialog(() => keep.current?.focus());
  const submit = useSubmit();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const rotated = await submit.run(z.null(), null, () =>
      api.send("POST", identityPaths.serviceSecret(entente.id, service.clientId), undefined, ServiceSecret),
    );
    if (rotated !== undefined) onRotated(rotated.clientSecret);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-effect ${id}-todo`}
      onClose={onClose}
      onCancel={(event) => {
        // Escape while the request runs would hide its answer (the new secret, shown once)
        if (submit.saving) event.preventDefault();
      }}
    >
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <h2 className="h3" id={`${id}-title`}>
          {t("identity.services.rotateTitle", { name: service.name })}
        </h2>
        <p id={`${id}-effect`}>{t("identity.services.rotateEffect")}</p>
        <p id={`${id}-todo`}>{t("identity.services.rotateTodo")}</p>
        <ProblemAlert error={submit.error} />
        <DialogActions
          saving={submit.saving}
          confirm={t("identity.services.rotateConfirm")}
          confirming={t("identity.services.rotating")}
          keep={t("identity.services.rotateKeep")}
          onKeep={() => dialog.current?.close()}
          keepRef={keep}
        />
      </form>
    </dialog>
  );
}
