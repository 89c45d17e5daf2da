import writeFileAtomic from "write-file-atomic";
import { EntenteError } from "../domain/errors.ts";

/**
 * Writes a document atomically (temporary file in the same folder, then rename): a reader never
 * sees a half-written file, and a failure leaves no file behind (write-file-atomic).
 * @throws EntenteError `output.write_failed` with the reason.
 */
export async function writeOutputFile(path: string, data: string | Buffer): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new EntenteError("output.write_failed", { file: path, reason }, { cause: error });
  }
}
