import type { UsageFigures } from "../../domain/usage-figures.ts";

/** What a usage key asks the digital workplace: one service's figures for some members over a period. */
export interface UsageRequest {
  readonly ententeId: string;
  /** The service's catalogue id (its OIDC client id). */
  readonly service: string;
  /** `"seats"` or a reported metric (`storage_used`…). */
  readonly metric: string;
  /** First and last day (included), `YYYY-MM-DD`. */
  readonly periodStart: string;
  readonly periodEnd: string;
  /** The members to give figures for, in this order (one line each, 0 when they have none). */
  readonly members: readonly string[];
  /** Reports made after this instant are not counted; it is the snapshot's date. */
  readonly snapshotAt: Date;
}

/**
 * The port through which finance reads usage (issue 11 §2): finance never imports the
 * workplace; the composition (src/compose.ts) gives it the workplace's implementation.
 */
export interface UsageSource {
  /**
   * The figures of `request.service` for `request.members`, or the catalogue's services when the
   * entente has no such service.
   */
  figures(request: UsageRequest): Promise<UsageFigures | { readonly unknownService: readonly string[] }>;
}
