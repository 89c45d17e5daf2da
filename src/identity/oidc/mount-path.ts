import type { IncomingMessage } from "node:http";

/** The path the issuer is mounted at (`https://x/oidc` → `/oidc`; `""` at the root). */
export function mountPathOf(issuer: string): string {
  return new URL(issuer).pathname.replace(/\/$/, "");
}

/**
 * Strips the mount path from a request that still carries it (the provider routes from its own
 * root), keeping the full URL as `originalUrl` as oidc-provider expects behind a mount.
 */
export function stripMountPath(req: IncomingMessage, mountPath: string): void {
  const url = req.url ?? "/";
  if (
    mountPath === "" ||
    !(url === mountPath || url.startsWith(`${mountPath}/`) || url.startsWith(`${mountPath}?`))
  )
    return;
  const mounted = req as IncomingMessage & { originalUrl?: string };
  mounted.originalUrl ??= url;
  req.url = url.slice(mountPath.length) || "/";
}
