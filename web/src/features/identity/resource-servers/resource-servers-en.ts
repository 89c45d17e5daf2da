import type { resourceServersFr } from "./resource-servers-fr.ts";

/** English strings of the resource servers page (`identity.resourceServers.*`). */
export const resourceServersEn: typeof resourceServersFr = {
  title: "Resource servers",
  intro:
    "The mail server, a files service, an API that accept the federation's access tokens. A service asks a token for one of them by naming its audience (resource indicator); the server checks a JWT itself with the public keys, or an opaque token by introspection.",
  none: "No resource server registered.",
  name: "Name",
  audience: "Audience",
  audienceHint: 'an exact https:// URI, without "?" or "#"; e.g. https://mail.lyon.fr/',
  scopes: "Scopes",
  scopesHint: "separated by spaces or commas; e.g. mail",
  format: "Token format",
  formats: { jwt: "JWT (RFC 9068), checked by the server", opaque: "Opaque, checked by introspection" },
  jwtType: "JWT type",
  jwtTypes: { "at+jwt": "at+jwt (RFC 9068)", JWT: "JWT (Dovecot 2.3)" },
  ttl: "Token lifetime (seconds)",
  ttlHint: "60 to 600",
  add: "Register the server",
  enabled: "Enabled",
  disabled: "Disabled",
  state: "State",
};
