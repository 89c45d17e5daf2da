import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Attribute, Client } from "ldapts";
import { runChild } from "./run-child.ts";
import { type RunningChild, startChild } from "./start-child.ts";

const CONFIG = fileURLToPath(new URL("../../ci/identity/slapd/config.ldif.in", import.meta.url));

/** The suffix and the root DN of ci/identity/slapd's configuration (its password: admin-secret). */
export const PRIVATE_SLAPD = {
  baseDn: "dc=entente,dc=test",
  adminDn: "cn=admin,dc=entente,dc=test",
  adminPassword: "admin-secret",
};

/** A private slapd a suite owns: its URL, an admin client, and how to stop it. */
export interface PrivateSlapd {
  readonly url: string;
  /** Adds an entry as the root DN; attribute values may be bytes (Buffer). */
  add(dn: string, attributes: Record<string, ReadonlyArray<string | Buffer>>): Promise<void>;
  /** Stops slapd (by its PID) and removes its folder. */
  stop(): Promise<void>;
}

/**
 * A throw-away slapd on 127.0.0.1:`port` with ci/identity/slapd's schema (objectGUID included)
 * and ACLs, without TLS and without fixtures, for a suite that needs entries the shared peer
 * does not have (it is started from the main tree and shared by every run). slapd runs in the
 * foreground under startChild (ready once it logs "slapd starting"), so it is stopped by PID in
 * every path; the caller stops it in `after`.
 */
export async function startPrivateSlapd(port: number): Promise<PrivateSlapd> {
  const dir = await mkdtemp(join(tmpdir(), "entente-slapd-"));
  let child: RunningChild | null = null;
  try {
    const config = (await readFile(CONFIG, "utf8"))
      .replaceAll("@RUN_DIR@", dir)
      .split("\n")
      .filter((line) => !line.startsWith("olcTLS"))
      .join("\n");
    await writeFile(join(dir, "config.ldif"), config);
    await mkdir(join(dir, "slapd.d"));
    await mkdir(join(dir, "data"));
    const loaded = await runChild({
      name: "slapadd",
      command: "slapadd",
      args: ["-n", "0", "-F", join(dir, "slapd.d"), "-l", join(dir, "config.ldif")],
      deadlineMs: 20_000,
    });
    if (loaded.code !== 0) throw new Error(`slapadd failed: ${loaded.stderr}`);
    const url = `ldap://127.0.0.1:${port}`;
    ({ child } = await startChild({
      name: "private slapd",
      command: "slapd",
      args: ["-h", `${url}/`, "-F", join(dir, "slapd.d"), "-d", "256"],
      deadlineMs: 20_000,
      ready: ({ stdout, stderr }) => (/slapd starting/.test(stdout + stderr) ? true : undefined),
    }));
    const running = child;
    await acceptsConnections(port, 10_000);
    await withAdmin(url, (client) =>
      client.add(PRIVATE_SLAPD.baseDn, {
        objectClass: ["top", "dcObject", "organization"],
        dc: "entente",
        o: "Entente",
      }),
    );
    return {
      url,
      add: (dn, attributes) =>
        withAdmin(url, (client) =>
          client.add(
            dn,
            Object.entries(attributes).map(
              ([type, values]) =>
                new Attribute({
                  type,
                  values: values.map((v) => (Buffer.isBuffer(v) ? v : Buffer.from(v, "utf8"))),
                }),
            ),
          ),
        ),
      async stop() {
        await running.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await child?.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function withAdmin(url: string, work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ url, timeout: 5_000, connectTimeout: 5_000 });
  try {
    await client.bind(PRIVATE_SLAPD.adminDn, PRIVATE_SLAPD.adminPassword);
    await work(client);
  } finally {
    await client.unbind();
  }
}

/**
 * Waits until 127.0.0.1:`port` accepts a TCP connection, at most `deadlineMs`: slapd logs
 * "slapd starting" just before its listener thread runs, and a connection at that instant can be
 * refused on a loaded machine.
 */
async function acceptsConnections(port: number, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: "127.0.0.1", port });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`private slapd: nothing accepts connections on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
