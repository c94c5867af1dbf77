/**
 * Everything the DataSource needs to know about the schema, in one place: entity classes and the ordered
 * migration classes (explicit lists, never globs over dist/, so the same list works under ts and compiled js).
 * Features add their entities and migrations here.
 */
export const ENTITIES: Function[] = [];
export const MIGRATIONS: Function[] = [];
