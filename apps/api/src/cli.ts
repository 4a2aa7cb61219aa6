import 'reflect-metadata';
import { assertEnvironment } from '@app/config';

assertEnvironment('cli');

const USAGE = 'usage: node dist/apps/api/src/cli.js <migrate|seed-demo>';

/** Operational commands: `migrate` applies migrations; `seed-demo` migrates and loads demo data. */
async function main(command: string | undefined): Promise<void> {
  if (command !== 'migrate' && command !== 'seed-demo') {
    process.stderr.write(`${USAGE}\n`);
    process.exit(64);
  }
  if (command === 'seed-demo' && process.env.NODE_ENV === 'production' && !process.argv.includes('--force')) {
    process.stderr.write('refusing to load demo accounts with NODE_ENV=production (pass --force to insist)\n');
    process.exit(1);
  }
  // Loaded after the environment check (path aliases resolve only in static imports of built code).
  const { runCommand } = await import('./cli/run-command');
  await runCommand(command);
}

main(process.argv[2]).catch((err) => {
  process.stderr.write(`[cli] ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
