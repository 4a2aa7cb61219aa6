import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@app/common';
import type { Actor } from '../domain/actor';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';

/** Open to anyone, signed in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/**
 * Grants the listed roles. A route with neither @Public nor @Roles is denied to everyone: access is
 * decided by the global AccessGuard alone and defaults to deny.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const ALL_ROLES: Role[] = ['admin', 'coordinator', 'analyst', 'partner'];
/** Any signed-in user. */
export const AnyRole = () => Roles(...ALL_ROLES);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!req.actor) throw new Error('CurrentActor used on a route without an authenticated actor');
  return req.actor;
});
