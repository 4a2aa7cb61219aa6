import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { AuditActorRef } from '@app/database';

/**
 * The signed-in user of the request being served, for audit entries whose service call carries no
 * actor (organisations and users are created by admins through services that predate audit and take
 * none). The API sets it around each handler (AuditActorInterceptor); outside a request, such as the
 * bootstrap admin at start-up, there is none and the entry is recorded as system work.
 *
 * AsyncLocalStorage follows the request through awaits and through TransactionRunner's queue (a
 * promise continuation keeps the context of the code that created it), so the actor is the one of
 * the request whose transaction is running.
 */
@Injectable()
export class AuditContext {
  private readonly storage = new AsyncLocalStorage<AuditActorRef>();

  run<T>(actor: AuditActorRef, work: () => T): T {
    return this.storage.run(actor, work);
  }

  get actor(): AuditActorRef | null {
    return this.storage.getStore() ?? null;
  }
}
