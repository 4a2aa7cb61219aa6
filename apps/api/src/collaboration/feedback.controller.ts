import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, resolvePage } from '@app/common/nest';
import { appConfig } from '@app/config';
import { FeedbackService, PostFeedbackDto, ThreatFeedbackQueryDto } from '@app/collaboration';
import { type Actor, CurrentActor, Roles } from '@app/identity';

const TASK_NOT_FOUND = 'No such task, or one your organisation neither leads nor supports, or not yet issued (the same answer)';

/** Feedback on the threat behind a task: the partners' voice, posted on the task they work. */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller('tasks/:id/feedback')
export class TaskFeedbackController {
  constructor(
    private readonly feedback: FeedbackService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @Post()
  @Roles('partner')
  @ApiOperation({ summary: 'Post feedback on the threat { kind, detail, suggests }: partners of the lead or a supporting organisation' })
  @ApiNotFoundResponse({ description: TASK_NOT_FOUND })
  @ApiForbiddenResponse({ description: 'Coordinators, analysts and admins read feedback; only partners give it' })
  post(@Param('id') id: string, @Body() dto: PostFeedbackDto, @CurrentActor() actor: Actor) {
    return this.feedback.post(actor, id, dto);
  }

  @Get()
  @Roles('partner', 'coordinator', 'admin')
  @ApiOperation({ summary: "The task's feedback, newest first (partners: their own organisation's only)" })
  @ApiNotFoundResponse({ description: TASK_NOT_FOUND })
  @ApiForbiddenResponse({ description: 'Analysts read feedback per threat: GET /api/threats/{id}/feedback' })
  list(@Param('id') id: string, @Query() q: PageQueryDto, @CurrentActor() actor: Actor) {
    const { limit, offset } = resolvePage(q, this.app.pageSizeMax);
    return this.feedback.listForTask(actor, id, limit, offset);
  }
}

/** What partners said about a threat, for the analysts revising it and the coordinators tasking it. */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller('threats/:id/feedback')
@Roles('analyst', 'coordinator', 'admin')
export class ThreatFeedbackController {
  constructor(
    private readonly feedback: FeedbackService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @Get()
  @ApiOperation({ summary: "Feedback on the threat across all revisions of its assessment (by ref), newest first" })
  @ApiNotFoundResponse({ description: 'No such threat' })
  @ApiForbiddenResponse({ description: 'Partners see only the summary of the threat behind their tasks' })
  list(@Param('id') id: string, @Query() q: ThreatFeedbackQueryDto, @CurrentActor() actor: Actor) {
    const { limit, offset } = resolvePage(q, this.app.pageSizeMax);
    return this.feedback.listForThreat(actor, id, q.status, limit, offset);
  }
}
