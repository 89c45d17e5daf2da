import writeFileAtomic from "write-file-atomic";
import { EntenteError, type Localized, localized } from "../errors.ts";

const REASONS: Record<string, Localized> = {
  ENOENT: localized("le dossier n'existe pas", "the folder does not exist"),
  ENOTDIR: localized("un élément du chemin n'est pas un dossier", "part of the path is not a folder"),
  EACCES: localized("permission refusée", "permission denied"),
  EPERM: localized("opération non permise", "operation not permitted"),
  EROFS: localized("système de fichiers en lecture seule", "read-only file system"),
  ENOSPC: localized("disque plein", "disk full"),
  EISDIR: localized("c'est un dossier", "it is a folder"),
};

/**
 * Writes a document atomically (temporary file in the same folder, then rename): a reader never
 * sees a half-written file, and a failure leaves no file behind (write-file-atomic).
 * @throws EntenteError `output.write_failed` with the reason.
 */
export async function writeOutputFile(path: string, data: string | Buffer): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reason =
      REASONS[code] ??
      localized(`erreur système ${code || String(error)}`, `system error ${code || String(error)}`);
    throw new EntenteError("output.write_failed", { file: path, reason }, { cause: error });
  }
}
