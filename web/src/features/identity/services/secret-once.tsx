import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/** A client secret as shown once, right after the service's creation or the secret's rotation. */
export type ShownSecret = { clientId: string; value: string };

/**
 * The client id and secret, shown once at the top of the page (announced, role="status"). The
 * focus, and the view, go there at once: otherwise the only copy of the secret would go unseen.
 */
export function SecretOnce({ secret }: { secret: ShownSecret }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void secret;
    box.current?.focus();
  }, [secret]);
  return (
    <div role="status" className="alert alert--success" tabIndex={-1} ref={box}>
      <p className="alert__title">{t("identity.services.secretOnce")}</p>
      <p>
        {t("identity.services.clientId")} <code>{secret.clientId}</code>
      </p>
      <p>
        {t("identity.services.clientSecret")} <code>{secret.value}</code>
      </p>
    </div>
  );
}
