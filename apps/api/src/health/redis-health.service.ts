import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { producerRedisOptions } from '@app/common/nest';
import { redisConfig } from '@app/config';

/**
 * A small dedicated connection for health checks. It never queues commands while Redis is down, so
 * the check answers "down" at once, and it keeps reconnecting so health recovers without a restart.
 */
@Injectable()
export class RedisHealthService implements OnModuleDestroy {
  private readonly logger = new Logger('Redis');
  private readonly client: Redis;
  private lastState: 'up' | 'down' | undefined;

  constructor(@Inject(redisConfig.KEY) cfg: ConfigType<typeof redisConfig>) {
    this.client = new Redis({ ...producerRedisOptions(cfg.url), maxRetriesPerRequest: 0, lazyConnect: false });
    this.client.on('error', () => this.note('down'));
    this.client.on('ready', () => this.note('up'));
  }

  async ping(timeoutMs = 1000): Promise<boolean> {
    try {
      const pong = await Promise.race([
        this.client.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
      ]);
      return pong === 'PONG';
    } catch {
      return false;
    }
  }

  private note(state: 'up' | 'down'): void {
    if (state === this.lastState) return;
    this.lastState = state;
    if (state === 'down') this.logger.warn('Redis is unreachable; queueing pauses, reminders wait in the database');
    else this.logger.log('Redis connection is up');
  }

  async onModuleDestroy(): Promise<void> {
    this.client.disconnect();
  }
}
