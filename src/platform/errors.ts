import { defineErrors } from "../shared/errors.ts";

export {
  EntenteError,
  type ErrorCode,
  type ErrorDetails,
  ensure,
  formatMessage,
  type Issue,
  type Lang,
  type Localized,
  localized,
  statusOf,
  ValidationError,
} from "../shared/errors.ts";

/**
 * Error codes of files read by the CLI, the database, the configuration, the command line, concurrent edits: for each, the HTTP status it answers with and
 * its message in French and English (what is wrong and what to do). docs/errors.md documents
 * every code; test/error-catalog.test.ts fails when one is missing there.
 */
export const platformErrors = defineErrors({
  "auth.csrf": {
    status: 403,
    fr: () => "jeton anti-CSRF absent ou invalide : rechargez la page puis recommencez.",
    en: () => "missing or invalid anti-CSRF token: reload the page and try again.",
  },
  "request.nul_character": {
    status: 400,
    fr: (d) =>
      `${d.field} : contient le caractère nul (U+0000), interdit dans un texte. Retirez-le puis renvoyez la requête ; rien n'a été enregistré.`,
    en: (d) =>
      `${d.field}: contains the NUL character (U+0000), which no text may hold. Remove it and send the request again; nothing was saved.`,
  },
  "file.not_found": {
    status: 404,
    fr: (d) => `fichier introuvable : ${d.file}. Vérifiez le chemin (il est relatif au dossier courant).`,
    en: (d) => `file not found: ${d.file}. Check the path (it is relative to the current folder).`,
  },
  "file.unreadable": {
    status: 422,
    fr: (d) => `impossible de lire ${d.file} : ${d.reason}.`,
    en: (d) => `cannot read ${d.file}: ${d.reason}.`,
  },
  "file.not_utf8": {
    status: 422,
    fr: (d) =>
      `le fichier n'est pas en UTF-8 (${d.encoding}) : réenregistrez-le en UTF-8 (dans un éditeur : « Enregistrer sous… », encodage UTF-8).`,
    en: (d) =>
      `the file is not UTF-8 (${d.encoding}): save it again as UTF-8 (in an editor: "Save as…", encoding UTF-8).`,
  },
  "file.invalid_yaml": {
    status: 422,
    fr: (d) =>
      `syntaxe YAML/JSON invalide : ${d.reason}. Corrigez à cet endroit (indentation par espaces, deux-points, guillemets, virgules).`,
    en: (d) => `invalid YAML: ${d.reason}. Fix the syntax there (indentation, colons, quotes).`,
  },
  "file.invalid_field": {
    status: 422,
    fr: (d) => `champ « ${d.field} » : ${d.expected}.`,
    en: (d) => `field "${d.field}": ${d.expected}.`,
  },
  "file.unknown_field": {
    status: 422,
    fr: (d) =>
      `champ inconnu « ${d.field} ». Champs possibles ici : ${d.allowed}. Corrigez l'orthographe ou supprimez-le.`,
    en: (d) =>
      `unknown field "${d.field}". Fields allowed here: ${d.allowed}. Fix the spelling or remove it.`,
  },
  "db.migration_failed": {
    status: 500,
    fr: (d) =>
      `la migration ${d.migration} de la base a échoué : ${d.reason}. Rien n'a été modifié par cette migration ; corrigez la cause et redémarrez.`,
    en: (d) =>
      `database migration ${d.migration} failed: ${d.reason}. That migration changed nothing; fix the cause and restart.`,
  },
  "db.unavailable": {
    status: 503,
    fr: (d) =>
      `base de données injoignable (${d.reason}). Réessayez dans un instant ; rien n'a été enregistré.`,
    en: (d) => `database unavailable (${d.reason}). Try again in a moment; nothing was saved.`,
  },
  "db.in_use": {
    status: 409,
    fr: (d) =>
      `la base embarquée ${d.folder} est ouverte par un autre processus (PID ${d.pid}, sans doute le serveur) : arrêtez-le avant d'utiliser cette commande, ou passez à PostgreSQL (DATABASE_URL) pour travailler à plusieurs processus. Rien n'a été modifié.`,
    en: (d) =>
      `the embedded database ${d.folder} is open in another process (PID ${d.pid}, probably the server): stop it before running this command, or use PostgreSQL (DATABASE_URL) to work with several processes. Nothing was changed.`,
  },
  "conflict.stale_version": {
    status: 409,
    fr: (d) =>
      `modification concurrente sur ${d.what} : quelqu'un d'autre a enregistré entre-temps (version ${d.expected} attendue, ${d.actual} en base). Rechargez pour voir ses changements, puis refaites les vôtres.`,
    en: (d) =>
      `${d.what} was changed by someone else meanwhile (expected version ${d.expected}, found ${d.actual}). Reload to see their changes, then redo yours.`,
  },
  "resource.not_found": {
    status: 404,
    fr: (d) => `${d.what} « ${d.id} » introuvable.`,
    en: (d) => `${d.what} "${d.id}" not found.`,
  },
  "cli.bad_option": {
    status: 400,
    fr: (d) => `option ${d.option} : ${d.expected}.`,
    en: (d) => `option ${d.option}: ${d.expected}.`,
  },
  "output.write_failed": {
    status: 500,
    fr: (d) =>
      `impossible d'écrire ${d.file} : ${d.reason}. Vérifiez que le dossier existe et est accessible en écriture.`,
    en: (d) => `cannot write ${d.file}: ${d.reason}. Check that the folder exists and is writable.`,
  },
  "config.invalid": {
    status: 500,
    fr: (d) =>
      `configuration invalide, ${d.count} variable(s) d'environnement à corriger :\n${d.problems}\nCorrigez-les (liste, valeurs admises et défauts : docs/environment.md) puis relancez.`,
    en: (d) =>
      `invalid configuration, ${d.count} environment variable(s) to fix:\n${d.problems}\nFix them (list, allowed values and defaults: docs/environment.md) and start again.`,
  },
  // ---- identity federation (issue 4). Every page of the sign-in flow shows the code, so that
  // support can be told it; `docs/errors.md` says what each means.
});

declare module "../shared/errors.ts" {
  interface ErrorCodes extends Record<keyof typeof platformErrors, true> {}
}
