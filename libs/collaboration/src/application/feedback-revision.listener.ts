import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AssessmentsService } from '@app/assessments/application/assessments.service';
import type { RevisionListener, RevisionPlan, RevisionStoredEvent } from '@app/assessments/application/revision-listener';
import { ConflictError, UnprocessableError } from '@app/common/errors/domain.error';
import { nowIso } from '@app/database';
import { checkAddressable, distinctIds } from '../domain/feedback';
import { ThreatFeedbackEntity } from '../infrastructure/persistence/threat-feedback.entity';

/** Ids per `IN (…)` list: far below both engines' parameter limits. */
const ID_CHUNK = 500;

/**
 * Marks the feedback a revision names in `addressedFeedbackIds` as addressed by that revision.
 *
 * It runs inside the revision's transaction (RevisionListener contract), so an id that is unknown,
 * of another assessment, or already addressed fails the whole upload with 422 and nothing of the
 * revision is stored: a revision never claims to address feedback it did not.
 */
@Injectable()
export class FeedbackRevisionListener implements RevisionListener, OnModuleInit {
  constructor(private readonly assessments: AssessmentsService) {}

  onModuleInit(): void {
    this.assessments.registerListener(this);
  }

  async onRevisionStored(em: EntityManager, event: RevisionStoredEvent): Promise<void> {
    const ids = distinctIds(event.addressedFeedbackIds ?? []);
    if (!ids.length) return;

    const found: ThreatFeedbackEntity[] = [];
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      found.push(
        ...(await em.find(ThreatFeedbackEntity, {
          where: { id: In(ids.slice(i, i + ID_CHUNK)) },
          select: { id: true, assessmentId: true, status: true, addressedRevision: true },
        })),
      );
    }
    const errors = checkAddressable(ids, found, event.assessmentId);
    if (errors.length) {
      throw new UnprocessableError(
        `${errors.length} of the feedback ids in addressedFeedbackIds cannot be marked addressed; the revision was not stored`,
        errors,
      );
    }

    const changes = { status: 'addressed' as const, addressedRevision: event.revision, addressedBy: event.actor.id, addressedAt: nowIso() };
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const chunk = ids.slice(i, i + ID_CHUNK);
      // Guarded on status: feedback is only ever addressed by a revision of its assessment, and those
      // are serialised by the revision compare-and-set, so a miss here means the data moved under us.
      const res = await em
        .createQueryBuilder()
        .update(ThreatFeedbackEntity)
        .set(changes)
        .where('id IN (:...ids)', { ids: chunk })
        .andWhere("status = 'open'")
        .execute();
      if (res.affected !== chunk.length) {
        throw new ConflictError('Some of the feedback was addressed by someone else meanwhile; the revision was not stored. Reload and retry.');
      }
    }
  }

  /** Addressing feedback adds no tasks, and a dry run writes nothing. */
  async previewPlan(): Promise<RevisionPlan> {
    return { tasks: [] };
  }
}
