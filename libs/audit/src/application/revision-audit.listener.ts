import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssessmentRevisionEntity } from '@app/assessments/infrastructure/persistence/assessment.entity';
import type { RevisionListener, RevisionPlan, RevisionStoredEvent } from '@app/assessments/application/revision-listener';
import { AuditService } from './audit.service';
import { countBy } from './task-audit.listener';

/**
 * Audits each stored assessment revision as a RevisionListener, inside the revision's transaction:
 * one `assessment.revision_stored` entry with counts (threats per band, the diff's sizes, feedback
 * addressed) and the scoring version that scored it, never the threats themselves, which the
 * revision keeps.
 */
@Injectable()
export class RevisionAuditListener implements RevisionListener {
  constructor(private readonly audit: AuditService) {}

  async onRevisionStored(em: EntityManager, event: RevisionStoredEvent): Promise<void> {
    const revision = await em.findOne(AssessmentRevisionEntity, {
      where: { id: event.revisionId },
      select: { id: true, title: true, scoringVersion: true, sourceFormat: true, sourceName: true },
    });
    await this.audit.record(em, [
      {
        action: 'assessment.revision_stored',
        entityType: 'assessment',
        entityId: event.assessmentId,
        before:
          event.revision > 1
            ? { revision: event.revision - 1, threats: event.previousThreats.length, byBand: countBy(event.previousThreats, (t) => t.effectiveBand) }
            : null,
        after: {
          revisionId: event.revisionId,
          revision: event.revision,
          title: revision?.title ?? null,
          scoringVersion: revision?.scoringVersion ?? null,
          sourceFormat: revision?.sourceFormat ?? null,
          sourceName: revision?.sourceName ?? null,
          threats: event.threats.length,
          byBand: countBy(event.threats, (t) => t.effectiveBand),
          diff: event.diff ? { added: event.diff.added.length, removed: event.diff.removed.length, changed: event.diff.changed.length } : null,
          addressedFeedback: new Set(event.addressedFeedbackIds ?? []).size,
        },
        actor: { id: event.actor.id, role: event.actor.role, organisationId: event.actor.organisationId },
      },
    ]);
  }

  /** A dry run stores nothing, so there is nothing to audit. */
  async previewPlan(): Promise<RevisionPlan> {
    return { tasks: [] };
  }
}
