import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runChild } from "../helpers/run-child.ts";

// The mail clients of the mail platform's tests: Debian's curl for SMTP and IMAP, and a raw
// socket only to hold an IMAP session open.

/**
 * Sends a message by SMTP with Debian's curl (a real SMTP client rather than one written here).
 * @returns null when the server accepted it, else curl's error (e.g. `RCPT failed: 550`).
 */
export async function sendMail(
  port: number,
  message: { readonly from: string; readonly to: string; readonly subject: string; readonly body: string },
  /** Submission: the sender's bearer token (curl then authenticates with SASL OAUTHBEARER/XOAUTH2). */
  token?: { readonly user: string; readonly bearer: string },
): Promise<string | null> {
  const file = join(mkdtempSync(join(tmpdir(), "entente-smtp-")), "message.eml");
  writeFileSync(
    file,
    `From: <${message.from}>\r\nTo: <${message.to}>\r\nSubject: ${message.subject}\r\n\r\n${message.body}\r\n`,
  );
  try {
    const result = await runChild({
      name: "curl (SMTP)",
      command: "curl",
      args: [
        ...["--silent", "--show-error", "--max-time", "20", "--url", `smtp://127.0.0.1:${port}`],
        ...["--mail-from", message.from, "--mail-rcpt", message.to, "--upload-file", file],
        ...(token === undefined ? [] : ["--user", token.user, "--oauth2-bearer", token.bearer]),
      ],
      deadlineMs: 30_000,
    });
    return result.code === 0 ? null : `${result.stderr}${result.stdout}`.trim();
  } finally {
    rmSync(join(file, ".."), { recursive: true, force: true });
  }
}

/**
 * Reads a message of the INBOX in IMAP with a bearer token (curl, SASL OAUTHBEARER).
 * @returns the raw message, or null when the login was refused (curl's exit 67).
 */
export async function readMailWithToken(
  port: number,
  user: string,
  token: string,
  uidNumber = 1,
): Promise<string | null> {
  const result = await runChild({
    name: "curl (IMAP fetch)",
    command: "curl",
    args: [
      "--silent",
      "--show-error",
      "--max-time",
      "20",
      "--url",
      `imap://127.0.0.1:${port}/INBOX;UID=${uidNumber}`,
    ].concat(["--user", user, "--oauth2-bearer", token]),
    deadlineMs: 30_000,
  });
  if (result.code === 0) return result.stdout;
  if (result.code === 67) return null;
  throw new Error(`curl ended with status ${result.code}: ${result.stdout}${result.stderr}`);
}

/** An IMAP session held open (curl cannot hold one): what the server said, and whether it closed. */
export interface OpenImapSession {
  readonly transcript: () => string;
  /** Resolves when the server closed the connection (`doveadm kick`). */
  readonly closed: Promise<void>;
  close(): void;
}

/**
 * Signs in by SASL XOAUTH2 (Google's format: `user=…^Aauth=Bearer …^A^A`) on a raw socket and
 * stays connected. Written here only because no IMAP client of the machine keeps a session open
 * while a test acts; it sends two fixed commands and reads the answers, nothing more.
 * @returns the open session once the server answered `a OK`; throws with the transcript otherwise.
 */
export async function openImapSession(port: number, user: string, token: string): Promise<OpenImapSession> {
  const socket = connect({ host: "127.0.0.1", port });
  let transcript = "";
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.on("error", () => undefined);
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`IMAP: no ${pattern} in ${transcript}`)), 10_000);
      const check = () => {
        if (pattern.test(transcript)) {
          clearTimeout(timer);
          socket.off("data", onData);
          resolve();
        }
      };
      const onData = (data: Buffer) => {
        transcript += data.toString();
        check();
      };
      socket.on("data", onData);
      void closed.then(() => {
        clearTimeout(timer);
        reject(new Error(`IMAP: closed before ${pattern}: ${transcript}`));
      });
      check();
    });
  try {
    await waitFor(/^\* OK/m);
    const sasl = Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`).toString("base64");
    socket.write(`a AUTHENTICATE XOAUTH2 ${sasl}\r\n`);
    await waitFor(/^a (OK|NO|BAD)/m);
    if (!/^a OK/m.test(transcript)) throw new Error(`IMAP login refused: ${transcript}`);
  } catch (error) {
    socket.destroy();
    throw error;
  }
  socket.on("data", (data: Buffer) => {
    transcript += data.toString();
  });
  return { transcript: () => transcript, closed, close: () => socket.destroy() };
}
