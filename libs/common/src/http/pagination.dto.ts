import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_LIMIT = 50;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: DEFAULT_PAGE_LIMIT, description: 'Any larger value is capped by the server at PAGE_SIZE_MAX' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;
}

export function resolvePage(q: PageQueryDto, maxLimit: number): { limit: number; offset: number } {
  return { limit: Math.min(q.limit ?? DEFAULT_PAGE_LIMIT, maxLimit), offset: q.offset ?? 0 };
}
