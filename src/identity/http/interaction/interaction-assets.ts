import { readFile } from "node:fs/promises";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";

const OWN_ASSETS = new URL("./assets/", import.meta.url);

/**
 * The files of the sign-in pages, same origin (CSP `script-src 'self'`, no inline script):
 * - `interaction.css`, `webauthn.js`: ours, in ./assets;
 * - `simplewebauthn-browser.js`: @simplewebauthn/browser's own UMD bundle, served as the package
 *   ships it from node_modules (no build step for one file; its version is the one package.json
 *   pins). The package must therefore be installed where the server runs (a dependency, not a
 *   devDependency); when it is missing the route answers 404 and only the WebAuthn step breaks.
 * Read once, then kept in memory; cached by browsers for an hour.
 */
export async function registerInteractionAssets(app: ZodFastifyInstance): Promise<void> {
  const files: Record<string, { readonly url: () => URL; readonly type: string }> = {
    "interaction.css": { url: () => new URL("interaction.css", OWN_ASSETS), type: "text/css; charset=utf-8" },
    "webauthn.js": { url: () => new URL("webauthn.js", OWN_ASSETS), type: "text/javascript; charset=utf-8" },
    "simplewebauthn-browser.js": {
      url: () => new URL("../dist/bundle/index.umd.min.js", import.meta.resolve("@simplewebauthn/browser")),
      type: "text/javascript; charset=utf-8",
    },
  };
  const cache = new Map<string, Buffer>();
  app.get("/interaction/assets/:file", { schema: { hide: true } }, async (request, reply) => {
    const { file } = request.params as { file: string };
    const asset = Object.hasOwn(files, file) ? files[file] : undefined;
    if (asset === undefined) return reply.code(404).type("text/plain; charset=utf-8").send("not found");
    let body = cache.get(file);
    if (body === undefined) {
      try {
        body = await readFile(asset.url());
      } catch {
        return reply.code(404).type("text/plain; charset=utf-8").send("not found");
      }
      cache.set(file, body);
    }
    return reply.type(asset.type).header("cache-control", "public, max-age=3600").send(body);
  });
}
