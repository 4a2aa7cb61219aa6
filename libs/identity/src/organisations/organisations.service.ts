import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConflictError, NotFoundError } from '@app/common';
import { AuditSink, nowIso, TransactionRunner, type Page } from '@app/database';
import { CreateOrganisationDto, UpdateOrganisationDto } from '../dto/organisation.dto';
import { OrganisationEntity } from '../infrastructure/persistence/organisation.entity';
import { CapabilityVocabulary } from './capability-vocabulary';

export type OrganisationView = Omit<OrganisationEntity, 'webhookSecret' | 'webhookUrl'> & { webhookSecret?: string | null; webhookUrl?: string | null };

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly repo: Repository<OrganisationEntity>,
    private readonly vocabulary: CapabilityVocabulary,
    private readonly tx: TransactionRunner,
    @Optional() private readonly audit?: AuditSink,
  ) {}

  async create(dto: CreateOrganisationDto): Promise<OrganisationEntity> {
    this.vocabulary.assertKnown(dto.capabilities);
    await this.assertNameFree(dto.name);
    const now = nowIso();
    const org: OrganisationEntity = {
      id: randomUUID(),
      name: dto.name.trim(),
      kind: dto.kind,
      capabilities: dto.capabilities,
      jurisdictions: dto.jurisdictions,
      clearance: dto.clearance,
      capacity: dto.capacity,
      webhookUrl: dto.webhookUrl ?? null,
      webhookSecret: dto.webhookUrl ? newWebhookSecret() : null,
      contactEmail: dto.contactEmail ?? null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    try {
      await this.tx.run(async (em) => {
        await em.insert(OrganisationEntity, org);
        await this.audit?.record(em, [{ action: 'organisation.created', entityType: 'organisation', entityId: org.id, after: auditView(org) }]);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`An organisation named "${dto.name}" already exists`);
      throw err;
    }
    return org;
  }

  async update(id: string, dto: UpdateOrganisationDto): Promise<OrganisationEntity> {
    const org = await this.get(id);
    if (dto.capabilities) this.vocabulary.assertKnown(dto.capabilities);
    if (dto.name && dto.name.trim() !== org.name) await this.assertNameFree(dto.name);
    const next: OrganisationEntity = {
      ...org,
      ...stripUndefined(dto),
      name: dto.name?.trim() ?? org.name,
      updatedAt: nowIso(),
      version: org.version + 1,
    };
    if (next.webhookUrl && !next.webhookSecret) next.webhookSecret = newWebhookSecret();
    // Compare-and-set on version: two admins editing at once cannot silently overwrite each other.
    const { id: _id, ...changes } = next;
    const res = await this.tx.run(async (em) => {
      const r = await em.update(OrganisationEntity, { id, version: org.version }, changes);
      if (r.affected) await this.audit?.record(em, [{ action: 'organisation.updated', entityType: 'organisation', entityId: id, before: auditView(org), after: auditView(next) }]);
      return r;
    });
    if (!res.affected) throw new ConflictError('The organisation was changed by someone else; reload and retry');
    return next;
  }

  async get(id: string): Promise<OrganisationEntity> {
    const org = await this.repo.findOne({ where: { id } });
    if (!org) throw new NotFoundError('Organisation', id);
    return org;
  }

  async list(limit: number, offset: number): Promise<Page<OrganisationEntity>> {
    const [items, total] = await this.repo.findAndCount({ order: { name: 'ASC' }, take: limit, skip: offset });
    return { items, total, limit, offset };
  }

  async all(): Promise<OrganisationEntity[]> {
    return this.repo.find({ order: { name: 'ASC' } });
  }

  async findByName(name: string): Promise<OrganisationEntity | null> {
    return this.repo.findOne({ where: { name } });
  }

  private async assertNameFree(name: string): Promise<void> {
    if (await this.repo.exists({ where: { name: name.trim() } })) {
      throw new ConflictError(`An organisation named "${name.trim()}" already exists`);
    }
  }
}

export type OrganisationViewer = { role: string; organisationId: string } | 'admin';

/**
 * What a viewer may know about an organisation. Admins see everything, including the webhook secret
 * they hand to the partner. Webhook URLs reveal partners' infrastructure: admins only. Contact emails:
 * Taskforce staff (who chase partners) and the organisation's own users; other partners never.
 */
export function organisationView(org: OrganisationEntity, viewer: OrganisationViewer): OrganisationView {
  if (viewer === 'admin' || viewer.role === 'admin') return org;
  const { webhookSecret: _secret, webhookUrl: _url, ...rest } = org;
  const seesContact = viewer.role !== 'partner' || viewer.organisationId === org.id;
  return seesContact ? rest : { ...rest, contactEmail: null };
}

/** The audit log is read by coordinators too: it shows what they may see (no webhook URL or secret). */
const auditView = (org: OrganisationEntity) => organisationView(org, { role: 'coordinator', organisationId: '' });

const newWebhookSecret = () => randomBytes(32).toString('hex');

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string; driverError?: { code?: string } };
  const code = e.code ?? e.driverError?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(String(e.message));
}

