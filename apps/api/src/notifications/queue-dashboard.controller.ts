import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@app/common';
import { resolvePage } from '@app/common/nest';
import { appConfig } from '@app/config';
import { Roles } from '@app/identity';
import { QUEUE_NAMES, QueueDashboard, type QueueName } from '@app/reminders/nest';
import { QueueJobsQueryDto } from './notifications.dto';

/**
 * The queue dashboard, for admins: what Bull Board shows (job counts per state, failed jobs with
 * their reasons), as JSON, plus the database outbox, which answers even while Redis is down.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/queues')
export class QueueDashboardController {
  constructor(
    private readonly dashboard: QueueDashboard,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Queues: counts per state, latest failed jobs, and the outbox (reminders waiting to be queued, deliveries pending or failed)' })
  overview() {
    return this.dashboard.overview();
  }

  @Get(':name/jobs')
  @Roles('admin')
  @ApiOperation({ summary: 'Jobs of one queue in one state (default failed), newest first' })
  jobs(@Param('name') name: string, @Query() q: QueueJobsQueryDto) {
    if (!(QUEUE_NAMES as readonly string[]).includes(name)) throw new NotFoundError('Queue', name);
    const { limit, offset } = resolvePage(q, this.app.pageSizeMax);
    return this.dashboard.jobs(name as QueueName, q.state ?? 'failed', limit, offset);
  }
}
