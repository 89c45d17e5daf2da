import type { KoaContextWithOIDC } from "oidc-provider";
import type { PageLang } from "./provider-pages.ts";

/** The language of a page oidc-provider renders: English when the browser prefers it, else French. */
export function pageLangOf(ctx: KoaContextWithOIDC): PageLang {
  const accepted = ctx.acceptsLanguages("fr", "en");
  return accepted === "en" ? "en" : "fr";
}
