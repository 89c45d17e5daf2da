/** Who acts: recorded in the audit trail. */
export interface Actor {
  readonly id: string;
  readonly label: string;
}
