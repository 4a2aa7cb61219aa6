import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { AuditContext } from '@app/audit';
import type { Actor } from '@app/identity';

/**
 * Runs each authenticated request's handler with its actor in the AuditContext, so a service that
 * takes no actor (organisations, users) still records who made the change. Interceptors run after
 * guards, so AccessGuard has already resolved `req.actor`. Nest binds the handler's async scope when
 * `next.handle()` is called, so calling it inside `run` carries the context into the handler.
 */
@Injectable()
export class AuditActorInterceptor implements NestInterceptor {
  constructor(private readonly context: AuditContext) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const actor = ctx.switchToHttp().getRequest<{ actor?: Actor }>().actor;
    if (!actor) return next.handle();
    return this.context.run({ id: actor.id, role: actor.role, organisationId: actor.organisationId }, () => next.handle());
  }
}
