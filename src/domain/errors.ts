/**
 * The single catalog of error codes (`area.reason`) and the error type that carries them.
 *
 * Every code has a French and an English message that says what is wrong and what to do.
 * Messages receive `details` (strings and numbers only, already formatted for display).
 * `docs/errors.md` documents every code; `errors.test.ts` fails when one is missing there.
 */

/** A text given in both languages of Entente (French first). */
export interface Localized {
  readonly fr: string;
  readonly en: string;
}

/** Builds a `Localized` text. */
export const localized = (fr: string, en: string): Localized => ({ fr, en });

/** Details of an error: display-ready values, possibly in both languages. */
export type ErrorDetails = Readonly<Record<string, string | number | Localized>>;

type Message = (d: Readonly<Record<string, string | number>>) => string;

export type Lang = "fr" | "en";

export const errorCatalog = {
  "file.not_found": {
    fr: (d) => `fichier introuvable : ${d.file}. Vérifiez le chemin (il est relatif au dossier courant).`,
    en: (d) => `file not found: ${d.file}. Check the path (it is relative to the current folder).`,
  },
  "file.unreadable": {
    fr: (d) => `impossible de lire ${d.file} : ${d.reason}.`,
    en: (d) => `cannot read ${d.file}: ${d.reason}.`,
  },
  "file.not_utf8": {
    fr: (d) =>
      `le fichier n'est pas en UTF-8 (${d.encoding}) : réenregistrez-le en UTF-8 (dans un éditeur : « Enregistrer sous… », encodage UTF-8).`,
    en: (d) =>
      `the file is not UTF-8 (${d.encoding}): save it again as UTF-8 (in an editor: "Save as…", encoding UTF-8).`,
  },
  "file.invalid_yaml": {
    fr: (d) =>
      `syntaxe YAML/JSON invalide : ${d.reason}. Corrigez à cet endroit (indentation par espaces, deux-points, guillemets, virgules).`,
    en: (d) => `invalid YAML: ${d.reason}. Fix the syntax there (indentation, colons, quotes).`,
  },
  "file.invalid_field": {
    fr: (d) => `champ « ${d.field} » : ${d.expected}.`,
    en: (d) => `field "${d.field}": ${d.expected}.`,
  },
  "file.unknown_field": {
    fr: (d) =>
      `champ inconnu « ${d.field} ». Champs possibles ici : ${d.allowed}. Corrigez l'orthographe ou supprimez-le.`,
    en: (d) =>
      `unknown field "${d.field}". Fields allowed here: ${d.allowed}. Fix the spelling or remove it.`,
  },
  "entente.duplicate_id": {
    fr: (d) =>
      `identifiant « ${d.id} » en double (${d.what}, déjà défini ${d.first}). Chaque identifiant doit être unique : renommez l'un des deux.`,
    en: (d) =>
      `duplicate id "${d.id}" (${d.what}, first defined ${d.first}). Each id must be unique: rename one of them.`,
  },
  "entente.unknown_reference": {
    fr: (d) =>
      `${d.what} « ${d.id} » inconnu. Valeurs connues : ${d.known}. Corrigez la référence ou déclarez-le.`,
    en: (d) => `unknown ${d.what} "${d.id}". Known values: ${d.known}. Fix the reference or declare it.`,
  },
  "amount.not_a_number": {
    fr: (d) => `montant attendu (nombre décimal, ex. 45276 ou 45276.50), reçu « ${d.value} ».`,
    en: (d) => `expected an amount (decimal number, e.g. 45276 or 45276.50), got "${d.value}".`,
  },
  "amount.negative": {
    fr: (d) =>
      `montant négatif (${d.value}) : les dépenses, recettes et avances sont positives. Une recette en moins s'écrit comme une dépense.`,
    en: (d) =>
      `negative amount (${d.value}): expenses, receipts and advances are positive. Record a reduction on the other side.`,
  },
  "amount.too_many_decimals": {
    fr: (d) => `${d.value} a trop de décimales : ${d.currency} en admet ${d.max}. Arrondissez le montant.`,
    en: (d) => `${d.value} has too many decimals: ${d.currency} allows ${d.max}. Round the amount.`,
  },
  "amount.too_large": {
    fr: (d) =>
      `${d.value} : nombre trop grand (au plus ${d.max} chiffres avant la virgule). Vérifiez le montant.`,
    en: (d) =>
      `${d.value}: number too large (at most ${d.max} digits before the decimal point). Check the amount.`,
  },
  "key.shares_not_100": {
    fr: (d) =>
      `les parts de la clé « ${d.key} » totalisent ${d.sum} % au lieu de 100 % (écart ${d.difference} points). Corrigez les taux pour qu'ils fassent exactement 100.`,
    en: (d) =>
      `the shares of key "${d.key}" add up to ${d.sum} % instead of 100 % (off by ${d.difference} points). Fix the rates so they add up to exactly 100.`,
  },
  "key.too_many_decimals": {
    fr: (d) =>
      `taux ${d.value} % de la clé « ${d.key} » : au plus ${d.max} décimales. Arrondissez ou utilisez des poids entiers (weights).`,
    en: (d) =>
      `rate ${d.value} % of key "${d.key}": at most ${d.max} decimals. Round it or use integer weights.`,
  },
  "key.empty": {
    fr: (d) =>
      `la clé « ${d.key} » ne donne aucune part (total ${d.what} nul). Donnez au moins une valeur positive.`,
    en: (d) => `key "${d.key}" yields no share (total ${d.what} is zero). Give at least one positive value.`,
  },
  "key.criteria_members_differ": {
    fr: (d) =>
      `clé « ${d.key} » : le critère « ${d.criterion} » ne couvre pas les mêmes membres que le premier critère (${d.missing}). Donnez une valeur (0 si besoin) à chaque membre pour chaque critère.`,
    en: (d) =>
      `key "${d.key}": criterion "${d.criterion}" does not cover the same members as the first criterion (${d.missing}). Give every member a value (0 if need be) for every criterion.`,
  },
  "mission.key_member_not_participant": {
    fr: (d) =>
      `la clé « ${d.key} » de la mission « ${d.mission} » donne une part à « ${d.member} », qui ne participe pas à la mission. Ajoutez-le aux membres de la mission ou retirez-le de la clé.`,
    en: (d) =>
      `key "${d.key}" of mission "${d.mission}" gives a share to "${d.member}", who does not take part in the mission. Add it to the mission's members or remove it from the key.`,
  },
  "budget.unbalanced": {
    fr: (d) =>
      `budget ${d.year} déséquilibré : ${d.sections}. Les dépenses et les recettes de chaque section doivent être égales : ajustez une ligne ou la contribution des membres.`,
    en: (d) =>
      `budget ${d.year} is unbalanced: ${d.sections}. Expenses and receipts must be equal in each section: adjust a line or the members' contribution.`,
  },
  "budget.key_group_unbalanced": {
    fr: (d) =>
      `budget ${d.year}, clé « ${d.key} », section ${d.section} : la contribution des membres (${d.contributions}) ne couvre pas exactement le coût net des missions de cette clé (${d.netCost}, écart ${d.difference}). Une mission financée par sa propre clé doit être équilibrée par ses propres contributions (CGCT L5221-1 : pas de marge).`,
    en: (d) =>
      `budget ${d.year}, key "${d.key}", section ${d.section}: the members' contribution (${d.contributions}) does not cover exactly the net cost of the missions of this key (${d.netCost}, off by ${d.difference}). A mission financed by its own key must be balanced by its own contributions (CGCT L5221-1: no margin).`,
  },
  "advance.member_not_in_key": {
    fr: (d) =>
      `l'avance « ${d.advance} » est faite par « ${d.member} », qui n'a pas de part dans la clé « ${d.key} ». Choisissez une clé qui inclut ce membre (champ key) ou corrigez le membre.`,
    en: (d) =>
      `advance "${d.advance}" was made by "${d.member}", who has no share in key "${d.key}". Pick a key that includes this member (field key) or fix the member.`,
  },
  "adjustment.not_zero_sum": {
    fr: (d) =>
      `la régularisation « ${d.adjustment} » totalise ${d.sum} au lieu de 0. Ce qu'un membre reçoit, les autres le paient : corrigez les montants.`,
    en: (d) =>
      `adjustment "${d.adjustment}" adds up to ${d.sum} instead of 0. What one member receives, the others pay: fix the amounts.`,
  },
  "rounding.not_whole_unit": {
    fr: (d) =>
      `${d.what} de ${d.amount} ne se répartit pas en ${d.unit}s entiers. Arrondissez-le ou passez l'arrondi au centime (entente.rounding.unit: cent).`,
    en: (d) =>
      `${d.what} of ${d.amount} cannot be split in whole ${d.unit}s. Round it or round to the cent (entente.rounding.unit: cent).`,
  },
  "exercise.called_before_year": {
    fr: (d) =>
      `l'exercice ${d.year} ne peut pas être appelé en ${d.calledIn}, avant l'exercice lui-même. Indiquez une année d'appel égale ou postérieure.`,
    en: (d) =>
      `exercise ${d.year} cannot be called in ${d.calledIn}, before the exercise itself. Give a call year equal to or after it.`,
  },
  "exercise.not_found": {
    fr: (d) => `aucun exercice ${d.year} dans ce fichier. Exercices disponibles : ${d.known}.`,
    en: (d) => `no exercise ${d.year} in this file. Available exercises: ${d.known}.`,
  },
  "db.migration_failed": {
    fr: (d) =>
      `la migration ${d.migration} de la base a échoué : ${d.reason}. Rien n'a été modifié par cette migration ; corrigez la cause et redémarrez.`,
    en: (d) =>
      `database migration ${d.migration} failed: ${d.reason}. That migration changed nothing; fix the cause and restart.`,
  },
  "db.unavailable": {
    fr: (d) =>
      `base de données injoignable (${d.reason}). Réessayez dans un instant ; rien n'a été enregistré.`,
    en: (d) => `database unavailable (${d.reason}). Try again in a moment; nothing was saved.`,
  },
  "db.in_use": {
    fr: (d) =>
      `la base embarquée ${d.folder} est ouverte par un autre processus (PID ${d.pid}, sans doute le serveur) : arrêtez-le avant d'utiliser cette commande, ou passez à PostgreSQL (DATABASE_URL) pour travailler à plusieurs processus. Rien n'a été modifié.`,
    en: (d) =>
      `the embedded database ${d.folder} is open in another process (PID ${d.pid}, probably the server): stop it before running this command, or use PostgreSQL (DATABASE_URL) to work with several processes. Nothing was changed.`,
  },
  "entente.not_found": {
    fr: (d) => `aucune entente « ${d.id} ».`,
    en: (d) => `no entente "${d.id}".`,
  },
  "entente.already_exists": {
    fr: (d) => `l'entente « ${d.id} » existe déjà. Choisissez un autre identifiant ou supprimez-la d'abord.`,
    en: (d) => `entente "${d.id}" already exists. Pick another id or delete it first.`,
  },
  "conflict.stale_version": {
    fr: (d) =>
      `modification concurrente sur ${d.what} : quelqu'un d'autre a enregistré entre-temps (version ${d.expected} attendue, ${d.actual} en base). Rechargez pour voir ses changements, puis refaites les vôtres.`,
    en: (d) =>
      `${d.what} was changed by someone else meanwhile (expected version ${d.expected}, found ${d.actual}). Reload to see their changes, then redo yours.`,
  },
  "access.forbidden": {
    fr: (d) =>
      `action non autorisée pour le rôle ${d.role} (${d.action}). Demandez-la au secrétariat de la conférence.`,
    en: (d) => `action not allowed for role ${d.role} (${d.action}). Ask the conference secretariat.`,
  },
  "auth.required": {
    fr: () => "connexion requise : identifiez-vous pour continuer.",
    en: () => "sign-in required: sign in to continue.",
  },
  "auth.invalid_credentials": {
    fr: () => "adresse ou mot de passe incorrect.",
    en: () => "wrong email or password.",
  },
  "auth.locked": {
    fr: (d) => `trop d'essais : compte bloqué jusqu'au ${d.until}. Réessayez après cette heure.`,
    en: (d) => `too many attempts: account locked until ${d.until}. Try again after that time.`,
  },
  "auth.rate_limited": {
    fr: (d) => `trop de tentatives de connexion depuis cette adresse : réessayez dans ${d.seconds} s.`,
    en: (d) => `too many sign-in attempts from this address: try again in ${d.seconds} s.`,
  },
  "auth.csrf": {
    fr: () => "jeton anti-CSRF absent ou invalide : rechargez la page puis recommencez.",
    en: () => "missing or invalid anti-CSRF token: reload the page and try again.",
  },
  "budget.not_editable": {
    fr: (d) =>
      `le budget ${d.year} (version ${d.number}) est ${d.status} : il ne se modifie plus. Ouvrez une décision modificative (nouvelle version du budget).`,
    en: (d) =>
      `budget ${d.year} (version ${d.number}) is ${d.status}: it can no longer be edited. Open an amending budget (a new version).`,
  },
  "budget.amend_not_adopted": {
    fr: (d) =>
      `le budget ${d.year} (version ${d.number}) est ${d.status} : une décision modificative part d'un budget adopté. Modifiez le brouillon en cours ou attendez l'adoption.`,
    en: (d) =>
      `budget ${d.year} (version ${d.number}) is ${d.status}: an amending budget starts from an adopted one. Edit the current draft or wait for adoption.`,
  },
  "budget.draft_hidden": {
    fr: (d) =>
      `le budget ${d.year} est en préparation par le secrétariat : ses montants seront visibles de tous après son approbation par la conférence (seule votre part est montrée).`,
    en: (d) =>
      `the ${d.year} budget is being prepared by the secretariat: its amounts become visible to all once the conference approves it (only your share is shown).`,
  },
  "budget.figures_frozen": {
    fr: (d) =>
      `ce changement modifierait les montants du budget ${d.year}, qui est ${d.status} : les montants délibérés ne changent plus. Ouvrez d'abord une décision modificative pour ${d.year}.`,
    en: (d) =>
      `this change would alter the amounts of the ${d.year} budget, which is ${d.status}: deliberated amounts no longer change. Open an amending budget for ${d.year} first.`,
  },
  "ratification.closed": {
    fr: (d) =>
      `le budget ${d.year} est adopté : les délibérations qui l'ont adopté ne se modifient plus. Une nouvelle décision passe par une décision modificative.`,
    en: (d) =>
      `the ${d.year} budget is adopted: the deliberations that adopted it can no longer change. A new decision goes through an amending budget.`,
  },
  "ratification.incomplete": {
    fr: (d) =>
      `une délibération ${d.status} doit porter son numéro et sa date (au plus tôt le jour de la conférence, ${d.conferenceDate}).`,
    en: (d) =>
      `a ${d.status} deliberation needs its number and its date (no earlier than the conference, ${d.conferenceDate}).`,
  },
  "payment.exceeds_due": {
    fr: (d) =>
      `le paiement de ${d.amount} dépasse le reste dû (${d.due}). Vérifiez le montant ; un trop-perçu se traite par une régularisation.`,
    en: (d) =>
      `the payment of ${d.amount} exceeds what is due (${d.due}). Check the amount; an overpayment is handled by an adjustment.`,
  },
  "fund_call.budget_not_adopted": {
    fr: (d) =>
      `le budget ${d.year} n'est pas adopté (il est ${d.status}) : les appels de fonds attendent la délibération concordante de chaque membre (CGCT L5221-2).`,
    en: (d) =>
      `the ${d.year} budget is not adopted (it is ${d.status}): fund calls wait for every member's concurring deliberation (CGCT L5221-2).`,
  },
  "fund_call.already_issued": {
    fr: (d) => `les appels de fonds ${d.year} sont déjà émis.`,
    en: (d) => `the ${d.year} fund calls are already issued.`,
  },
  "resource.not_found": {
    fr: (d) => `${d.what} « ${d.id} » introuvable.`,
    en: (d) => `${d.what} "${d.id}" not found.`,
  },
  "cli.bad_option": {
    fr: (d) => `option ${d.option} : ${d.expected}.`,
    en: (d) => `option ${d.option}: ${d.expected}.`,
  },
  "output.write_failed": {
    fr: (d) =>
      `impossible d'écrire ${d.file} : ${d.reason}. Vérifiez que le dossier existe et est accessible en écriture.`,
    en: (d) => `cannot write ${d.file}: ${d.reason}. Check that the folder exists and is writable.`,
  },
  "config.invalid": {
    fr: (d) =>
      `configuration invalide, ${d.count} variable(s) d'environnement à corriger :\n${d.problems}\nCorrigez-les (liste, valeurs admises et défauts : docs/environment.md) puis relancez.`,
    en: (d) =>
      `invalid configuration, ${d.count} environment variable(s) to fix:\n${d.problems}\nFix them (list, allowed values and defaults: docs/environment.md) and start again.`,
  },
  // ---- identity federation (issue 4). Every page of the sign-in flow shows the code, so that
  // support can be told it; `docs/errors.md` says what each means.
  "identity.email_invalid": {
    fr: () => "adresse électronique invalide : saisissez une adresse de la forme prenom.nom@commune.fr.",
    en: () => "invalid email address: type an address such as firstname.lastname@town.fr.",
  },
  "identity.domain_unknown": {
    fr: (d) =>
      `aucune organisation de l'entente n'utilise le domaine « ${d.domain} ». Choisissez votre organisation dans la liste, ou demandez au secrétariat d'enregistrer votre adresse.`,
    en: (d) =>
      `no organisation of the entente uses the domain "${d.domain}". Pick your organisation from the list, or ask the secretariat to register your address.`,
  },
  "identity.source_not_found": {
    fr: (d) => `source d'identité « ${d.id} » introuvable.`,
    en: (d) => `identity source "${d.id}" not found.`,
  },
  "identity.source_disabled": {
    fr: (d) =>
      `la connexion par « ${d.source} » est suspendue. Réessayez plus tard ou contactez le support de votre organisation.`,
    en: (d) =>
      `signing in through "${d.source}" is suspended. Try again later or contact your organisation's support.`,
  },
  "identity.invalid_credentials": {
    fr: () => "identifiant ou mot de passe incorrect.",
    en: () => "wrong username or password.",
  },
  "identity.source_unreachable": {
    fr: (d) =>
      `l'annuaire ou le fournisseur d'identité « ${d.source} » ne répond pas. Réessayez dans quelques minutes ; si cela dure, prévenez le support de votre organisation.`,
    en: (d) =>
      `the directory or identity provider "${d.source}" does not answer. Try again in a few minutes; if it lasts, tell your organisation's support.`,
  },
  "identity.upstream_rejected": {
    fr: (d) =>
      `la réponse de « ${d.source} » a été refusée (${d.reason}). Recommencez la connexion depuis le service ; si cela se reproduit, donnez ce code au support.`,
    en: (d) =>
      `the answer of "${d.source}" was refused (${d.reason}). Start signing in again from the service; if it happens again, give this code to support.`,
  },
  "identity.upstream_denied": {
    fr: (d) => `« ${d.source} » n'a pas authentifié la personne (${d.reason}).`,
    en: (d) => `"${d.source}" did not authenticate the person (${d.reason}).`,
  },
  "identity.attribute_missing": {
    fr: (d) =>
      `« ${d.source} » n'a pas transmis l'attribut « ${d.attribute} » (${d.claim}). Son administrateur doit le publier, ou corriger la correspondance des attributs.`,
    en: (d) =>
      `"${d.source}" did not release the attribute "${d.attribute}" (${d.claim}). Its administrator must release it, or fix the attribute mapping.`,
  },
  "identity.email_domain_not_owned": {
    fr: (d) =>
      `« ${d.source} » a fourni l'adresse ${d.email}, dont le domaine n'appartient pas à ${d.member}. Personne n'a été connecté ; le secrétariat peut enregistrer ce domaine ou cette adresse.`,
    en: (d) =>
      `"${d.source}" asserted ${d.email}, whose domain does not belong to ${d.member}. Nobody was signed in; the secretariat can register the domain or the address.`,
  },
  "identity.state_lost": {
    fr: () =>
      "cette réponse de connexion ne correspond à aucune connexion en cours (déjà utilisée, expirée ou ouverte dans un autre navigateur). Recommencez depuis le service.",
    en: () =>
      "this sign-in answer matches no sign-in in progress (already used, expired or started in another browser). Start again from the service.",
  },
  "identity.interaction_expired": {
    fr: () => "la page de connexion a expiré. Retournez sur le service et recommencez.",
    en: () => "the sign-in page has expired. Go back to the service and start again.",
  },
  "identity.service_refused": {
    fr: (d) =>
      `l'accès à « ${d.service} » n'est pas ouvert ${d.reason}. Si vous pensez y avoir droit, contactez le secrétariat de l'entente.`,
    en: (d) =>
      `access to "${d.service}" is not open ${d.reason}. If you believe you should have it, contact the entente's secretariat.`,
  },
  "identity.too_many_attempts": {
    fr: (d) =>
      `trop de tentatives de connexion. Attendez ${d.minutes} minute(s) avant de réessayer ; si vous avez oublié votre mot de passe, contactez le support de votre organisation.`,
    en: (d) =>
      `too many sign-in attempts. Wait ${d.minutes} minute(s) before trying again; if you forgot your password, contact your organisation's support.`,
  },
  "identity.mfa_invalid": {
    fr: () => "code ou clé de sécurité refusé : réessayez avec un nouveau code.",
    en: () => "code or security key refused: try again with a new code.",
  },
  "identity.domain_taken": {
    fr: (d) =>
      `le domaine « ${d.domain} » est déjà rattaché à ${d.member}. Un domaine appartient à un seul membre.`,
    en: (d) =>
      `the domain "${d.domain}" already belongs to ${d.member}. A domain belongs to one member only.`,
  },
  "identity.client_invalid": {
    fr: (d) => `service « ${d.field} » : ${d.expected}.`,
    en: (d) => `service "${d.field}": ${d.expected}.`,
  },
  "identity.not_found": {
    fr: (d) => `${d.what} « ${d.id} » introuvable.`,
    en: (d) => `${d.what} "${d.id}" not found.`,
  },
  "identity.source_invalid": {
    fr: (d) => `source d'identité, champ « ${d.field} » : ${d.expected}.`,
    en: (d) => `identity source, field "${d.field}": ${d.expected}.`,
  },
  "identity.source_in_use": {
    fr: (d) =>
      `la source « ${d.source} » a déjà connecté ${d.count} personne(s) : désactivez-la plutôt que de la supprimer (leurs identifiants pivot en dépendent).`,
    en: (d) =>
      `the source "${d.source}" has already signed in ${d.count} person(s): disable it instead of deleting it (their pivot ids depend on it).`,
  },
  "identity.address_taken": {
    fr: (d) =>
      `l'adresse ${d.email} est déjà enregistrée pour ${d.member}. Une adresse mène à une seule organisation ; retirez-la d'abord.`,
    en: (d) =>
      `the address ${d.email} is already registered for ${d.member}. An address leads to one organisation only; remove it first.`,
  },
} as const satisfies Record<string, Record<Lang, Message>>;

export type ErrorCode = keyof typeof errorCatalog;

/** One problem found in user input; `path` points into the entente file (e.g. `["keys", 0, "percent"]`). */
export interface Issue {
  readonly code: ErrorCode;
  readonly path: readonly (string | number)[];
  readonly details: ErrorDetails;
  /** Another place the issue refers to (the first of two duplicates), same form as `path`. */
  readonly related?: readonly (string | number)[];
}

/** Renders the message of an issue or error code in the given language. */
export function formatMessage(code: ErrorCode, details: ErrorDetails, lang: Lang = "fr"): string {
  const resolved = Object.fromEntries(
    Object.entries(details).map(([k, v]) => [k, typeof v === "object" ? v[lang] : v]),
  );
  return errorCatalog[code][lang](resolved);
}

/**
 * The application error: a code from the catalog, display-ready details, optional file path
 * and `cause`. User mistakes are thrown as `EntenteError`s and printed without a stack trace.
 * A `ValidationError` carries every issue found at once.
 */
export class EntenteError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  readonly path: readonly (string | number)[];

  constructor(
    code: ErrorCode,
    details: ErrorDetails = {},
    options: { path?: readonly (string | number)[]; cause?: unknown } = {},
  ) {
    super(formatMessage(code, details, "en"), options.cause === undefined ? {} : { cause: options.cause });
    this.name = "EntenteError";
    this.code = code;
    this.details = details;
    this.path = options.path ?? [];
  }
}

/** Every issue found in one input; thrown so that callers report them all at once. */
export class ValidationError extends Error {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(`${issues.length} problem(s) in the entente: ${issues.map((i) => i.code).join(", ")}`);
    this.name = "ValidationError";
    this.issues = issues;
  }
}

/** Throws an `EntenteError` with `code` when `condition` is false (business-rule guard). */
export function ensure(condition: unknown, code: ErrorCode, details: ErrorDetails = {}): asserts condition {
  if (!condition) throw new EntenteError(code, details);
}
