import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '@app/identity';
import { RedisHealthService } from './redis-health.service';

export interface HealthReport {
  status: 'ok' | 'error';
  db: 'up' | 'down';
  redis: 'up' | 'down';
  details?: Record<string, string>;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisHealthService,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: '`{ status: "ok", db: "up", redis: "up" }`' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the body says which' })
  async check(@Res() res: Response): Promise<void> {
    const [db, redis] = await Promise.all([this.pingDb(), this.redis.ping()]);
    const report: HealthReport = { status: db && redis ? 'ok' : 'error', db: db ? 'up' : 'down', redis: redis ? 'up' : 'down' };
    if (report.status === 'error') {
      report.details = {
        ...(db ? {} : { db: 'the database did not answer SELECT 1' }),
        ...(redis ? {} : { redis: 'Redis did not answer PING; reminders wait in the database until it returns' }),
      };
    }
    res.status(report.status === 'ok' ? 200 : 503).setHeader('Cache-Control', 'no-store').json(report);
  }

  private async pingDb(): Promise<boolean> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return true;
    } catch {
      return false;
    }
  }
}
