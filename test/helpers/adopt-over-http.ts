import assert from "node:assert/strict";
import type { ConsoleClient } from "./console-client.ts";

/**
 * Adopts the budget of `year` through the API, as the secretariat does in the console: the
 * conference's decision on `date` (201), then every member's deliberation recorded as ratified on
 * the same day (200 each). `client` is the secretariat's; `base` the entente's API path.
 */
export async function adoptOverHttp(
  client: ConsoleClient,
  year: number,
  date: string,
  base = "/api/ententes/lyon",
): Promise<void> {
  const decision = await client.send("POST", `${base}/decisions`, {
    subject: `Budget ${year}`,
    conferenceDate: date,
    conferenceLabel: "Conférence",
    budgetYear: year,
  });
  assert.equal(decision.status, 201, decision.raw.toString());
  for (const r of decision.json().ratifications) {
    const reply = await client.send(
      "PUT",
      `${base}/decisions/${decision.json().id}/ratifications/${r.memberId}`,
      {
        status: "ratified",
        deliberationNumber: `${year}-${r.memberId}`,
        deliberatedOn: date,
        rowVersion: r.rowVersion,
      },
    );
    assert.equal(reply.status, 200, reply.raw.toString());
  }
}
