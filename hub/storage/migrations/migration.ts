/** One forward-only step of the hub's schema. Statements run in order, in one transaction. */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}
