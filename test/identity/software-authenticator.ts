/**
 * A software WebAuthn authenticator built with node:crypto (ES256, "none" attestation), for
 * tests: it produces the JSON a browser's `navigator.credentials.create/get` gives
 * @simplewebauthn/browser, so that the server's verification runs for real (WebAuthn L3 §6.1,
 * §6.5; CTAP2 CBOR for the attestation object and the COSE key).
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

/** Minimal CBOR encoder (RFC 8949): unsigned/negative integers, byte and text strings, maps, arrays. */
function cbor(value: unknown): Buffer {
  const head = (major: number, length: number): Buffer => {
    if (length < 24) return Buffer.from([(major << 5) | length]);
    if (length < 256) return Buffer.from([(major << 5) | 24, length]);
    if (length < 65536) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(length, 1);
    return b;
  };
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  if (value instanceof Map) {
    const parts: Buffer[] = [head(5, value.size)];
    for (const [k, v] of value) parts.push(cbor(k), cbor(v));
    return Buffer.concat(parts);
  }
  throw new Error(`cbor: unsupported ${typeof value}`);
}

export interface SoftwareAuthenticator {
  readonly credentialId: string;
  counter: number;
  register(options: { challenge: string }, origin: string, rpID: string): unknown;
  authenticate(options: { challenge: string }, origin: string, rpID: string): unknown;
}

/** A new authenticator with its own P-256 key; `signWith` lets a test sign with another key (forgery). */
export function createSoftwareAuthenticator(signWith?: KeyObject): SoftwareAuthenticator {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const id = randomBytes(16);
  const rpIdHash = (rpID: string) => createHash("sha256").update(rpID).digest();
  const counterBytes = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const clientData = (type: string, challenge: string, origin: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  const authenticator: SoftwareAuthenticator = {
    credentialId: b64url(id),
    counter: 0,
    register(options, origin, rpID) {
      const coseKey = new Map<number, unknown>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x ?? "", "base64url")],
        [-3, Buffer.from(jwk.y ?? "", "base64url")],
      ]);
      const length = Buffer.from([id.length >> 8, id.length & 0xff]);
      const authData = Buffer.concat([
        rpIdHash(rpID),
        Buffer.from([0x41]),
        counterBytes(0),
        Buffer.alloc(16),
        length,
        id,
        cbor(coseKey),
      ]);
      const attestationObject = cbor(
        new Map<string, unknown>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", authData],
        ]),
      );
      return {
        id: b64url(id),
        rawId: b64url(id),
        type: "public-key",
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(clientData("webauthn.create", options.challenge, origin)),
          attestationObject: b64url(attestationObject),
          transports: ["usb"],
        },
      };
    },
    authenticate(options, origin, rpID) {
      authenticator.counter += 1;
      const authData = Buffer.concat([
        rpIdHash(rpID),
        Buffer.from([0x01]),
        counterBytes(authenticator.counter),
      ]);
      const data = clientData("webauthn.get", options.challenge, origin);
      const signature = sign(
        "sha256",
        Buffer.concat([authData, createHash("sha256").update(data).digest()]),
        signWith ?? privateKey,
      );
      return {
        id: b64url(id),
        rawId: b64url(id),
        type: "public-key",
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(data),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
        },
      };
    },
  };
  return authenticator;
}
