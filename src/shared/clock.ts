/** The time source of use cases and adapters: the system clock in production, a fixed one in tests. */
export interface Clock {
  now(): Date;
}
