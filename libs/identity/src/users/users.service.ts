import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConflictError, UnprocessableError, type Role } from '@app/common';
import { AuditSink, nowIso, TransactionRunner, type Page } from '@app/database';
import { PasswordHasher } from '../auth/password-hasher';
import { CreateUserDto } from '../dto/user.dto';
import { OrganisationEntity } from '../infrastructure/persistence/organisation.entity';
import { UserEntity } from '../infrastructure/persistence/user.entity';
import { isUniqueViolation } from '../organisations/organisations.service';

export type UserView = Omit<UserEntity, 'passwordHash'>;

/** Partners belong to partner bodies; everyone else works for the Taskforce itself. */
const REQUIRED_KIND: Record<Role, 'taskforce' | 'partner'> = {
  admin: 'taskforce',
  coordinator: 'taskforce',
  analyst: 'taskforce',
  partner: 'partner',
};

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(OrganisationEntity) private readonly orgs: Repository<OrganisationEntity>,
    private readonly hasher: PasswordHasher,
    private readonly tx: TransactionRunner,
    @Optional() private readonly audit?: AuditSink,
  ) {}

  async create(dto: CreateUserDto): Promise<UserView> {
    const org = await this.orgs.findOne({ where: { id: dto.organisationId } });
    if (!org) {
      throw new UnprocessableError('The organisation does not exist', [
        { field: 'organisationId', value: dto.organisationId, message: 'must be the id of an existing organisation' },
      ]);
    }
    if (REQUIRED_KIND[dto.role] !== org.kind) {
      throw new UnprocessableError(`A ${dto.role} must belong to a ${REQUIRED_KIND[dto.role]} organisation`, [
        { field: 'organisationId', value: dto.organisationId, message: `must be a ${REQUIRED_KIND[dto.role]} organisation for role ${dto.role}` },
      ]);
    }
    const email = dto.email.trim().toLowerCase();
    if (await this.users.exists({ where: { email } })) throw new ConflictError(`A user with email ${email} already exists`);
    const now = nowIso();
    const user: UserEntity = {
      id: randomUUID(),
      email,
      passwordHash: await this.hasher.hash(dto.password),
      role: dto.role,
      organisationId: org.id,
      displayName: dto.displayName ?? null,
      active: true,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.tx.run(async (em) => {
        await em.insert(UserEntity, user);
        // The view, never the password hash.
        await this.audit?.record(em, [{ action: 'user.created', entityType: 'user', entityId: user.id, after: toUserView(user) }]);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`A user with email ${email} already exists`);
      throw err;
    }
    return toUserView(user);
  }

  async list(limit: number, offset: number, organisationId?: string): Promise<Page<UserView>> {
    const [items, total] = await this.users.findAndCount({
      where: organisationId ? { organisationId } : {},
      order: { email: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: items.map(toUserView), total, limit, offset };
  }

  count(): Promise<number> {
    return this.users.count();
  }

  findByEmailWithHash(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email: email.trim().toLowerCase() } });
  }

}

export function toUserView(u: UserEntity): UserView {
  const { passwordHash: _hash, ...rest } = u;
  return rest;
}
