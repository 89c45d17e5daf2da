/**
 * Resource servers of an entente: the servers (a mail server, a files service, an API) that
 * accept the hub's access tokens, registered with their resource indicator (RFC 8707), the
 * scopes they understand and the format of their tokens (issue 10, "Tokens that resource
 * servers can check themselves"). docs/resource-servers.md says how a server registers and checks them.
 */

/** `opaque`: checked by introspection (RFC 7662); `jwt`: an RFC 9068 JWT the server checks itself. */
export type AccessTokenFormat = "opaque" | "jwt";

/**
 * The JOSE `typ` of a JWT access token: `at+jwt` (RFC 9068 §2.1, the default), or `JWT` for a
 * server that refuses `at+jwt` (Dovecot 2.3's `passdb oauth2` local validation).
 */
export type AccessTokenJwtType = "at+jwt" | "JWT";

/** A resource server of an entente. */
export interface ResourceServerRecord {
  readonly id: string;
  readonly ententeId: string;
  readonly name: string;
  /**
   * The resource indicator services ask tokens for (`resource=`, RFC 8707 §2) and the `aud` of
   * those tokens: an absolute https URI, without fragment nor query, unique across the instance.
   */
  readonly audience: string;
  /** Scopes the server understands; a token for it carries those of the request among them. */
  readonly scopes: readonly string[];
  readonly tokenFormat: AccessTokenFormat;
  readonly jwtType: AccessTokenJwtType;
  /** Lifetime of its access tokens, in seconds (60 to 600). */
  readonly accessTokenTtlSeconds: number;
  /** A disabled server gets no token (`invalid_target`). */
  readonly enabled: boolean;
  readonly rowVersion: number;
}

/** A registration as written by the API or the CLI (the id is generated). */
export type ResourceServerInput = Omit<ResourceServerRecord, "id" | "ententeId" | "rowVersion">;

/** A registration before `validateResourceServer` checked it: the enumerations are any text. */
export type ResourceServerDraft = Omit<ResourceServerInput, "tokenFormat" | "jwtType"> & {
  readonly tokenFormat: string;
  readonly jwtType: string;
};
