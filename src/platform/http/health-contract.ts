import { z } from "zod";

/** `GET /api/health`: the process answers (liveness). It does not check the database. */
export const HealthResponse = z.object({
  status: z.literal("ok"),
  version: z.string().meta({ description: "Version of Entente (package.json)." }),
  uptimeSeconds: z.number().int().min(0).meta({ description: "Whole seconds since the server was built." }),
});

export type HealthResponse = z.infer<typeof HealthResponse>;
