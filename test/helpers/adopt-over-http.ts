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

/**
 * A DM of 2022 over the API, as the refund and reference tests need it: a new 2022 version whose
 * advances all become `advance` (the Métropole's 70 140 € advance of the Lyon example raised, a
 * régularisation recalled in 2023), adopted on `adoptedOn`, then its corrections of the 2023 calls
 * issued, due on `dueOn` (201 each step).
 */
export async function raise2022AdvanceByDm(
  client: ConsoleClient,
  options: { readonly advance: string; readonly adoptedOn: string; readonly dueOn: string },
  base = "/api/ententes/lyon",
): Promise<void> {
  assert.equal((await client.send("POST", `${base}/exercises/2022/budget/versions`)).status, 201);
  const settlement = (await client.send("GET", `${base}/exercises/2022/settlement`)).json();
  const saved = await client.send("PUT", `${base}/exercises/2022/settlement`, {
    rowVersion: settlement.rowVersion,
    advances: settlement.advances.map((a: object) => ({ ...a, amount: options.advance })),
    adjustments: settlement.adjustments,
  });
  assert.equal(saved.status, 200, saved.raw.toString());
  await adoptOverHttp(client, 2022, options.adoptedOn, base);
  const issued = await client.send("POST", `${base}/exercises/2022/fund-call-corrections`, {
    dueOn: options.dueOn,
  });
  assert.equal(issued.status, 201, issued.raw.toString());
}
