import type { Principal } from "../../access/index.ts";
import type { Actor } from "../../shared/actor.ts";

/** The audit trail's "who": the signed-in person's email. */
export function actorOf(principal: Principal): Actor {
  return { id: principal.email, label: principal.email };
}
