import 'reflect-metadata';
import { assertEnvironment } from '@app/config';

assertEnvironment('api');

async function main(): Promise<void> {
  // Loaded after the environment check so a bad variable stops us with one line, not a stack trace.
  const { createApiApp } = await import('./create-api-app');
  const app = await createApiApp();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  const url = `http://localhost:${port}`;
  app.get((await import('nestjs-pino')).Logger).log(`API listening on ${url}/api (docs: ${url}/api/docs)`, 'Bootstrap');
}

main().catch((err) => {
  process.stderr.write(`[api] failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
