import { diffThreats, type DiffableThreat } from '@app/assessments/diff/diff-threats';
import { BANDS, type Band, type Classification, type RoutingCandidate, type Strand, type TaskStatus } from '@app/common';
import { explainEligibility, type RoutableTask } from '@app/tasking/routing/route-tasks';
import { toCsv, type CsvValue } from './csv';
import { mdTable, mdText, NONE } from './markdown';
import type { TaskTally } from './task-rules';

/** A task as the pack lists it. */
export interface PackTask {
  id: string;
  title: string;
  assessmentId: string;
  threatId: string;
  threatRef: string;
  /** Title of the threat row the task points at (null only if that row is gone). */
  threatTitle: string | null;
  strand: Strand;
  capability: string;
  band: Band;
  status: TaskStatus;
  organisationId: string | null;
  organisationName: string | null;
  dueAt: string | null;
  acceptBy: string | null;
}

export interface OverdueTask extends PackTask {
  dueAt: string;
  daysOverdue: number;
}

export interface AcceptanceOverdueTask extends PackTask {
  acceptBy: string;
  hoursOverdue: number;
}

export interface DeclinedTask extends PackTask {
  declineReason: string | null;
  /** When the task last changed, i.e. when it was declined (a declined task changes no further until re-routed). */
  declinedAt: string;
}

export const UNROUTED_REASONS = ['no-partners', 'no-capability', 'no-jurisdiction', 'no-clearance', 'eligible-now'] as const;
export type UnroutedReasonCode = (typeof UNROUTED_REASONS)[number];

export interface UnroutedTask extends PackTask {
  regions: string[];
  classification: Classification;
  reason: { code: UnroutedReasonCode; message: string };
}

/** A capped list: `items` holds at most the section limit, `total` how many there are. */
export interface PackSection<T> {
  total: number;
  items: T[];
}

export interface TopPriority {
  rank: number;
  threatId: string;
  assessmentId: string;
  ref: string;
  title: string;
  crimeArea: string;
  band: Band;
  effectiveBand: Band;
  score: number;
  override: { band: Band; reason: string | null } | null;
  tasks: TaskTally;
}

export interface ThreatBrief {
  ref: string;
  title: string;
  band: Band;
  score: number;
}

export type BandMovement = 'raised' | 'lowered' | 'unchanged';

export interface ChangedThreat {
  ref: string;
  title: string;
  /** Names of the fields that changed (empty when only the score or band moved). */
  fields: string[];
  before: { band: Band; score: number };
  after: { band: Band; score: number };
  movement: BandMovement;
}

export interface RevisionChanges {
  assessmentId: string;
  title: string;
  from: number;
  to: number;
  counts: { added: number; removed: number; changed: number };
  added: ThreatBrief[];
  removed: ThreatBrief[];
  changed: ChangedThreat[];
}

export interface IntelligenceGap {
  threatId: string;
  assessmentId: string;
  ref: string;
  title: string;
  effectiveBand: Band;
  confidence: string;
  needsIntelligence: boolean;
  gaps: string[];
  intelligenceTask: { live: boolean; byStatus: Partial<Record<TaskStatus, number>> };
}

export interface FeedbackLine {
  assessmentId: string;
  threatRef: string;
  /** The current threat with that ref; null when the latest revision removed it. */
  threatId: string | null;
  threatTitle: string | null;
  effectiveBand: Band | null;
  open: number;
  suggestRaise: number;
  suggestLower: number;
}

export interface TaskingPack {
  generatedAt: string;
  assessment: { id: string; title: string; revision: number } | null;
  /** The most items any list below holds; `total` says how many there are. */
  listLimit: number;
  summary: {
    currentThreats: number;
    overdue: number;
    acceptanceOverdue: number;
    declined: number;
    unrouted: number;
    intelligenceGaps: number;
    intelligenceGapsWithoutLiveTask: number;
    openFeedback: number;
  };
  topPriorities: TopPriority[];
  changes: PackSection<RevisionChanges>;
  overdue: PackSection<OverdueTask>;
  acceptanceOverdue: PackSection<AcceptanceOverdueTask>;
  declined: PackSection<DeclinedTask>;
  unrouted: PackSection<UnroutedTask>;
  intelligenceGaps: PackSection<IntelligenceGap> & { withoutLiveTask: number };
  feedback: PackSection<FeedbackLine> & { open: number };
}

// --- pure pieces ------------------------------------------------------------------------------

const bandIndex = (b: Band): number => BANDS.indexOf(b);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function bandMovement(before: Band, after: Band): BandMovement {
  const d = bandIndex(after) - bandIndex(before);
  return d < 0 ? 'raised' : d > 0 ? 'lowered' : 'unchanged';
}

type DiffInput = DiffableThreat & { title: string };

/**
 * What changed between an assessment's last two revisions, for the meeting: the diff of
 * AssessmentsService (diffThreats), reduced to refs, titles and band/score before and after. Each
 * list is ordered most urgent first (then by ref) and capped at `limit`; `counts` has the full sizes.
 */
export function summariseRevisionChanges(
  head: { assessmentId: string; title: string; from: number; to: number },
  before: readonly DiffInput[],
  after: readonly DiffInput[],
  limit: number,
): RevisionChanges {
  const diff = diffThreats(before, after);
  const titles = new Map<string, string>([...before, ...after].map((t) => [t.ref, t.title]));
  const brief = (t: DiffInput): ThreatBrief => ({ ref: t.ref, title: t.title, band: t.band, score: t.score });
  const byBand = (a: { band: Band; ref: string }, b: { band: Band; ref: string }) => bandIndex(a.band) - bandIndex(b.band) || compareText(a.ref, b.ref);
  const changed = diff.changed
    .map(
      (c): ChangedThreat => ({
        ref: c.ref,
        title: titles.get(c.ref) ?? c.ref,
        fields: c.fields.map((f) => f.field),
        before: c.before,
        after: c.after,
        movement: bandMovement(c.before.band, c.after.band),
      }),
    )
    .sort((a, b) => bandIndex(a.after.band) - bandIndex(b.after.band) || compareText(a.ref, b.ref));
  return {
    ...head,
    counts: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length },
    added: diff.added.map(brief).sort(byBand).slice(0, limit),
    removed: diff.removed.map(brief).sort(byBand).slice(0, limit),
    changed: changed.slice(0, limit),
  };
}

const listNames = (orgs: readonly RoutingCandidate[], max = 5): string =>
  orgs.length <= max ? orgs.map((o) => o.name).join(', ') : `${orgs.slice(0, max).map((o) => o.name).join(', ')} and ${orgs.length - max} more`;

/**
 * Why a task has no lead, against today's partner organisations: the first routing rule that leaves
 * no candidate (capability, then jurisdiction, then clearance). When some organisation is eligible
 * now (one was added or changed after the plan was routed), the answer says so: the task only needs
 * re-assigning. Uses tasking's own eligibility rules, so the explanation is routing's reason.
 */
export function explainUnrouted(task: RoutableTask, candidates: readonly RoutingCandidate[]): UnroutedTask['reason'] {
  const partners = candidates.filter((c) => c.kind === 'partner');
  if (!partners.length) return { code: 'no-partners', message: 'No partner organisation is registered' };
  const fails = new Map(partners.map((c) => [c, new Set(explainEligibility(task, c).map((r) => r.reason))]));
  const capable = partners.filter((c) => !fails.get(c)!.has('capability'));
  if (!capable.length) return { code: 'no-capability', message: `No partner organisation has capability '${task.capability}'` };
  const regions = task.regions.length ? task.regions.join(', ') : '(no region)';
  const local = capable.filter((c) => !fails.get(c)!.has('jurisdiction'));
  if (!local.length) {
    return {
      code: 'no-jurisdiction',
      message: `No partner organisation with capability '${task.capability}' covers ${regions} or holds national jurisdiction`,
    };
  }
  const cleared = local.filter((c) => !fails.get(c)!.has('clearance'));
  if (!cleared.length) {
    return {
      code: 'no-clearance',
      message: `Partner organisations with capability '${task.capability}' covering ${regions} (${listNames(local)}) are not cleared to ${task.classification}`,
    };
  }
  return {
    code: 'eligible-now',
    message: `No organisation was eligible when the plan was routed; ${listNames(cleared)} can take it now: re-assign the task`,
  };
}

// --- Markdown ----------------------------------------------------------------------------------

const dateOnly = (iso: string | null): string => (iso ? iso.slice(0, 10) : '');
const dateTime = (iso: string | null): string => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '');
const org = (t: PackTask): string => mdText(t.organisationName ?? 'unrouted');
const threatCell = (t: PackTask): string => `${mdText(t.threatRef)} ${mdText(t.threatTitle ?? '')}`.trim();
const tallyText = (t: TaskTally): string => {
  if (!t.total) return 'none';
  const parts = Object.entries(t.byStatus)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s.replace('_', ' ')} ${n}`);
  return `${parts.join(', ')}${t.unrouted ? `; unrouted ${t.unrouted}` : ''}`;
};

function section<T>(title: string, s: PackSection<T>, table: (items: T[]) => string, listLimit: number): string {
  const out = [`## ${title}`, ''];
  if (!s.total) out.push(NONE);
  else {
    if (s.total > s.items.length) out.push(`Showing ${s.items.length} of ${s.total} (the first ${listLimit}).`, '');
    out.push(table(s.items));
  }
  return out.join('\n');
}

function changesMarkdown(c: RevisionChanges): string {
  const rows: string[][] = [
    ...c.added.map((t) => ['added', mdText(t.ref), mdText(t.title), '', t.band, '', String(t.score), '']),
    ...c.changed.map((t) => [
      t.movement === 'unchanged' ? 'changed' : t.movement,
      mdText(t.ref),
      mdText(t.title),
      t.before.band,
      t.after.band,
      String(t.before.score),
      String(t.after.score),
      mdText(t.fields.join(', ')),
    ]),
    ...c.removed.map((t) => ['removed', mdText(t.ref), mdText(t.title), t.band, '', String(t.score), '', '']),
  ];
  const listed = c.added.length + c.changed.length + c.removed.length;
  const total = c.counts.added + c.counts.changed + c.counts.removed;
  const out = [
    `### ${mdText(c.title)} (revision ${c.from} to ${c.to})`,
    '',
    `${c.counts.added} added, ${c.counts.changed} changed, ${c.counts.removed} removed.`,
  ];
  if (rows.length) {
    if (listed < total) out.push('', `Showing ${listed} of ${total}.`);
    out.push('', mdTable(['Change', 'Ref', 'Threat', 'Band before', 'Band after', 'Score before', 'Score after', 'Fields changed'], rows));
  }
  return out.join('\n');
}

/** The pack as a document a coordinator takes into the tasking and coordination meeting. */
export function renderTaskingPackMarkdown(p: TaskingPack): string {
  const scope = p.assessment ? `assessment ${mdText(p.assessment.title)} (revision ${p.assessment.revision})` : 'all current assessments';
  const s = p.summary;
  const parts: string[] = [
    '# Tasking pack',
    '',
    `Generated ${dateTime(p.generatedAt)} for ${scope}.`,
    '',
    '## At a glance',
    '',
    mdTable(
      ['Item', 'Count'],
      [
        ['Current threats', String(s.currentThreats)],
        ['Overdue tasks', String(s.overdue)],
        ['Acceptance overdue', String(s.acceptanceOverdue)],
        ['Declined tasks awaiting re-routing', String(s.declined)],
        ['Unrouted tasks', String(s.unrouted)],
        ['Threats with open intelligence gaps', String(s.intelligenceGaps)],
        ['of which with no live intelligence-collection task', String(s.intelligenceGapsWithoutLiveTask)],
        ['Open partner feedback', String(s.openFeedback)],
      ],
    ),
    '',
    '## Top priorities',
    '',
    p.topPriorities.length
      ? mdTable(
          ['#', 'Ref', 'Threat', 'Band', 'Score', 'Override', 'Tasks'],
          p.topPriorities.map((t) => [
            String(t.rank),
            mdText(t.ref),
            mdText(t.title),
            t.effectiveBand,
            String(t.score),
            t.override ? `${t.override.band} (computed ${t.band}): ${mdText(t.override.reason ?? '')}` : '',
            mdText(tallyText(t.tasks)),
          ]),
        )
      : NONE,
    '',
    '## Changes since the last revision',
    '',
    p.changes.total
      ? [
          ...(p.changes.total > p.changes.items.length ? [`Showing ${p.changes.items.length} of ${p.changes.total} revised assessments, most recently revised first.`, ''] : []),
          p.changes.items.map(changesMarkdown).join('\n\n'),
        ].join('\n')
      : NONE,
    '',
    section(
      'Overdue tasks',
      p.overdue,
      (items) =>
        mdTable(
          ['Task', 'Threat', 'Strand', 'Band', 'Lead', 'Status', 'Due', 'Days overdue'],
          items.map((t) => [mdText(t.title), threatCell(t), t.strand, t.band, org(t), t.status, dateOnly(t.dueAt), String(t.daysOverdue)]),
        ),
      p.listLimit,
    ),
    '',
    section(
      'Acceptance overdue',
      p.acceptanceOverdue,
      (items) =>
        mdTable(
          ['Task', 'Threat', 'Strand', 'Band', 'Lead', 'Accept by', 'Hours overdue'],
          items.map((t) => [mdText(t.title), threatCell(t), t.strand, t.band, org(t), dateTime(t.acceptBy), String(t.hoursOverdue)]),
        ),
      p.listLimit,
    ),
    '',
    section(
      'Declined tasks',
      p.declined,
      (items) =>
        mdTable(
          ['Task', 'Threat', 'Strand', 'Band', 'Declined by', 'Declined', 'Reason'],
          items.map((t) => [mdText(t.title), threatCell(t), t.strand, t.band, org(t), dateOnly(t.declinedAt), mdText(t.declineReason ?? '')]),
        ),
      p.listLimit,
    ),
    '',
    section(
      'Unrouted tasks',
      p.unrouted,
      (items) =>
        mdTable(
          ['Task', 'Threat', 'Strand', 'Capability', 'Band', 'Why unrouted'],
          items.map((t) => [mdText(t.title), threatCell(t), t.strand, mdText(t.capability), t.band, mdText(t.reason.message)]),
        ),
      p.listLimit,
    ),
    '',
    section(
      'Open intelligence gaps',
      p.intelligenceGaps,
      (items) =>
        mdTable(
          ['Ref', 'Threat', 'Band', 'Confidence', 'Gaps', 'Intelligence collection'],
          items.map((g) => [
            mdText(g.ref),
            mdText(g.title),
            g.effectiveBand,
            g.confidence + (g.needsIntelligence ? ' (needs intelligence)' : ''),
            mdText(g.gaps.join('; ')),
            g.intelligenceTask.live ? 'live task' : Object.keys(g.intelligenceTask.byStatus).length ? `no live task (${mdText(statusList(g.intelligenceTask.byStatus))})` : 'no task',
          ]),
        ),
      p.listLimit,
    ),
    '',
    section(
      'Open partner feedback',
      p.feedback,
      (items) =>
        mdTable(
          ['Ref', 'Threat', 'Band', 'Open', 'Suggest raise', 'Suggest lower'],
          items.map((f) => [
            mdText(f.threatRef),
            f.threatTitle === null ? '(removed in the latest revision)' : mdText(f.threatTitle),
            f.effectiveBand ?? '',
            String(f.open),
            String(f.suggestRaise),
            String(f.suggestLower),
          ]),
        ),
      p.listLimit,
    ),
    '',
  ];
  return parts.join('\n');
}

const statusList = (byStatus: Partial<Record<TaskStatus, number>>): string =>
  Object.entries(byStatus)
    .map(([s, n]) => `${s.replace('_', ' ')} ${n}`)
    .join(', ');

// --- CSV: the pack's action items --------------------------------------------------------------

export const PACK_ACTION_KINDS = [
  'overdue',
  'acceptance-overdue',
  'declined',
  'unrouted',
  'intelligence-gap',
  'partner-feedback',
  'threat-added',
  'threat-changed',
  'threat-removed',
] as const;
export type PackActionKind = (typeof PACK_ACTION_KINDS)[number];

export const PACK_CSV_HEADER = [
  'kind',
  'band',
  'assessmentId',
  'threatRef',
  'threatTitle',
  'taskId',
  'taskTitle',
  'strand',
  'capability',
  'status',
  'organisation',
  'date',
  'detail',
] as const;

const taskRow = (kind: PackActionKind, t: PackTask, date: string | null, detail: string): CsvValue[] => [
  kind,
  t.band,
  t.assessmentId,
  t.threatRef,
  t.threatTitle,
  t.id,
  t.title,
  t.strand,
  t.capability,
  t.status,
  t.organisationName,
  date,
  detail,
];

/**
 * Every item of the pack that needs someone to act, one row each, in the pack's order: late work,
 * declined and unrouted work to re-route, intelligence gaps, feedback to read, then the threats a
 * revision added, changed or removed (to re-task). Lists are as capped in the pack.
 */
export function packActionItems(p: TaskingPack): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const t of p.overdue.items) rows.push(taskRow('overdue', t, t.dueAt, `${t.daysOverdue} days overdue`));
  for (const t of p.acceptanceOverdue.items) rows.push(taskRow('acceptance-overdue', t, t.acceptBy, `${t.hoursOverdue} hours past the acceptance deadline`));
  for (const t of p.declined.items) rows.push(taskRow('declined', t, t.declinedAt, t.declineReason ?? ''));
  for (const t of p.unrouted.items) rows.push(taskRow('unrouted', t, null, t.reason.message));
  for (const g of p.intelligenceGaps.items) {
    const task = g.intelligenceTask.live ? 'intelligence-collection task live' : 'no live intelligence-collection task';
    rows.push(['intelligence-gap', g.effectiveBand, g.assessmentId, g.ref, g.title, null, null, null, 'intelligence-collection', null, null, null, `${g.gaps.join('; ') || 'low confidence'} (${task})`]);
  }
  for (const f of p.feedback.items) {
    rows.push(['partner-feedback', f.effectiveBand, f.assessmentId, f.threatRef, f.threatTitle, null, null, null, null, null, null, null, `${f.open} open (${f.suggestRaise} suggest raise, ${f.suggestLower} suggest lower)`]);
  }
  for (const c of p.changes.items) {
    for (const t of c.added) rows.push(['threat-added', t.band, c.assessmentId, t.ref, t.title, null, null, null, null, null, null, null, `new in revision ${c.to}, score ${t.score}`]);
    for (const t of c.changed) {
      const what = t.fields.length ? t.fields.join(', ') : 'score only';
      rows.push(['threat-changed', t.after.band, c.assessmentId, t.ref, t.title, null, null, null, null, null, null, null, `${t.movement}: ${t.before.band} to ${t.after.band}, score ${t.before.score} to ${t.after.score}; ${what}`]);
    }
    for (const t of c.removed) rows.push(['threat-removed', t.band, c.assessmentId, t.ref, t.title, null, null, null, null, null, null, null, `removed in revision ${c.to}`]);
  }
  return rows;
}

export const taskingPackCsv = (p: TaskingPack): string => toCsv(PACK_CSV_HEADER, packActionItems(p));
