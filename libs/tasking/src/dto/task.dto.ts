import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
} from 'class-validator';
import { BANDS, TASK_STATUSES, type Band, type TaskStatus } from '@app/common';
import { PageQueryDto } from '@app/common/nest';

/** Free texts are trimmed, so "   " counts as empty and stored text has no stray whitespace. */
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const REASON_MAX = 2000;
export const OUTCOME_MAX = 10_000;
export const NOTE_MAX = 5000;
/** Bulk issue by id list: larger plans are issued by assessmentId. */
export const BULK_ISSUE_MAX_IDS = 1000;

export class ListTasksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: `One status, or several separated by commas (${TASK_STATUSES.join(', ')})`,
    example: 'assigned,accepted',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value))
  @IsArray({ message: 'status must be a status or a comma-separated list of statuses' })
  @ArrayMinSize(1, { message: 'status must name at least one status' })
  @IsIn(TASK_STATUSES, { each: true, message: `status must be one of ${TASK_STATUSES.join(', ')}` })
  status?: TaskStatus[];

  @ApiPropertyOptional({ format: 'uuid', description: "A threat's id; matches the threat's tasks across revisions (by ref)" })
  @IsOptional()
  @IsUUID()
  threatId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The lead organisation' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: BANDS })
  @IsOptional()
  @IsIn(BANDS)
  band?: Band;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assessmentId?: string;

  @ApiPropertyOptional({ description: 'true: only tasks with no lead organisation (gaps); false: only routed tasks' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false], { message: 'unrouted must be true or false' })
  unrouted?: boolean;
}

export class VersionedActionDto {
  @ApiPropertyOptional({ minimum: 1, description: 'The version you last read; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ReasonActionDto extends VersionedActionDto {
  @ApiProperty({ maxLength: REASON_MAX })
  @Transform(trim)
  @IsString()
  @Length(1, REASON_MAX, { message: `reason must be a non-empty text of at most ${REASON_MAX} characters` })
  reason: string;
}

export class DeclineTaskDto extends ReasonActionDto {}
export class CancelTaskDto extends ReasonActionDto {}

export class SupersedeTaskDto extends VersionedActionDto {
  @ApiPropertyOptional({ maxLength: REASON_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, REASON_MAX, { message: `reason must be a non-empty text of at most ${REASON_MAX} characters` })
  reason?: string;
}

export class ReassignTaskDto extends VersionedActionDto {
  @ApiProperty({ format: 'uuid', description: 'The new lead: a partner organisation cleared for the task' })
  @IsUUID()
  organisationId: string;

  @ApiPropertyOptional({ maxLength: REASON_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, REASON_MAX, { message: `reason must be a non-empty text of at most ${REASON_MAX} characters` })
  reason?: string;
}

export class CompleteTaskDto extends VersionedActionDto {
  @ApiProperty({ maxLength: OUTCOME_MAX, description: 'What was done and what came of it' })
  @Transform(trim)
  @IsString()
  @Length(1, OUTCOME_MAX, { message: `outcome must be a non-empty text of at most ${OUTCOME_MAX} characters` })
  outcome: string;
}

export class BulkIssueDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Issue every routed, proposed task of this assessment's plan" })
  @IsOptional()
  @IsUUID()
  assessmentId?: string;

  @ApiPropertyOptional({ type: [String], maxItems: BULK_ISSUE_MAX_IDS, description: 'Or exactly these tasks (all or nothing)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_ISSUE_MAX_IDS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  taskIds?: string[];
}

export class PostUpdateDto {
  @ApiProperty({ maxLength: NOTE_MAX, description: 'A progress update' })
  @Transform(trim)
  @IsString()
  @Length(1, NOTE_MAX, { message: `note must be a non-empty text of at most ${NOTE_MAX} characters` })
  note: string;
}

export class PostCommentDto {
  @ApiProperty({ maxLength: NOTE_MAX })
  @Transform(trim)
  @IsString()
  @Length(1, NOTE_MAX, { message: `body must be a non-empty text of at most ${NOTE_MAX} characters` })
  body: string;
}
