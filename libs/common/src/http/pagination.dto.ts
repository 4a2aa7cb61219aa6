import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Hard upper bound; the configured PAGE_SIZE_MAX may lower it further. */
export const PAGE_LIMIT_CEILING = 1000;
export const DEFAULT_PAGE_LIMIT = 50;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: DEFAULT_PAGE_LIMIT, description: 'Capped by the server (PAGE_SIZE_MAX)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_CEILING)
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
