import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { LogFlusher, loggerOptions, QueueRootModule } from '@app/common/nest';
import { appConfig, TaskforceConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { RemindersModule } from '@app/reminders/nest';
import { QueueWorkers } from './queue-workers';
import { RedisMonitor } from './redis-monitor';

/** The worker: no HTTP, only queue consumers and the outbox reconciler. */
@Module({
  imports: [
    TaskforceConfigModule,
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>) => loggerOptions(app.logLevel, 'taskforce-worker'),
    }),
    DatabaseModule,
    QueueRootModule.forWorker(),
    RemindersModule.forWorker(),
  ],
  providers: [RedisMonitor, QueueWorkers, LogFlusher],
})
export class WorkerModule {}
