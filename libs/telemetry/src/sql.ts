/** A parameterised query runner: a TypeORM DataSource's `query`, or a pg Pool's in tests. */
export type SqlRunner = (text: string, parameters?: unknown[]) => Promise<unknown>;
