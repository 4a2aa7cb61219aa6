import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@app/common';
import { resolvePage } from '@app/common/nest';
import { appConfig } from '@app/config';
import { type Actor, AnyRole, CurrentActor } from '@app/identity';
import { NotificationsService } from '@app/reminders/nest';
import { NotificationListQueryDto } from './notifications.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Your own in-app inbox, newest first (`?unread=true` for unread only)' })
  @ApiOkResponse({ description: '{ items: [{ id, taskId, reminderId, kind, subject, body, read, readAt, createdAt }], total, limit, offset }' })
  list(@Query() q: NotificationListQueryDto, @CurrentActor() actor: Actor) {
    const { limit, offset } = resolvePage(q, this.app.pageSizeMax);
    return this.notifications.list(actor.id, { unread: q.unread, limit, offset });
  }

  @Post(':id/read')
  @HttpCode(200)
  @AnyRole()
  @ApiOperation({ summary: 'Mark one of your notifications read (idempotent)' })
  @ApiNotFoundResponse({ description: 'No such notification, or someone else’s (the same answer)' })
  markRead(@Param('id') id: string, @CurrentActor() actor: Actor) {
    if (!UUID.test(id)) throw new NotFoundError('Notification', id);
    return this.notifications.markRead(actor.id, id);
  }
}
