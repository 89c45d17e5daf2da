import type { AffiliationChoice } from "../../app/sign-in/sign-in-step.ts";
import type { OrganisationChoice } from "../../domain/organisation-choice.ts";
import type { Lang } from "../../errors.ts";
import {
  actionOf,
  csrfField,
  type Html,
  html,
  type PageError,
  renderCodes,
  renderPage,
  textField,
} from "./html.ts";
import { text } from "./messages.ts";

/** What every page of one interaction knows. */
export interface PageContext {
  readonly lang: Lang;
  readonly uid: string;
  /** Path of the page shown (language switch). */
  readonly path: string;
  readonly requestId: string;
}

/** The path of a page of an interaction (`rest`: `/password`, `/mfa`…). */
export const interactionPath = (uid: string, rest = "") => `/interaction/${encodeURIComponent(uid)}${rest}`;

/** The form that ends the interaction with `access_denied` and goes back to the service. */
export function backToServiceForm(pc: PageContext, csrf: string): Html {
  const t = text(pc.lang);
  return html`<form method="post" action="${actionOf(interactionPath(pc.uid, "/abort"), pc.lang)}" class="back-form">
${csrfField(csrf)}
<button type="submit" class="secondary">${t.backToService}</button>
</form>`;
}

/** The first page: an email, or an organisation from the list; the note for élus. */
export function renderStartPage(
  pc: PageContext,
  view: {
    readonly csrf: string;
    readonly organisations: readonly OrganisationChoice[];
    readonly email: string | null;
    readonly error: PageError | null;
  },
): string {
  const t = text(pc.lang);
  const orgError = view.error?.fields.includes("source") === true ? view.error : null;
  const options = view.organisations.flatMap((org) =>
    org.sources.map(
      (s) =>
        html`<option value="${s.id}">${org.memberName}${org.sources.length > 1 ? ` — ${s.label}` : ""}${
          new Set(view.organisations.map((o) => o.ententeId)).size > 1 ? ` (${org.ententeName})` : ""
        }</option>`,
    ),
  );
  const body = html`<p>${t.startIntro}</p>
<form method="post" action="${actionOf(interactionPath(pc.uid, "/email"), pc.lang)}" novalidate>
${csrfField(view.csrf)}
${textField({
  id: "email",
  name: "email",
  label: t.emailLabel,
  type: "email",
  autocomplete: "username",
  value: view.email,
  hint: t.emailHint,
  error: view.error,
  autofocus: view.error === null,
})}
<p class="note" id="elu-note">${t.eluNote}</p>
<button type="submit">${t.continue}</button>
</form>
<section aria-labelledby="org-heading" class="organisations">
<h2 id="org-heading">${t.orgHeading}</h2>
<p>${t.orgIntro}</p>
<form method="post" action="${actionOf(interactionPath(pc.uid, "/organisation"), pc.lang)}">
${csrfField(view.csrf)}
<div class="field${orgError ? " field-invalid" : ""}">
<label for="source">${t.orgLabel}</label>
${orgError ? html`<p class="field-error" id="source-error">${orgError.message}</p>` : null}
<select id="source" name="sourceId" required${orgError ? html` aria-invalid="true" aria-describedby="source-error"` : null}>
<option value="">${t.orgPlaceholder}</option>
${options}
</select>
</div>
<button type="submit" class="secondary">${t.orgSubmit}</button>
</form>
</section>
${backToServiceForm(pc, view.csrf)}`;
  return renderPage({ lang: pc.lang, title: t.startTitle, path: pc.path, body, error: view.error });
}

/** Login and password for an LDAP or local source. */
export function renderPasswordPage(
  pc: PageContext,
  view: {
    readonly csrf: string;
    readonly sourceLabel: string;
    readonly login: string | null;
    readonly error: PageError | null;
  },
): string {
  const t = text(pc.lang);
  const body = html`<p>${t.passwordIntro(view.sourceLabel)}</p>
<form method="post" action="${actionOf(interactionPath(pc.uid, "/password"), pc.lang)}" novalidate>
${csrfField(view.csrf)}
${textField({ id: "login", name: "login", label: t.loginLabel, type: "text", autocomplete: "username", value: view.login, hint: t.loginHint, error: view.error, autofocus: view.error === null && !view.login })}
${textField({ id: "password", name: "password", label: t.passwordLabel, type: "password", autocomplete: "current-password", error: view.error, autofocus: view.error === null && !!view.login })}
<button type="submit">${t.signIn}</button>
</form>
<p><a href="${actionOf(interactionPath(pc.uid), pc.lang)}">${t.changeOrganisation}</a></p>
${backToServiceForm(pc, view.csrf)}`;
  return renderPage({ lang: pc.lang, title: t.passwordTitle, path: pc.path, body, error: view.error });
}

/** The organisation chooser of a person with several affiliations (radio buttons in a fieldset). */
export function renderAffiliationPage(
  pc: PageContext,
  view: {
    readonly csrf: string;
    readonly choices: readonly AffiliationChoice[];
    readonly error: PageError | null;
  },
): string {
  const t = text(pc.lang);
  const radios = view.choices.map(
    (c, i) =>
      html`<div class="radio"><input type="radio" id="member-${i}" name="memberId" value="${c.memberId}" required${
        i === 0 && view.error === null ? html` autofocus` : null
      }><label for="member-${i}">${c.memberName} <span class="role">(${c.role === "elu" ? t.roleElu : t.roleAgent})</span></label></div>`,
  );
  const body = html`<p>${t.chooseIntro}</p>
<form method="post" action="${actionOf(interactionPath(pc.uid, "/organisation/choice"), pc.lang)}">
${csrfField(view.csrf)}
<fieldset id="memberId"><legend>${t.chooseLegend}</legend>${radios}</fieldset>
<button type="submit">${t.continue}</button>
</form>
${backToServiceForm(pc, view.csrf)}`;
  return renderPage({ lang: pc.lang, title: t.chooseTitle, path: pc.path, body, error: view.error });
}

/** The refusal of a service's access policy: the code, the reason, the way back. */
export function renderRefusedPage(
  pc: PageContext,
  view: {
    readonly csrf: string | null;
    readonly message: string;
    readonly code: string;
    /** Whom to ask (a URL becomes a link); null: the message's secretariat only. */
    readonly contact?: string | null;
  },
): string {
  const t = text(pc.lang);
  const contact = view.contact ?? null;
  const isUrl = contact !== null && /^https?:\/\//.test(contact);
  const body = html`<div class="problem" role="alert">
<p>${view.message}</p>
${contact === null ? null : html`<p class="contact">${t.refusedContact} ${isUrl ? html`<a href="${contact}">${contact}</a>` : contact}</p>`}
${renderCodes(pc.lang, view.code, pc.requestId)}
</div>
${view.csrf === null ? null : backToServiceForm(pc, view.csrf)}`;
  return renderPage({ lang: pc.lang, title: t.refusedTitle, path: pc.path, body });
}

/**
 * The page of any problem that ends the sign-in: the catalog's code and message, the request id
 * as the support code, what to do, and the way back (the service when the interaction is still
 * there, else the portal). Never a stack trace.
 */
export function renderErrorPage(
  pc: Omit<PageContext, "uid"> & { readonly uid: string | null },
  view: {
    readonly code: string;
    readonly message: string;
    readonly csrf: string | null;
    readonly portalUrl: string;
  },
): string {
  const t = text(pc.lang);
  const back =
    view.csrf !== null && pc.uid !== null
      ? backToServiceForm({ ...pc, uid: pc.uid }, view.csrf)
      : html`<p>${t.expiredHelp}</p><p><a href="${view.portalUrl}">${t.portalLink}</a></p>`;
  const body = html`<div class="problem" role="alert" tabindex="-1" autofocus>
<p>${view.message}</p>
${renderCodes(pc.lang, view.code, pc.requestId)}
</div>
<h2>${t.whatToDo}</h2>
${back}`;
  return renderPage({ lang: pc.lang, title: t.errorTitle, path: pc.path, body });
}
