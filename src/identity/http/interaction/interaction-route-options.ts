/** Form posts are small; a SAML Response (base64 XML, signed, maybe encrypted) needs more room. */
export const FORM_LIMIT_BYTES = 64 * 1024;
/** The SAML ACS's limit (the Response of the IdP). */
export const SAML_LIMIT_BYTES = 1024 * 1024;

/** The sign-in pages are not part of the API's documentation. */
export const HIDDEN = { schema: { hide: true } } as const;
/** A form post of the sign-in pages. */
export const FORM = { ...HIDDEN, bodyLimit: FORM_LIMIT_BYTES } as const;

/** The route of a page of one interaction. */
export const uidRoute = (rest: string) => `/interaction/:uid${rest}`;
