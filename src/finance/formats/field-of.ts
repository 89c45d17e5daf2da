/** Dotted display of a path: `exercises[1].expenses[3].investissement`. */
export function fieldOf(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, segment) =>
      typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment,
    "",
  );
}
