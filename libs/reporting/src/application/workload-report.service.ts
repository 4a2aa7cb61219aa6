import { Injectable } from '@nestjs/common';
import { nowIso } from '@app/database';
import { OrganisationEntity } from '@app/identity/infrastructure/persistence/organisation.entity';
import { TaskEntity } from '@app/tasking/infrastructure/persistence/task.entity';
import { DONE_STATUSES, HELD_STATUSES } from '../domain/task-rules';
import { buildWorkloadRows, workloadTotals, WORKLOAD_WINDOW_DAYS, type WorkloadReport } from '../domain/workload';
import { num, ReportReader } from './report-reader';

/** Partner organisations listed: an administered set, far below this; the cap only bounds the query. */
const MAX_ORGANISATIONS = 5000;

/**
 * Per-partner workload: two queries, the partner organisations and one grouped count of the tasks
 * they lead by organisation and status (held, declined and finished work), whatever the number of tasks.
 */
@Injectable()
export class WorkloadReportService {
  constructor(private readonly reader: ReportReader) {}

  build(): Promise<WorkloadReport> {
    return this.reader.read(async (em) => {
      const generatedAt = nowIso();
      const completedSince = new Date(Date.parse(generatedAt) - WORKLOAD_WINDOW_DAYS * 86_400_000).toISOString();
      const orgs = await em.find(OrganisationEntity, {
        where: { kind: 'partner' },
        select: { id: true, name: true, capacity: true },
        order: { name: 'ASC' },
        take: MAX_ORGANISATIONS,
      });
      const raw = await em
        .createQueryBuilder(TaskEntity, 't')
        .select('t.organisation_id', 'organisation_id')
        .addSelect('t.status', 'status')
        .addSelect('COUNT(*)', 'n')
        .addSelect('SUM(CASE WHEN t.due_at IS NOT NULL AND t.due_at < :now THEN 1 ELSE 0 END)', 'overdue')
        .addSelect('SUM(CASE WHEN t.completed_at IS NOT NULL AND t.completed_at >= :since THEN 1 ELSE 0 END)', 'recent')
        .where('t.organisation_id IS NOT NULL')
        .andWhere('t.status IN (:...statuses)', { statuses: [...HELD_STATUSES, 'declined', ...DONE_STATUSES] })
        .groupBy('t.organisation_id')
        .addGroupBy('t.status')
        .setParameters({ now: generatedAt, since: completedSince })
        .getRawMany<{ organisation_id: string; status: string; n: unknown; overdue: unknown; recent: unknown }>();
      const items = buildWorkloadRows(
        orgs.map((o) => ({ organisationId: o.id, name: o.name, capacity: o.capacity })),
        raw.map((r) => ({
          organisationId: r.organisation_id,
          status: r.status,
          count: num(r.n),
          overdue: num(r.overdue),
          // Only finished work counts as completed; the sum is zero for other statuses anyway.
          completedRecently: (DONE_STATUSES as readonly string[]).includes(r.status) ? num(r.recent) : 0,
        })),
      );
      return { generatedAt, completedSince, totals: workloadTotals(items), items };
    });
  }
}
