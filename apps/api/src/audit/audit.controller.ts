import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { resolvePage } from '@app/common/nest';
import { appConfig } from '@app/config';
import { AuditService } from '@app/audit';
import { Roles } from '@app/identity';
import { AuditQueryDto } from './audit.dto';

/**
 * The audit log, for coordinators and admins. Partners (and analysts) get 403 on both routes: the log
 * names every organisation's work, so there is no partner-scoped view of it.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@Roles('coordinator', 'admin')
@ApiForbiddenResponse({ description: 'Coordinators and admins only' })
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Audit entries, newest first: actor, organisation, action, entity, before and after, time, hashes' })
  list(@Query() q: AuditQueryDto) {
    const { limit, offset } = resolvePage(q, this.app.pageSizeMax);
    const { entityType, entityId, actorId, action, from, to } = q;
    return this.audit.list({ entityType, entityId, actorId, action, from, to }, limit, offset);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recomputes the hash chain from the first entry: { ok, checked, firstBrokenId? }' })
  @ApiOkResponse({
    description: '`checked`: entries examined (all when ok; up to and including the first broken one otherwise)',
    schema: {
      type: 'object',
      required: ['ok', 'checked'],
      properties: { ok: { type: 'boolean' }, checked: { type: 'integer' }, firstBrokenId: { type: 'string', format: 'uuid' } },
    },
  })
  verify() {
    return this.audit.verify();
  }
}
