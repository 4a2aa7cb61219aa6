import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '@app/identity';
import {
  COVERAGE_DEFAULT_LIMIT,
  COVERAGE_MAX_LIMIT,
  CoverageReportService,
  coverageCsv,
  renderTaskingPackMarkdown,
  TaskingPackService,
  taskingPackCsv,
  WorkloadReportService,
  workloadCsv,
} from '@app/reporting';
import { CoverageQueryDto, TaskingPackQueryDto, WorkloadQueryDto } from './reports.dto';

const CSV = 'text/csv; charset=utf-8';
const MARKDOWN = 'text/markdown; charset=utf-8';
const BAD_REQUEST = 'An unknown format, a malformed assessmentId, or an unknown query parameter';

/** `coverage-20261122T101500Z.csv`: the report and the moment it describes, safe in any file system. */
const fileName = (report: string, generatedAt: string, ext: string): string =>
  `${report}-${generatedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.${ext}`;

/** A download: the content type, and a file name so a browser saves it rather than showing it. */
function asFile(res: Response, type: string, name: string, body: string): string {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  return body;
}

/**
 * Reports for coordinators (admins may do what coordinators do); analysts may read the coverage
 * matrix. Partners get 403 on every report route (the role, not a scope question: no report is
 * about one organisation's tasks only). JSON by default; `?format=` picks CSV or, for the pack, Markdown.
 */
@ApiTags('reports')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Partners, on every report; analysts, on the pack and the workload' })
@ApiBadRequestResponse({ description: BAD_REQUEST })
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly coverageReports: CoverageReportService,
    private readonly packs: TaskingPackService,
    private readonly workloads: WorkloadReportService,
  ) {}

  @Get('coverage')
  @Roles('coordinator', 'admin', 'analyst')
  @ApiOperation({
    summary: 'Coverage matrix: current threats (ranked) × pursue, prevent, protect, prepare, with the tasks and gaps of each cell',
    description:
      `A cell is covered (a task issued, in hand or done), planned (only routed proposed tasks) or a gap (no task, or only unrouted, declined, cancelled or superseded ones). ` +
      `Threats are paged (default ${COVERAGE_DEFAULT_LIMIT}, at most ${COVERAGE_MAX_LIMIT}); the summary covers every threat in scope. CSV carries X-Total-Count.`,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: '`{ generatedAt, assessment, strands, summary, items, total, limit, offset }`, or CSV (one row per threat × strand)' })
  @ApiNotFoundResponse({ description: 'Unknown assessmentId' })
  async coverage(@Query() q: CoverageQueryDto, @Res({ passthrough: true }) res: Response) {
    const limit = Math.min(q.limit ?? COVERAGE_DEFAULT_LIMIT, COVERAGE_MAX_LIMIT);
    const report = await this.coverageReports.build({ assessmentId: q.assessmentId, limit, offset: q.offset ?? 0 });
    if (q.format !== 'csv') return report;
    // CSV has no envelope: the threat count tells a client whether to ask for the next page.
    res.setHeader('X-Total-Count', String(report.total));
    return asFile(res, CSV, fileName('coverage', report.generatedAt, 'csv'), coverageCsv(report));
  }

  @Get('tasking-pack')
  @Roles('coordinator', 'admin')
  @ApiOperation({
    summary: 'Pack for the tasking and coordination meeting',
    description:
      'Top priorities, changes since the last revision, overdue, acceptance-overdue, declined and unrouted tasks, open intelligence gaps and open partner feedback. ' +
      'md: the document for the meeting; csv: one row per action item.',
  })
  @ApiProduces('application/json', 'text/markdown', 'text/csv')
  @ApiNotFoundResponse({ description: 'Unknown assessmentId' })
  async taskingPack(@Query() q: TaskingPackQueryDto, @Res({ passthrough: true }) res: Response) {
    const pack = await this.packs.build({ assessmentId: q.assessmentId });
    if (q.format === 'md') return asFile(res, MARKDOWN, fileName('tasking-pack', pack.generatedAt, 'md'), renderTaskingPackMarkdown(pack));
    if (q.format === 'csv') return asFile(res, CSV, fileName('tasking-pack', pack.generatedAt, 'csv'), taskingPackCsv(pack));
    return pack;
  }

  @Get('workload')
  @Roles('coordinator', 'admin')
  @ApiOperation({
    summary: 'Per partner: capacity, held tasks by status, load (held ÷ capacity), overdue, declined, completed in the last 30 days; heaviest load first',
  })
  @ApiProduces('application/json', 'text/csv')
  async workload(@Query() q: WorkloadQueryDto, @Res({ passthrough: true }) res: Response) {
    const report = await this.workloads.build();
    if (q.format === 'csv') return asFile(res, CSV, fileName('workload', report.generatedAt, 'csv'), workloadCsv(report));
    return report;
  }
}
