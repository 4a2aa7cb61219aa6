import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ForbiddenError, UnauthorizedError, type OrganisationKind, type Role } from '@app/common';
import type { Actor } from '../domain/actor';
import { OrganisationEntity } from '../infrastructure/persistence/organisation.entity';
import { UserEntity } from '../infrastructure/persistence/user.entity';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorators';

interface TokenClaims {
  sub: string;
  role: Role;
  org: string;
}

/**
 * The only place that decides access. Default deny: a route must be marked @Public or list its roles.
 * The user is re-read on every request, so a deactivated account or a changed role takes effect at once.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const actor = await this.authenticate(req.headers.authorization);
    req.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || !roles.includes(actor.role)) throw new ForbiddenError();
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Actor> {
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header ?? '');
    if (!match) throw new UnauthorizedError('A bearer token is required');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(match[1]);
    } catch {
      throw new UnauthorizedError('The token is invalid or has expired');
    }
    // One primary-key read with the organisation joined: this runs on every authenticated request.
    const row = await this.users
      .createQueryBuilder('u')
      .innerJoin(OrganisationEntity, 'o', 'o.id = u.organisation_id')
      .select(['u.id AS id', 'u.email AS email', 'u.role AS role', 'u.active AS active', 'o.id AS org_id', 'o.kind AS org_kind'])
      .where('u.id = :id', { id: claims.sub })
      .getRawOne<{ id: string; email: string; role: Role; active: boolean | number; org_id: string; org_kind: OrganisationKind }>();
    // SQLite returns booleans as 0/1 from a raw select.
    if (!row || !row.active) throw new UnauthorizedError('The token is invalid or has expired');
    return { id: row.id, email: row.email, role: row.role, organisationId: row.org_id, organisationKind: row.org_kind };
  }
}
