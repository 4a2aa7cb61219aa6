import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditListenersModule, AuditModule } from '@app/audit';
import { AuditActorInterceptor } from './audit-actor.interceptor';
import { AuditController } from './audit.controller';

/**
 * The audit HTTP surface, and what makes the API audit: the global AuditModule (the AuditSink the
 * services record through), the listeners on tasks and revisions, and the interceptor that gives
 * each request's actor to entries whose service call carries none.
 */
@Module({
  imports: [AuditModule, AuditListenersModule],
  controllers: [AuditController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: AuditActorInterceptor }],
})
export class AuditHttpModule {}
