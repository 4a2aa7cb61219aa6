import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * On SQLite every request shares one connection, so a repository write made outside
 * TransactionRunner silently joins whatever transaction another request has open, and vanishes if
 * that one rolls back. This guards the rule: writes go through `tx.run(em => …)` only.
 */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

describe('write discipline', () => {
  it('has no repository writes outside TransactionRunner in libs/ and apps/', () => {
    const root = join(__dirname, '..', '..', '..');
    const offenders: string[] = [];
    for (const file of [...sources(join(root, 'libs')), ...sources(join(root, 'apps'))]) {
      const text = readFileSync(file, 'utf8');
      // Fields injected as TypeORM repositories in this file.
      const repos = [...text.matchAll(/(\w+)\s*:\s*Repository</g)].map((m) => m[1]);
      if (!repos.length) continue;
      const write = new RegExp(`\\bthis\\.(${repos.join('|')})\\.(insert|update|delete|save|remove|upsert|increment|decrement|softDelete|query)\\(`);
      text.split('\n').forEach((line, i) => {
        if (write.test(line)) offenders.push(`${file.slice(root.length + 1)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
