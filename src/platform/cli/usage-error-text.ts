import type { Lang } from "../../shared/errors.ts";

/**
 * Commander's usage errors said in French too: commander writes English only, and a French user
 * of `entente` would read "error: option … argument 'docx' is invalid". The known forms of
 * commander 14's messages are translated; any other one is kept as written. In English the text
 * is left as it is. The `[cli.usage]` tag and the pointer to `--help` are added by the caller.
 *
 * @param text commander's message, e.g. `error: unknown option '--nope'`
 * @returns the message in `lang`, without a trailing newline
 */
export function usageErrorText(text: string, lang: Lang): string {
  const english = text.trimEnd();
  if (lang === "en") return english;
  for (const [pattern, french] of FRENCH) {
    const match = pattern.exec(english);
    if (match !== null) return french(...match.slice(1).map((part) => part ?? ""));
  }
  return english;
}

const FRENCH: readonly (readonly [RegExp, (...parts: string[]) => string])[] = [
  [
    /^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/s,
    (option, value, choices) =>
      `erreur : valeur « ${value} » invalide pour ${option} ; valeurs possibles : ${choices}.`,
  ],
  [
    /^error: command-argument value '([^']*)' is invalid for argument '([^']+)'\. Allowed choices are (.+)\.$/s,
    (value, argument, choices) =>
      `erreur : valeur « ${value} » invalide pour ${argument} ; valeurs possibles : ${choices}.`,
  ],
  [
    /^error: unknown option '([^']+)'(?:\s*\(Did you mean (.+)\?\))?$/s,
    (option, suggestion) =>
      `erreur : option inconnue ${option}${suggestion ? ` (vouliez-vous dire ${suggestion} ?)` : ""}.`,
  ],
  [
    /^error: unknown command '([^']+)'(?:\s*\(Did you mean (.+)\?\))?$/s,
    (command, suggestion) =>
      `erreur : commande inconnue « ${command} »${suggestion ? ` (vouliez-vous dire ${suggestion} ?)` : ""}.`,
  ],
  [
    /^error: missing required argument '([^']+)'$/,
    (argument) => `erreur : argument obligatoire manquant : ${argument}.`,
  ],
  [
    /^error: option '([^']+)' argument missing$/,
    (option) => `erreur : l'option ${option} attend une valeur.`,
  ],
  [
    /^error: required option '([^']+)' not specified$/,
    (option) => `erreur : l'option ${option} est obligatoire.`,
  ],
  [
    /^error: too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (command, expected, got) =>
      `erreur : trop d'arguments${command ? ` pour « ${command} »` : ""} : ${expected} attendu(s), ${got} reçu(s).`,
  ],
];

/** The `--lang` asked on the command line, read before commander parses it (usage errors come first). */
export function langOfArgv(argv: readonly string[]): Lang {
  const index = argv.lastIndexOf("--lang");
  const value = index === -1 ? argv.findLast((a) => a.startsWith("--lang="))?.slice(7) : argv[index + 1];
  return value === "en" ? "en" : "fr";
}
