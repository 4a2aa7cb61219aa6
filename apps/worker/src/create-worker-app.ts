import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { waitForSchema } from '@app/database';
import { WorkerModule } from './worker.module';

/** The worker is its own process: an application context, no HTTP server. */
export async function createWorkerApp(): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // The API owns migrations; the worker waits for them rather than racing it on the same schema.
  await waitForSchema(app.get<DataSource>(getDataSourceToken()), (m) => app.get(Logger).log(m, 'Migrations'));
  app.enableShutdownHooks();
  await app.init();
  return app;
}
