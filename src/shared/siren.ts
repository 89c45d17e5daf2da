/**
 * SIREN and SIRET check digits (INSEE, répertoire SIRENE): a SIREN (9 digits) and a SIRET (14
 * digits: SIREN + NIC) satisfy the Luhn formula (ISO/IEC 7812-1 annex B). One exception: the
 * establishments of La Poste (SIREN 356000000) may have SIRETs whose digits sum to a multiple of
 * 5 instead (INSEE, « Le SIRET de La Poste »). Written here because no maintained npm package
 * checks them, and the rule is these few lines; tests in siren.test.ts.
 */

const LA_POSTE_SIREN = "356000000";

/** The Luhn sum of `digits`: every second digit from the right doubled (minus 9 above 9). */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    const doubled = i % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum;
}

/**
 * Whether `siren` is 9 digits with a valid Luhn check digit.
 * @example isValidSiren("200046977") // true (Métropole de Lyon)
 */
export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhnSum(siren) % 10 === 0;
}

/**
 * Whether `siret` is 14 digits with a valid check (Luhn; La Poste: digit sum a multiple of 5).
 * @example isValidSiret("21690123100011") // true (Ville de Lyon, hôtel de ville)
 */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (luhnSum(siret) % 10 === 0) return true;
  // La Poste's head office (35600000000048) passes Luhn; its other establishments pass this one.
  return siret.startsWith(LA_POSTE_SIREN) && [...siret].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
}
