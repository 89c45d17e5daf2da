/** Where the CLI writes: standard output (text) and whether it is a terminal. */
export interface Output {
  readonly write: (data: string | Buffer) => void;
  readonly isTerminal: boolean;
}
