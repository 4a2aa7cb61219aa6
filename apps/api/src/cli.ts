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
  const { NestFactory } = await import('@nestjs/core');
  const { getDataSourceToken } = await import('@nestjs/typeorm');
  const { runMigrations } = await import('@app/database');
  const { CliModule } = await import('./cli/cli.module');
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn', 'log'] });
  try {
    await runMigrations(app.get(getDataSourceToken()), (m) => process.stdout.write(`migrations: ${m}\n`));
    if (command === 'seed-demo') {
      const { seedDemo, printLogins } = await import('./cli/seed-demo');
      printLogins(await seedDemo(app));
    }
  } finally {
    await app.close();
  }
}

main(process.argv[2]).catch((err) => {
  process.stderr.write(`[cli] ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
