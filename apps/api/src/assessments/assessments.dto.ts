import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { BANDS, CRIME_AREAS, type Band } from '@app/common';
import { PageQueryDto } from '@app/common/nest';
import { ADDRESSED_IDS_MAX } from '@app/collaboration/domain/feedback';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * A multipart form carries lists as text: `a,b` (or the field repeated) becomes `['a', 'b']`. JSON
 * arrays pass through as they are, so a non-string entry still fails validation with a 400.
 */
const splitIds = (text: string): string[] => text.split(',').map((s) => s.trim()).filter(Boolean);
const toIdList = ({ value }: { value: unknown }) => {
  if (typeof value === 'string') return splitIds(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.flatMap(splitIds);
  return value;
};

export class UploadQueryDto {
  @ApiPropertyOptional({ description: 'Score and plan without writing anything' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  dryRun?: boolean;
}

/**
 * JSON body `{ title, threats[] }`, or the non-file fields of a multipart upload. Threat rows are
 * deliberately not validated here: the assessment validator checks them all and answers one 422 with
 * row numbers, the same as for a file.
 */
export class UploadAssessmentDto {
  @ApiPropertyOptional({ description: 'Required for a JSON body; for a file, defaults to the file name', maxLength: 300 })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'Threat rows (JSON body only)' })
  @IsOptional()
  @IsArray()
  threats?: unknown[];

  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'Multipart only: a JSON, CSV or XLSX file' })
  @IsOptional()
  file?: unknown;
}

export class CreateRevisionDto extends UploadAssessmentDto {
  @ApiProperty({ description: 'The revision this one replaces; must be the latest, else 409' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  baseRevision: number;

  @ApiPropertyOptional({
    type: [String],
    maxItems: ADDRESSED_IDS_MAX,
    description: 'Ids of partner feedback this revision addresses (multipart: comma-separated). An unknown or already addressed id answers 422 and nothing is stored.',
  })
  @IsOptional()
  @Transform(toIdList)
  @IsArray({ message: 'addressedFeedbackIds must be a list of feedback ids' })
  @ArrayMaxSize(ADDRESSED_IDS_MAX)
  @IsString({ each: true })
  @Length(1, 64, { each: true, message: 'each of addressedFeedbackIds must be a feedback id' })
  addressedFeedbackIds?: string[];
}

export class DiffQueryDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to: number;
}

export class PrioritiesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BANDS })
  @IsOptional()
  @IsIn(BANDS)
  band?: Band;

  @ApiPropertyOptional({ enum: CRIME_AREAS })
  @IsOptional()
  @IsIn(CRIME_AREAS)
  crimeArea?: string;
}

export class OverrideDto {
  @ApiProperty({ enum: BANDS })
  @IsIn(BANDS)
  band: Band;

  @ApiProperty({ minLength: 3, maxLength: 2000, example: 'Linked to the firearms discharge in Salford last week' })
  @IsString()
  @Length(3, 2000)
  reason: string;
}
