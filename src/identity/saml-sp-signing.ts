// Our SAML SP's signing pair, read at start (src/main.ts). Apart from compose-saml.ts so that
// reading it does not load node-saml before the composition does.
import { createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import { EntenteError } from "./errors.ts";
import type { SamlSpSigning } from "./upstream/saml-logout.ts";

/**
 * Our SAML SP's signing pair read from SAML_SP_KEY_FILE / SAML_SP_CERT_FILE (PEM), checked by
 * node:crypto: a private key, an X.509 certificate, and the certificate is the key's. Null
 * without files. Never logs the key.
 * @throws EntenteError `identity.saml_sp_key_invalid` (naming the variable and the file).
 */
export async function loadSamlSpSigning(
  files: { readonly keyFile: string; readonly certFile: string } | null,
): Promise<SamlSpSigning | null> {
  if (files === null) return null;
  const read = async (variable: string, file: string) => {
    try {
      return await readFile(file, "utf8");
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? "unreadable";
      throw new EntenteError("identity.saml_sp_key_invalid", { variable, file, reason });
    }
  };
  const privateKeyPem = await read("SAML_SP_KEY_FILE", files.keyFile);
  const certificatePem = await read("SAML_SP_CERT_FILE", files.certFile);
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    throw new EntenteError("identity.saml_sp_key_invalid", {
      variable: "SAML_SP_KEY_FILE",
      file: files.keyFile,
      reason: "not a PEM private key",
    });
  }
  let matches: boolean;
  try {
    matches = new X509Certificate(certificatePem).checkPrivateKey(key);
  } catch {
    throw new EntenteError("identity.saml_sp_key_invalid", {
      variable: "SAML_SP_CERT_FILE",
      file: files.certFile,
      reason: "not a PEM certificate",
    });
  }
  if (!matches) {
    throw new EntenteError("identity.saml_sp_key_invalid", {
      variable: "SAML_SP_CERT_FILE",
      file: files.certFile,
      reason: "not the certificate of SAML_SP_KEY_FILE's key",
    });
  }
  return { privateKeyPem, certificatePem };
}
