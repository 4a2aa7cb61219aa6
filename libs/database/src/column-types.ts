import { TableColumnOptions } from 'typeorm';

/**
 * Column builders shared by the migrations. They use only types both engines understand, so one
 * migration class serves SQLite and PostgreSQL.
 *
 * Timestamps are ISO-8601 UTC strings (`2026-11-22T10:00:00.000Z`): fixed width, so text order is time
 * order, and they bind identically on better-sqlite3 (which cannot bind Date objects) and pg.
 */
export const col = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
  ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
  str: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  /** JSON stored as text (TypeORM `simple-json`): portable, and never queried inside. */
  json: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
  num: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'double precision', isNullable: nullable }),
  bool: (name: string): TableColumnOptions => ({ name, type: 'boolean', isNullable: false }),
  at: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '32', isNullable: nullable }),
};

/** Entity-side twin of `col.at`: ISO string columns. */
export const ISO_TIMESTAMP = { type: 'varchar', length: 32 } as const;
export const nowIso = (): string => new Date().toISOString();
