import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiConsumes, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { UnsupportedMediaTypeError } from '@app/common';
import { PageQueryDto, resolvePage, sendJsonStream } from '@app/common/nest';
import { appConfig } from '@app/config';
import { AssessmentsService, type UploadInput } from '@app/assessments';
import { FeedbackService } from '@app/collaboration';
import { type Actor, CurrentActor, Roles } from '@app/identity';
import { CreateRevisionDto, DiffQueryDto, OverrideDto, PrioritiesQueryDto, UploadAssessmentDto, UploadQueryDto } from './assessments.dto';

/** Only JSON bodies and multipart uploads are understood; anything else is a 415, not a confusing 400. */
function assertUploadContentType(req: Request): void {
  if (!req.is(['application/json', 'multipart/form-data'])) {
    throw new UnsupportedMediaTypeError('Send multipart/form-data with a `file` field, or application/json { title, threats }');
  }
}

function toInput(req: Request, body: UploadAssessmentDto, file: Express.Multer.File | undefined, dryRun: boolean): UploadInput {
  assertUploadContentType(req);
  return {
    ...(file ? { file: { buffer: file.buffer, originalname: file.originalname } } : {}),
    ...(body.threats ? { threats: body.threats } : {}),
    title: body.title ?? (file?.originalname ? file.originalname.replace(/\.[^.]+$/, '') || file.originalname : undefined),
    dryRun,
  };
}

@ApiTags('assessments')
@ApiBearerAuth()
@Controller()
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly feedback: FeedbackService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @Post('assessments')
  @Roles('analyst')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: UploadAssessmentDto })
  @ApiUnprocessableEntityResponse({ description: 'Bad rows and fields, all listed in errors[] with row numbers' })
  @ApiCreatedResponse({ description: '`{ id, title, revision, scoringVersion, threats, plan: { tasks } }`' })
  async upload(
    @Req() req: Request,
    @Res() res: Response,
    @Query() q: UploadQueryDto,
    @Body() body: UploadAssessmentDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    // Streamed: a large assessment's answer is tens of MB; never hold it as one string and buffer.
    await sendJsonStream(res, 201, await this.assessments.create(actor, toInput(req, body, file, q.dryRun ?? false)));
  }

  @Post('assessments/:id/revisions')
  @Roles('analyst')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: CreateRevisionDto })
  @ApiConflictResponse({ description: 'baseRevision is not the latest revision' })
  @ApiCreatedResponse({ description: 'The new revision, as for an upload' })
  async revise(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: UploadQueryDto,
    @Body() body: CreateRevisionDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentActor() actor: Actor,
  ) {
    const input = toInput(req, body, file, q.dryRun ?? false);
    if (!body.title && file) delete input.title; // keep the assessment's title unless a new one is given
    if (body.addressedFeedbackIds) input.addressedFeedbackIds = body.addressedFeedbackIds;
    await sendJsonStream(res, 201, await this.assessments.revise(actor, id, body.baseRevision, input));
  }

  @Get('assessments')
  @Roles('analyst', 'coordinator', 'admin')
  list(@Query() q: PageQueryDto) {
    const { limit, offset } = resolvePage(q, this.app.pageSizeMax);
    return this.assessments.list(limit, offset);
  }

  @Get('assessments/:id')
  @Roles('analyst', 'coordinator', 'admin')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    // Analysts see the open partner feedback per threat when they revise (one grouped query).
    const [assessment, open] = await Promise.all([this.assessments.get(id), this.feedback.openCounts(id)]);
    return { ...assessment, threats: assessment.threats.map((t) => ({ ...t, openFeedback: open.get(t.ref) ?? 0 })) };
  }

  @Get('assessments/:id/revisions/:rev')
  @Roles('analyst', 'coordinator', 'admin')
  revision(@Param('id', new ParseUUIDPipe()) id: string, @Param('rev', new ParseIntPipe()) rev: number) {
    return this.assessments.getRevision(id, rev);
  }

  @Get('assessments/:id/diff')
  @Roles('analyst', 'coordinator', 'admin')
  diff(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: DiffQueryDto) {
    return this.assessments.diff(id, q.from, q.to);
  }

  @Get('priorities')
  @Roles('analyst', 'coordinator', 'admin')
  priorities(@Query() q: PrioritiesQueryDto) {
    const { limit, offset } = resolvePage(q, this.app.pageSizeMax);
    return this.assessments.priorities(limit, offset, { band: q.band, crimeArea: q.crimeArea });
  }

  @Put('threats/:id/override')
  @Roles('coordinator', 'admin')
  @HttpCode(200)
  override(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: OverrideDto, @CurrentActor() actor: Actor) {
    return this.assessments.override(actor, id, dto.band, dto.reason);
  }
}
