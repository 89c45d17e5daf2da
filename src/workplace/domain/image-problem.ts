/** What is wrong with an uploaded image, in French and in English (for `workplace.logo_invalid`). */
export type ImageProblem = { readonly fr: string; readonly en: string };

export const problem = (fr: string, en: string): ImageProblem => ({ fr, en });

/** Largest side of an uploaded logo, in pixels: a tile shows it at 64 px or so. */
export const MAX_LOGO_SIDE = 2048;

/** The dimensions are those of a logo: 1 to MAX_LOGO_SIDE pixels a side. */
export function checkSides(width: number, height: number): ImageProblem | null {
  if (width >= 1 && height >= 1 && width <= MAX_LOGO_SIDE && height <= MAX_LOGO_SIDE) return null;
  return problem(
    `dimensions ${width}×${height}, attendu de 1 à ${MAX_LOGO_SIDE} pixels de côté`,
    `dimensions ${width}×${height}, expected 1 to ${MAX_LOGO_SIDE} pixels a side`,
  );
}
