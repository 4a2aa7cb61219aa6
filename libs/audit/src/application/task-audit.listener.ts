import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssessmentEntity } from '@app/assessments/infrastructure/persistence/assessment.entity';
import type { AuditRecord } from '@app/database';
import type { TaskChange, TaskChangeListener } from '@app/tasking/application/task-change-listener';
import { AuditService } from './audit.service';

/**
 * Audits task changes as a TaskChangeListener, inside the transaction that made them.
 *
 * Lifecycle changes (issue, accept, decline, reassign, …) are one entry per task, with the task's
 * snapshot before and after and the reason given. Tasks created by a plan are not: a 10,000-threat
 * upload stores over ten thousand tasks, so they are summarised as one `plan.generated` entry per
 * assessment with counts; the tasks themselves are reproducible from the revision and its plan.
 */
@Injectable()
export class TaskAuditListener implements TaskChangeListener {
  constructor(private readonly audit: AuditService) {}

  async onTasksChanged(em: EntityManager, changes: TaskChange[]): Promise<void> {
    const entries: AuditRecord[] = [];
    const planned = new Map<string, TaskChange[]>();
    for (const c of changes) {
      if (c.action === 'create') {
        const list = planned.get(c.after.assessmentId);
        if (list) list.push(c);
        else planned.set(c.after.assessmentId, [c]);
        continue;
      }
      entries.push({
        action: `task.${c.action}`,
        entityType: 'task',
        entityId: c.after.id,
        before: c.before,
        after: c.reason ? { ...c.after, reason: c.reason } : c.after,
        actor: c.actor ?? undefined,
      });
    }
    for (const [assessmentId, created] of planned) entries.push(await planEntry(em, assessmentId, created));
    await this.audit.record(em, entries);
  }
}

async function planEntry(em: EntityManager, assessmentId: string, created: TaskChange[]): Promise<AuditRecord> {
  // Read in the revision's own transaction: the assessment's current revision is the one being stored.
  const assessment = await em.findOne(AssessmentEntity, { where: { id: assessmentId }, select: { id: true, currentRevision: true } });
  const routed = created.filter((c) => c.after.organisationId !== null).length;
  return {
    action: 'plan.generated',
    entityType: 'assessment',
    entityId: assessmentId,
    before: null,
    after: {
      revision: assessment?.currentRevision ?? null,
      tasks: created.length,
      routed,
      unrouted: created.length - routed,
      byBand: countBy(created, (c) => c.after.band),
      byStrand: countBy(created, (c) => c.after.strand),
    },
    actor: created[0].actor ?? undefined,
  };
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
