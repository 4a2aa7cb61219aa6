import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '@app/common';
import { AssessmentEntity } from '@app/assessments/infrastructure/persistence/assessment.entity';

/**
 * Runs a report's queries against one view of the data.
 *
 * PostgreSQL: a REPEATABLE READ transaction, so the several queries of one report see the same
 * snapshot and its figures agree (a summary never counts a task its list does not show).
 * SQLite: the shared connection directly. Opening a transaction here would collide with the writes
 * TransactionRunner serialises on that connection, and a report only reads.
 */
@Injectable()
export class ReportReader {
  private readonly sqlite: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sqlite = dataSource.options.type === 'better-sqlite3';
  }

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.sqlite ? work(this.dataSource.manager) : this.dataSource.transaction('REPEATABLE READ', work);
  }
}

/** The assessment a report is scoped to, or 404. */
export async function findAssessment(em: EntityManager, id: string): Promise<{ id: string; title: string; revision: number }> {
  const a = await em.findOne(AssessmentEntity, { where: { id }, select: { id: true, title: true, currentRevision: true } });
  if (!a) throw new NotFoundError('Assessment', id);
  return { id: a.id, title: a.title, revision: a.currentRevision };
}

/** PostgreSQL answers COUNT and SUM as bigint/numeric strings, SQLite as numbers; null when no rows. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** A simple-json column read raw: its parsed value, or `fallback` when it does not parse. */
export function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string') return (text as T) ?? fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
