import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { waitForSchema } from '@app/database';
import { QueueWorkers } from './queue-workers';
import { WorkerModule } from './worker.module';

/**
 * The worker is its own process: an application context, no HTTP server. It consumes only once the
 * schema is migrated (the API owns migrations), and shuts down gracefully on SIGTERM/SIGINT:
 * running jobs finish before the database connection closes.
 */
export async function createWorkerApp(): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await waitForSchema(app.get<DataSource>(getDataSourceToken()), (m) => app.get(Logger).log(m, 'Migrations'));
  app.get(QueueWorkers).start();
  return app;
}
