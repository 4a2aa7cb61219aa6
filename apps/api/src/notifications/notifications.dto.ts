import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@app/common/nest';
import { DASHBOARD_JOB_STATES, DELIVERY_CHANNELS, DELIVERY_STATUSES, type DashboardJobState, type DeliveryChannel, type DeliveryStatus } from '@app/reminders/nest';

/** "true"/"false" from a query string; anything else stays as given and fails IsBoolean. */
const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class NotificationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only notifications not yet read' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  unread?: boolean;
}

export class DeliveryListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: DELIVERY_CHANNELS })
  @IsOptional()
  @IsIn(DELIVERY_CHANNELS)
  channel?: DeliveryChannel;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  taskId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class QueueJobsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DASHBOARD_JOB_STATES, default: 'failed' })
  @IsOptional()
  @IsIn(DASHBOARD_JOB_STATES)
  state?: DashboardJobState;
}
