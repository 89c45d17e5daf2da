// The agents' and élus' portal's first page on a phone network (issue 11, "Performance": under
// 1 s on Chromium's "Fast 3G" profile). The portal on PGlite (in memory) with 12 services of the
// Métropole, 3 announcements, a signed-in agent's session; Debian's Chromium loads the first page
// RUNS times, cache disabled, through CDP Network.emulateNetworkConditions (DevTools' Fast 3G:
// 562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up). Prints the load event's times and the
// page's size; never passes or fails on them (STYLE.md). Bounded: RUNS loads, each ≤ 30 s.
import { chromium } from "playwright-core";
import { migrateToLatest } from "../src/platform/db/migrate.ts";
import { openDatabase } from "../src/platform/db/open-database.ts";
import { migratedPgliteTemplate } from "../test/helpers/pglite-template.ts";
import { agentOf, catalogueAndSubscribe, portalSessionFor } from "../test/workplace/portal-fixtures.ts";
import { startWorkplaceFixture } from "../test/workplace/workplace-fixtures.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const KINDS = ["video", "chat", "files", "office", "elearning", "mail", "other"];

const database = await openDatabase({
  kind: "pglite",
  dataDir: "memory://",
  loadDataDir: await migratedPgliteTemplate(),
});
await migrateToLatest(database.db);
const f = await startWorkplaceFixture(database, () => new Date());
for (let i = 0; i < 12; i++) {
  const id = await f.registerClient("lyon", `Service numéro ${i}`);
  await catalogueAndSubscribe(
    f.workplace,
    "lyon",
    id,
    {
      kind: KINDS[i % KINDS.length] ?? "other",
      description: `Outil partagé ${i} de l'entente`,
      displayOrder: i,
    },
    ["metropole"],
  );
}
for (let i = 0; i < 3; i++) {
  await f.workplace.portal.announcements.create(
    "lyon",
    {
      title: `Annonce ${i}`,
      body: "Texte de l'annonce. ".repeat(10),
      shownFrom: "2020-01-01",
      shownUntil: null,
      memberIds: null,
      roles: null,
      groups: null,
      requiresAck: i === 0,
    },
    { memberId: null, label: "bench" },
  );
}
const { cookie } = await portalSessionFor(f.workplace, agentOf("lyon", "metropole", "bench-agent"));
const address = await f.app.listen({ host: "127.0.0.1", port: 0 });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addCookies([
    { name: "entente_portal", value: cookie.split("=")[1] ?? "", url: `${address}/portal/lyon/` },
  ]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
    uploadThroughput: (750 * 1024 * 0.9) / 8,
  });
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const response = await page.goto(`${address}/portal/lyon/`, { waitUntil: "load", timeout: 30_000 });
    bytes = (await response?.body())?.length ?? 0;
    times.push(
      await page.evaluate(() =>
        Math.round(
          (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
        ),
      ),
    );
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`portal first page, Fast 3G, ${RUNS} loads (ms, load event): ${times.join(", ")}`);
  console.log(
    `median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms; page ${bytes} bytes (one response: inline CSS, script and monograms)`,
  );
} finally {
  await browser.close();
  await f.app.close();
  await database.close();
}
