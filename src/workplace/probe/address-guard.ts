import dns from "node:dns";
import type { LookupFunction } from "node:net";
import net from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Which addresses a probe may reach (a server-side request forgery guard, the same idea as
 * `OIDC_BACKCHANNEL_PRIVATE_NETWORKS`): public unicast addresses always; loopback, private,
 * link-local, carrier-grade NAT, unique-local and reserved ranges only when `allowPrivate`
 * (setting `STATUS_PROBE_PRIVATE_NETWORKS`, default off in production). Ranges come from
 * ipaddr.js (IANA special-purpose registries) rather than a home-made table.
 */
export function addressAllowed(address: string, allowPrivate: boolean): boolean {
  if (allowPrivate) return true;
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/** Why `host` (an IP literal) may not be probed, or null. Names are checked at lookup. */
export function literalRefused(host: string, allowPrivate: boolean): string | null {
  if (net.isIP(host) === 0) return null;
  return addressAllowed(host, allowPrivate) ? null : `address ${host} refused (private or reserved network)`;
}

/**
 * A `lookup` for node:net/http that resolves the name and refuses it when any of its addresses
 * is not allowed — checked on the addresses actually connected to, so a DNS answer cannot
 * redirect the probe to the inside.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error !== null) return callback(error, "", 4);
      const refused = addresses.find((a) => !addressAllowed(a.address, allowPrivate));
      if (refused !== undefined || addresses.length === 0) {
        const reason = new Error(
          `address ${refused?.address ?? "none"} of ${hostname} refused (private or reserved network)`,
        );
        return callback(Object.assign(reason, { code: "EPROBEREFUSED" }), "", 4);
      }
      if (options.all === true)
        return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      const first = addresses[0] as dns.LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}
