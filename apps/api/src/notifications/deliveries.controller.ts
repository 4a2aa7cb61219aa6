import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { resolvePage } from '@app/common/nest';
import { appConfig } from '@app/config';
import { Roles } from '@app/identity';
import { ReminderQueries } from '@app/reminders/nest';
import { DeliveryListQueryDto } from './notifications.dto';

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly queries: ReminderQueries,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @Get()
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Outbound webhook and email deliveries, newest first; `?status=failed` shows what did not get through' })
  @ApiOkResponse({ description: '{ items: [{ id, channel, target, status, attempts, lastError, lastStatusCode, attemptLog[] … }], total, limit, offset }' })
  list(@Query() q: DeliveryListQueryDto) {
    const { limit, offset } = resolvePage(q, this.app.pageSizeMax);
    return this.queries.listDeliveries({ status: q.status, channel: q.channel, taskId: q.taskId, organisationId: q.organisationId, limit, offset });
  }
}
