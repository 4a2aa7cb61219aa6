import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@app/common/nest';

/** Any ISO-8601 instant, normalised to the stored form (UTC, milliseconds) so text comparison is time order. */
const toStoredInstant = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString();
};

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'task', description: 'organisation, user, vision, assessment, threat, task, feedback' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  actorId?: string;

  @ApiPropertyOptional({ example: 'task.accept' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Transform(toStoredInstant)
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Transform(toStoredInstant)
  to?: string;
}
