/** The console's own URLs (not the API's): /ententes/:id/<page>/<id>. */
export function appPath(ententeId: string, ...segments: string[]): string {
  return ["", "ententes", ententeId, ...segments]
    .map((s, i) => (i === 0 ? s : encodeURIComponent(s)))
    .join("/");
}
