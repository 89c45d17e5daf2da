import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Person } from "../../../../../src/identity/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { canManageIdentity, useAccount } from "../../access/index.ts";
import { useEntente } from "../../finance/index.ts";
import { identityPaths } from "../identity-paths.ts";
import { AffiliationsTable } from "./affiliations-table.tsx";
import { DeclareForm } from "./declare-form.tsx";

type PersonJson = z.infer<typeof Person>;

/**
 * One person of the pivot directory: name, `sub`, organisations and links to the sources; who
 * manages may declare an extra organisation or remove a declared one. Opened from a row of the
 * list above, it takes the focus on the person's name once loaded.
 */
export function PersonDetail({ sub, onChanged }: { sub: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const api = useApi();
  const manage = canManageIdentity(useAccount());
  const person = useResource(identityPaths.person(entente.id, sub), Person);
  const remove = useSubmit();
  const changed = (p: PersonJson | null | undefined) => {
    if (p) person.setData(p);
    else person.reload();
    onChanged();
  };
  const removeAffiliation = (memberId: string) =>
    void remove
      .run(z.null(), null, () =>
        api.send("DELETE", identityPaths.affiliation(entente.id, sub, memberId), undefined, null),
      )
      .then(() => changed(null));
  const p = person.data;
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = p !== undefined;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);
  return (
    <section aria-labelledby="person-title" className="section card">
      <ResourceStatus resource={person} />
      {p !== undefined && (
        <>
          <h2 id="person-title" tabIndex={-1} ref={heading}>
            {p.givenName} {p.usualName}
            {p.usualName !== p.familyName && ` (${t("identity.persons.born", { name: p.familyName })})`}
          </h2>
          <p>
            {t("identity.persons.sub")} <code>{p.sub}</code>
          </p>
          <ProblemAlert error={remove.error} />
          <AffiliationsTable person={p} manage={manage} onRemove={removeAffiliation} />
          {p.links.length > 0 && (
            <>
              <h3>{t("identity.persons.links")}</h3>
              <ul>
                {p.links.map((l) => (
                  <li key={`${l.sourceId}:${l.upstreamId}`}>
                    {l.sourceLabel} — <code>{l.upstreamId}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          {manage && <DeclareForm sub={sub} onSaved={changed} />}
        </>
      )}
    </section>
  );
}
