import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { workerRedisOptions } from '@app/common/nest';
import { redisConfig } from '@app/config';

/**
 * Logs Redis outages once (not once per retry) and their end, so an operator sees a clear story while
 * BullMQ reconnects with backoff underneath. The worker never exits because Redis is away.
 */
@Injectable()
export class RedisMonitor implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private client?: Redis;
  private down = false;
  private attempts = 0;

  constructor(@Inject(redisConfig.KEY) private readonly cfg: ConfigType<typeof redisConfig>) {}

  onModuleInit(): void {
    this.client = new Redis({ ...workerRedisOptions(this.cfg.url), lazyConnect: false });
    this.client.on('error', (err: Error) => {
      this.attempts++;
      if (!this.down) this.logger.warn(`Redis at ${this.safeUrl()} is unreachable (${err.message}); retrying with backoff`);
      else if (this.attempts % 20 === 0) this.logger.warn(`still waiting for Redis (${this.attempts} attempts)`);
      this.down = true;
    });
    this.client.on('ready', () => {
      if (this.down) this.logger.log(`Redis is back after ${this.attempts} attempts`);
      else this.logger.log(`connected to Redis at ${this.safeUrl()}`);
      this.down = false;
      this.attempts = 0;
    });
  }

  get isUp(): boolean {
    return !this.down && this.client?.status === 'ready';
  }

  private safeUrl(): string {
    const u = new URL(this.cfg.url);
    u.password = u.password ? '***' : '';
    return u.toString();
  }

  async onApplicationShutdown(): Promise<void> {
    this.client?.disconnect();
  }
}
