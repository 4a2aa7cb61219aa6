import 'reflect-metadata';
import { assertEnvironment } from '@app/config';

assertEnvironment('worker');

async function main(): Promise<void> {
  const { createWorkerApp } = await import('./create-worker-app');
  const app = await createWorkerApp();
  app.get((await import('nestjs-pino')).Logger).log('worker started', 'Bootstrap');
}

main().catch((err) => {
  process.stderr.write(`[worker] failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
