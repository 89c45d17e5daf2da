import { execFileSync } from "node:child_process";
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningChild, startChild } from "../helpers/start-child.ts";

/** A private ejabberd (Debian's 23.01) on loopback, its REST admin API at `apiUrl`. */
export interface EjabberdPeer {
  readonly apiUrl: string;
  readonly child: RunningChild;
  stop(): Promise<void>;
}

/**
 * Starts ejabberd in a temporary folder, as the `ejabberd` user (with `setpriv`, which keeps it
 * in the test's process group: `su`, which ejabberdctl uses for root, would not), without epmd
 * (`ERL_DIST_PORT`: the node's distribution port is fixed, no port mapper is started), its HTTP
 * API on 127.0.0.1:`ports.api` for the loopback only, one virtual host per entry of `hosts`.
 * Needs Debian's `ejabberd` (scripts/install-system-packages.sh).
 */
export async function startEjabberd(
  ports: { readonly api: number; readonly dist: number },
  hosts: readonly string[],
): Promise<EjabberdPeer> {
  const run = mkdtempSync(join(tmpdir(), "entente-ejabberd-"));
  for (const dir of ["db", "log"]) mkdirSync(join(run, dir));
  writeFileSync(
    join(run, "ejabberdctl.cfg"),
    [
      `EJABBERD_PID_PATH=${run}/ejabberd.pid`,
      `EJABBERD_CONFIG_PATH=${run}/ejabberd.yml`,
      `ERL_DIST_PORT=${ports.dist}`,
      "INET_DIST_INTERFACE=127.0.0.1",
      'ERL_OPTIONS="-env ERL_CRASH_DUMP_BYTES 0"',
      "",
    ].join("\n"),
  );
  writeFileSync(join(run, "ejabberd.yml"), configuration(ports.api, hosts));
  const uid = Number(execFileSync("id", ["-u", "ejabberd"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "ejabberd"], { encoding: "utf8" }).trim());
  for (const path of [
    run,
    join(run, "db"),
    join(run, "log"),
    join(run, "ejabberd.yml"),
    join(run, "ejabberdctl.cfg"),
  ])
    chownSync(path, uid, gid);
  const { child } = await startChild({
    name: "ejabberd",
    command: "setpriv",
    args: [
      "--reuid=ejabberd",
      "--regid=ejabberd",
      "--init-groups",
      "ejabberdctl",
      ...["--ctl-config", join(run, "ejabberdctl.cfg"), "--config-dir", run, "--logs", join(run, "log")],
      ...["--spool", join(run, "db"), "--node", `entente-test-${ports.dist}@localhost`, "foreground"],
    ],
    cwd: run,
    env: { ...process.env, HOME: run },
    deadlineMs: 60_000,
    ready: ({ stdout, stderr }) =>
      `${stdout}${stderr}`.includes(`Start accepting TCP connections at 127.0.0.1:${ports.api}`)
        ? true
        : undefined,
  }).catch((error: unknown) => {
    rmSync(run, { recursive: true, force: true });
    throw error;
  });
  return {
    apiUrl: `http://127.0.0.1:${ports.api}/api`,
    child,
    async stop() {
      await child.stop();
      rmSync(run, { recursive: true, force: true });
    },
  };
}

function configuration(port: number, hosts: readonly string[]): string {
  return `hosts:
${hosts.map((h) => `  - ${h}`).join("\n")}
loglevel: info
listen:
  -
    port: ${port}
    ip: "127.0.0.1"
    module: ejabberd_http
    request_handlers:
      /api: mod_http_api
acl:
  loopback:
    ip:
      - 127.0.0.0/8
api_permissions:
  "loopback":
    from:
      - mod_http_api
    who:
      acl: loopback
    what: "*"
modules:
  mod_admin_extra: {}
`;
}
