import { Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConflictError, NotFoundError, UnprocessableError } from '@app/common';
import { AuditSink, nowIso, TransactionRunner } from '@app/database';
import { PutVisionDto } from './dto/vision.dto';
import { CURRENT_VISION_ID, VisionEntity } from './infrastructure/persistence/vision.entity';

export type VisionView = Omit<VisionEntity, 'id'>;

@Injectable()
export class VisionService {
  constructor(
    @InjectRepository(VisionEntity) private readonly repo: Repository<VisionEntity>,
    private readonly tx: TransactionRunner,
    @Optional() private readonly audit?: AuditSink,
  ) {}

  async get(): Promise<VisionView> {
    const v = await this.find();
    if (!v) throw new NotFoundError('Vision (none has been set yet)');
    return view(v);
  }

  find(): Promise<VisionEntity | null> {
    return this.repo.findOne({ where: { id: CURRENT_VISION_ID } });
  }

  async put(dto: PutVisionDto, actorId: string): Promise<VisionView> {
    const codes = dto.objectives.map((o) => o.code);
    const dup = codes.find((c, i) => codes.indexOf(c) !== i);
    if (dup) throw new UnprocessableError(`Objective code ${dup} appears twice`, [{ field: 'objectives', value: dup, message: 'codes must be unique' }]);
    const current = await this.find();
    if (dto.version !== undefined && current && dto.version !== current.version) {
      throw new ConflictError(`The vision is at version ${current.version}, not ${dto.version}; reload and retry`, { currentVersion: current.version });
    }
    const next: VisionEntity = {
      id: CURRENT_VISION_ID,
      title: dto.title,
      aims: dto.aims,
      objectives: dto.objectives.map((o) => ({ code: o.code, title: o.title, strands: o.strands })),
      updatedBy: actorId,
      updatedAt: nowIso(),
      version: (current?.version ?? 0) + 1,
    };
    const audited = { action: 'vision.set', entityType: 'vision', entityId: CURRENT_VISION_ID, before: current && view(current), after: view(next) };
    if (!current) {
      await this.tx.run(async (em) => {
        await em.insert(VisionEntity, next);
        await this.audit?.record(em, [audited]);
      });
    } else {
      const { id: _id, ...changes } = next;
      const res = await this.tx.run(async (em) => {
        const r = await em.update(VisionEntity, { id: CURRENT_VISION_ID, version: current.version }, changes);
        if (r.affected) await this.audit?.record(em, [audited]);
        return r;
      });
      if (!res.affected) throw new ConflictError('The vision was changed by someone else; reload and retry');
    }
    return view(next);
  }
}

const view = ({ id: _id, ...rest }: VisionEntity): VisionView => rest;
