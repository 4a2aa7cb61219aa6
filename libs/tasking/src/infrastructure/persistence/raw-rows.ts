import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** Column types both drivers hand back ready to use (strings and integers): copied as they are. */
const PLAIN_TYPES = new Set<unknown>(['varchar', 'text', 'integer']);

type Hydrator<T> = (raw: Record<string, unknown>) => T;
const cache = new WeakMap<DataSource, Map<unknown, Map<string, Hydrator<unknown>>>>();

/**
 * Turns a raw row of `entity`'s columns, selected under `prefix` + column name (e.g. `th_regions`),
 * into the entity's shape, using the entity metadata and the driver's own conversions for anything
 * but plain strings and integers (simple-json, booleans, dates). For hot reads that select with one
 * hand-written query: TypeORM's query builder and result transformer cost more than the query.
 * Built once per data source, entity and prefix.
 */
export function rawRowHydrator<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, prefix = '', only?: ReadonlyArray<keyof T>): Hydrator<T> {
  let byEntity = cache.get(dataSource);
  if (!byEntity) cache.set(dataSource, (byEntity = new Map()));
  let byKey = byEntity.get(entity);
  if (!byKey) byEntity.set(entity, (byKey = new Map()));
  const key = `${prefix}|${only?.join(',') ?? '*'}`;
  const found = byKey.get(key);
  if (found) return found as Hydrator<T>;

  const driver = dataSource.driver;
  const columns = dataSource
    .getMetadata(entity)
    .columns.filter((c) => !only || only.includes(c.propertyName as keyof T))
    .map((c) => ({ property: c.propertyName, name: prefix + c.databaseName, plain: PLAIN_TYPES.has(c.type) && !c.transformer, column: c }));
  const hydrate: Hydrator<T> = (raw) => {
    const out: Record<string, unknown> = {};
    for (const c of columns) {
      const value = raw[c.name];
      out[c.property] = c.plain || value === null || value === undefined ? (value ?? null) : driver.prepareHydratedValue(value, c.column);
    }
    return out as T;
  };
  byKey.set(key, hydrate as Hydrator<unknown>);
  return hydrate;
}

/** `alias.col AS prefixcol, …` for `entity`'s columns (all, or `only` these properties). */
export function selectColumns<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, alias: string, prefix = '', only?: ReadonlyArray<keyof T>): string {
  const escape = (name: string) => dataSource.driver.escape(name);
  return dataSource
    .getMetadata(entity)
    .columns.filter((c) => !only || only.includes(c.propertyName as keyof T))
    .map((c) => `${alias}.${escape(c.databaseName)} AS ${escape(prefix + c.databaseName)}`)
    .join(', ');
}
