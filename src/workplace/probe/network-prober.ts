import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { Prober } from "../app/status-ports.ts";
import { type Probe, parseTcpTarget } from "../domain/probe.ts";
import type { ProbeOutcome } from "../domain/service-status.ts";
import { guardedLookup, literalRefused } from "./address-guard.ts";

/** Most of a body read to look for `bodyContains` or the discovery document (bytes). */
const MAX_BODY = 64 * 1024;

interface Answer {
  readonly status: number;
  readonly body: string;
}

/**
 * GET `url` with node:http(s) (which never follows a redirect: a 3xx is an answer like any
 * other), reading at most 64 KiB of the body; certificates are verified.
 */
function get(url: URL, signal: AbortSignal, allowPrivate: boolean): Promise<Answer> {
  const refused = literalRefused(url.hostname.replace(/^\[|\]$/g, ""), allowPrivate);
  if (refused !== null) return Promise.reject(new Error(refused));
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    // Bounded whatever the phase (connecting, reading the body): the first settle wins.
    signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
    const request = client.request(
      url,
      {
        method: "GET",
        agent: false,
        signal,
        lookup: guardedLookup(allowPrivate),
        headers: { accept: "*/*", "user-agent": "Entente-status-probe/1" },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          response.destroy();
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
        };
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= MAX_BODY) finish();
        });
        response.on("end", finish);
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end();
  });
}

function connect(target: string, signal: AbortSignal, allowPrivate: boolean): Promise<void> {
  const parsed = parseTcpTarget(target);
  if (parsed === null) return Promise.reject(new Error(`malformed target ${target}`));
  const refused = literalRefused(parsed.host, allowPrivate);
  if (refused !== null) return Promise.reject(new Error(refused));
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: parsed.host, port: parsed.port, lookup: guardedLookup(allowPrivate) });
    const abort = () => socket.destroy(new Error("timeout"));
    signal.addEventListener("abort", abort, { once: true });
    socket.once("connect", () => {
      signal.removeEventListener("abort", abort);
      socket.destroy();
      resolve();
    });
    socket.once("error", (error) => {
      signal.removeEventListener("abort", abort);
      reject(error);
    });
  });
}

/** Checks one answer against the probe; the reason it fails, or null. */
function answerProblem(probe: Probe, answer: Answer): string | null {
  if (probe.kind === "oidc") {
    if (answer.status !== 200) return `HTTP ${answer.status}`;
    let issuer: unknown;
    try {
      issuer = (JSON.parse(answer.body) as { issuer?: unknown }).issuer;
    } catch {
      return "discovery document is not JSON";
    }
    return issuer === probe.target ? null : "issuer does not match";
  }
  if (answer.status < probe.expectStatusMin || answer.status > probe.expectStatusMax)
    return `HTTP ${answer.status}`;
  if (probe.bodyContains !== null && !answer.body.includes(probe.bodyContains))
    return "expected text not in body";
  return null;
}

const reasonOf = (error: unknown, signal: AbortSignal, timeoutMs: number): string => {
  if (signal.aborted) return `no answer within ${timeoutMs} ms`;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" && code !== "EPROBEREFUSED" ? code : message;
};

/**
 * The prober of the server: HTTP, TCP and OIDC discovery probes towards the registered target
 * only, each bounded by its timeout (and by `signal`, aborted when the scheduler stops).
 * `now` is a monotonic clock in ms (performance.now) for the elapsed time.
 */
export function createNetworkProber(options: {
  readonly allowPrivate: boolean;
  readonly now?: () => number;
}): Prober {
  const now = options.now ?? (() => performance.now());
  return async (probe, stop): Promise<ProbeOutcome> => {
    const signal = AbortSignal.any([stop, AbortSignal.timeout(probe.timeoutMs)]);
    const started = now();
    const elapsed = () => Math.round(now() - started);
    try {
      if (probe.kind === "tcp") {
        await connect(probe.target, signal, options.allowPrivate);
        return { ok: true, elapsedMs: elapsed(), detail: null };
      }
      const url = new URL(
        probe.kind === "oidc" ? `${probe.target}/.well-known/openid-configuration` : probe.target,
      );
      const problem = answerProblem(probe, await get(url, signal, options.allowPrivate));
      return { ok: problem === null, elapsedMs: elapsed(), detail: problem };
    } catch (error) {
      return { ok: false, elapsedMs: elapsed(), detail: reasonOf(error, signal, probe.timeoutMs) };
    }
  };
}
