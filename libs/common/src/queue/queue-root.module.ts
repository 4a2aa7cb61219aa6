import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { ConfigType } from '@nestjs/config';
import { redisConfig } from '@app/config';
import { producerRedisOptions, workerRedisOptions } from '../redis/redis-options';

/**
 * BullMQ's root connection, from REDIS_URL. The API is a producer (fail fast while Redis is down; the
 * database outbox keeps what could not be queued); the worker waits and reconnects forever.
 */
@Module({})
export class QueueRootModule {
  static forProducer(): DynamicModule {
    return QueueRootModule.build('producer');
  }

  static forWorker(): DynamicModule {
    return QueueRootModule.build('worker');
  }

  private static build(role: 'producer' | 'worker'): DynamicModule {
    return {
      module: QueueRootModule,
      imports: [
        BullModule.forRootAsync({
          inject: [redisConfig.KEY],
          useFactory: (cfg: ConfigType<typeof redisConfig>) => ({
            prefix: cfg.queuePrefix,
            connection: (role === 'producer' ? producerRedisOptions(cfg.url) : workerRedisOptions(cfg.url)) as ConnectionOptions,
          }),
        }),
      ],
      exports: [BullModule],
    };
  }
}
