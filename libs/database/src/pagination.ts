/** The list envelope every list endpoint answers with. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Splits `rows` into chunks that stay under SQLite's bound-parameter limit (32766) with room to spare. */
export function chunkForInsert<T>(rows: T[], columnsPerRow: number, maxParams = 30000): T[][] {
  const size = Math.max(1, Math.floor(maxParams / Math.max(1, columnsPerRow)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
