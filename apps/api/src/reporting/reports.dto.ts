import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@app/common/nest';

/** `?format=CSV` reads as `csv`: the format names are not case-sensitive. */
const lowerCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export const COVERAGE_FORMATS = ['json', 'csv'] as const;
export const PACK_FORMATS = ['json', 'md', 'csv'] as const;
export const WORKLOAD_FORMATS = ['json', 'csv'] as const;

export class CoverageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the current revision of this assessment (404 when unknown)' })
  @IsOptional()
  @IsUUID('all', { message: 'assessmentId must be an assessment id (a UUID)' })
  assessmentId?: string;

  @ApiPropertyOptional({ enum: COVERAGE_FORMATS, default: 'json', description: 'csv: one row per threat × strand' })
  @IsOptional()
  @Transform(lowerCase)
  @IsIn(COVERAGE_FORMATS, { message: `format must be one of ${COVERAGE_FORMATS.join(', ')}` })
  format?: (typeof COVERAGE_FORMATS)[number];
}

export class TaskingPackQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this assessment (404 when unknown)' })
  @IsOptional()
  @IsUUID('all', { message: 'assessmentId must be an assessment id (a UUID)' })
  assessmentId?: string;

  @ApiPropertyOptional({ enum: PACK_FORMATS, default: 'json', description: 'md: the meeting document; csv: a flat list of the action items' })
  @IsOptional()
  @Transform(lowerCase)
  @IsIn(PACK_FORMATS, { message: `format must be one of ${PACK_FORMATS.join(', ')}` })
  format?: (typeof PACK_FORMATS)[number];
}

export class WorkloadQueryDto {
  @ApiPropertyOptional({ enum: WORKLOAD_FORMATS, default: 'json' })
  @IsOptional()
  @Transform(lowerCase)
  @IsIn(WORKLOAD_FORMATS, { message: `format must be one of ${WORKLOAD_FORMATS.join(', ')}` })
  format?: (typeof WORKLOAD_FORMATS)[number];
}
