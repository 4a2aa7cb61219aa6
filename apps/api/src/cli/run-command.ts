import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { runMigrations } from '@app/database';
import { CliModule } from './cli.module';
import { printLogins, seedDemo } from './seed-demo';

export async function runCommand(command: 'migrate' | 'seed-demo'): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    await runMigrations(app.get(getDataSourceToken()), (m) => process.stdout.write(`migrations: ${m}\n`));
    if (command === 'seed-demo') printLogins(await seedDemo(app));
  } finally {
    await app.close();
  }
}
