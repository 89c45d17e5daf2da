import { createServer } from "node:net";

/**
 * A free TCP port on `host`, for PORT=0: the OpenID Provider's issuer is a URL, so the port must
 * be known before the server listens. (Another process may take it in between; `listen` then
 * fails with a message naming HOST and PORT.)
 */
export async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const found = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(found));
    });
  });
}
