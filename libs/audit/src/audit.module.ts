import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditSink } from '@app/database';
import { AuditContext } from './application/audit-context';
import { AuditService } from './application/audit.service';
import { AuditLogEntity } from './infrastructure/persistence/audit-log.entity';

/**
 * The audit log and the AuditSink port. Global, so that identity, vision, assessments and
 * collaboration services receive the sink without importing this module (they inject it as
 * @Optional(): in an app without AuditModule, such as the worker, they record nothing).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditLogEntity])],
  providers: [AuditContext, AuditService, { provide: AuditSink, useExisting: AuditService }],
  exports: [AuditContext, AuditService, AuditSink],
})
export class AuditModule {}
