import type { Actor } from "../../../shared/actor.ts";
import type { KeyPeriod } from "../../domain/entente.ts";
import type { PercentShare } from "../../domain/percent-key-rules.ts";
import type { InTransactionRule } from "./in-transaction-rule.ts";

/** An allocation key (clé de répartition) as the console shows it. */
export interface KeyRecord {
  readonly id: string;
  readonly label: string;
  readonly source: string | null;
  readonly basis: "percent" | "weights" | "criteria";
  /** percent: ten-thousandths of a percent; weights: weight. Empty for criteria keys. */
  readonly shares: readonly { readonly memberId: string; readonly value: bigint }[];
  readonly rowVersion: number;
}

/** What an edit of a percent key replaces: its label, source and every rate. */
export interface PercentKeyChange {
  readonly label: string;
  readonly source: string | null;
  readonly shares: readonly PercentShare[];
}

/** The allocation keys of an entente. Writes are transactional and audited. */
export interface KeyStore {
  /** The entente's keys, by id, with their shares in the entente's member order. */
  list(ententeId: string): Promise<KeyRecord[]>;
  /**
   * Replaces a key's label, source and rates from version `rowVersion`; `rule` runs in the
   * transaction on the key as stored, before the write.
   * @throws EntenteError `resource.not_found`, `conflict.stale_version`, or what `rule` throws.
   */
  updatePercent(
    ententeId: string,
    keyId: string,
    change: PercentKeyChange,
    rowVersion: number,
    actor: Actor,
    rule: InTransactionRule<KeyRecord>,
  ): Promise<KeyRecord>;
  /**
   * Sets the period of a key from exercise `period.from` on (replacing one from the same year),
   * in one transaction with its audit event; earlier years keep their basis.
   * @throws EntenteError `resource.not_found` (the key).
   */
  setPeriod(ententeId: string, keyId: string, period: KeyPeriod, actor: Actor): Promise<void>;
}
