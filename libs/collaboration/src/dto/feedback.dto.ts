import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '@app/common/nest';
import {
  FEEDBACK_DETAIL_MAX,
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  FEEDBACK_SUGGESTS,
  type FeedbackKind,
  type FeedbackStatus,
  type FeedbackSuggests,
} from '../domain/feedback';

/** Free text is trimmed, so "   " counts as empty and stored text has no stray whitespace. */
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PostFeedbackDto {
  @ApiProperty({ enum: FEEDBACK_KINDS })
  @IsIn(FEEDBACK_KINDS, { message: `kind must be one of ${FEEDBACK_KINDS.join(', ')}` })
  kind: FeedbackKind;

  @ApiProperty({ maxLength: FEEDBACK_DETAIL_MAX, example: 'Two new stash addresses identified in Blackpool' })
  @Transform(trim)
  @IsString()
  @Length(1, FEEDBACK_DETAIL_MAX, { message: `detail must be a non-empty text of at most ${FEEDBACK_DETAIL_MAX} characters` })
  detail: string;

  @ApiPropertyOptional({ enum: FEEDBACK_SUGGESTS, default: 'none', description: 'Does the threat look higher or lower than assessed?' })
  @IsOptional()
  @IsIn(FEEDBACK_SUGGESTS, { message: `suggests must be one of ${FEEDBACK_SUGGESTS.join(', ')}` })
  suggests?: FeedbackSuggests;
}

export class ThreatFeedbackQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FEEDBACK_STATUSES })
  @IsOptional()
  @IsIn(FEEDBACK_STATUSES, { message: `status must be one of ${FEEDBACK_STATUSES.join(', ')}` })
  status?: FeedbackStatus;
}
