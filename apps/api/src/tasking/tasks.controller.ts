import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { resolvePage } from '@app/common/nest';
import { appConfig } from '@app/config';
import { type Actor, AnyRole, CurrentActor, Roles } from '@app/identity';
import {
  BulkIssueDto,
  CancelTaskDto,
  CompleteTaskDto,
  DeclineTaskDto,
  ListTasksQueryDto,
  ReassignTaskDto,
  SupersedeTaskDto,
  TasksService,
  VersionedActionDto,
} from '@app/tasking';

const NOT_FOUND = 'No such task, or (partners) a task your organisation neither leads nor supports, or one not issued yet (the same answer)';
const CONFLICT = 'Illegal transition (names the current status and the allowed actions), or a stale version';

/**
 * Tasks and their lifecycle. Coordinator actions and the history are also open to partners at the
 * route level so that a partner asking about another organisation's task (or a task not yet issued)
 * gets the scope answer (404) rather than a role answer that would confirm the task exists; the
 * service then answers 403 on their own tasks.
 */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Tasks, most urgent first (band, then due date); partners see their organisation’s only' })
  list(@Query() q: ListTasksQueryDto, @CurrentActor() actor: Actor) {
    const { limit, offset } = resolvePage(q, this.app.pageSizeMax);
    const { status, threatId, organisationId, band, assessmentId, unrouted } = q;
    return this.tasks.list(actor, { status, threatId, organisationId, band, assessmentId, unrouted }, limit, offset);
  }

  @Post('issue')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Bulk issue: a whole plan ({ assessmentId }, unrouted tasks skipped) or { taskIds } (all or nothing)' })
  @ApiNotFoundResponse({ description: 'Unknown assessment or task id' })
  @ApiConflictResponse({ description: 'With taskIds: a task is not proposed or is unrouted; nothing is issued' })
  issueMany(@Body() dto: BulkIssueDto, @CurrentActor() actor: Actor) {
    return this.tasks.issueMany(actor, dto);
  }

  @Get(':id')
  @AnyRole()
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.tasks.get(actor, id);
  }

  @Get(':id/history')
  @Roles('coordinator', 'admin', 'analyst', 'partner')
  @ApiOperation({ summary: 'Every lifecycle action on the task: who, when, why (Taskforce staff)' })
  @ApiForbiddenResponse({ description: 'A partner, on a task its organisation leads or supports: the history is for Taskforce staff' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  history(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.tasks.history(actor, id);
  }

  // --- coordinator actions ---------------------------------------------------------------------

  @Post(':id/issue')
  @HttpCode(200)
  @Roles('coordinator', 'admin', 'partner')
  @ApiOperation({ summary: 'proposed → assigned: sets the acceptance deadline and due date' })
  @ApiOkResponse({ description: 'The task' })
  @ApiForbiddenResponse({ description: 'Not a coordinator' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: `${CONFLICT}; or the task is unrouted (reassign it first)` })
  issue(@Param('id') id: string, @Body() dto: VersionedActionDto, @CurrentActor() actor: Actor) {
    return this.tasks.issue(actor, id, dto);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Roles('coordinator', 'admin', 'partner')
  @ApiOperation({ summary: 'Choose a new lead: proposed stays proposed; assigned or declined is re-issued to the new lead' })
  @ApiForbiddenResponse({ description: 'Not a coordinator' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: CONFLICT })
  @ApiUnprocessableEntityResponse({ description: 'Not a partner organisation, not cleared for the task, or already the lead' })
  reassign(@Param('id') id: string, @Body() dto: ReassignTaskDto, @CurrentActor() actor: Actor) {
    return this.tasks.reassign(actor, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('coordinator', 'admin', 'partner')
  @ApiOperation({ summary: 'completed → closed: a coordinator confirms the outcome' })
  @ApiForbiddenResponse({ description: 'Not a coordinator' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: CONFLICT })
  close(@Param('id') id: string, @Body() dto: VersionedActionDto, @CurrentActor() actor: Actor) {
    return this.tasks.close(actor, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('coordinator', 'admin', 'partner')
  @ApiOperation({ summary: 'Any open state → cancelled, with a reason' })
  @ApiForbiddenResponse({ description: 'Not a coordinator' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: CONFLICT })
  cancel(@Param('id') id: string, @Body() dto: CancelTaskDto, @CurrentActor() actor: Actor) {
    return this.tasks.cancel(actor, id, dto);
  }

  @Post(':id/supersede')
  @HttpCode(200)
  @Roles('coordinator', 'admin', 'partner')
  @ApiOperation({ summary: 'Any open state → superseded: confirms that a revision made the task obsolete' })
  @ApiForbiddenResponse({ description: 'Not a coordinator' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: CONFLICT })
  supersede(@Param('id') id: string, @Body() dto: SupersedeTaskDto, @CurrentActor() actor: Actor) {
    return this.tasks.supersede(actor, id, dto);
  }

  // --- lead partner actions --------------------------------------------------------------------

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('partner')
  @ApiOperation({ summary: 'assigned → accepted (the lead organisation)' })
  @ApiForbiddenResponse({ description: 'Your organisation supports the task but does not lead it' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: CONFLICT })
  accept(@Param('id') id: string, @Body() dto: VersionedActionDto, @CurrentActor() actor: Actor) {
    return this.tasks.accept(actor, id, dto);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('partner')
  @ApiOperation({ summary: 'assigned → declined, with a reason; the task goes back to coordinators to re-route' })
  @ApiForbiddenResponse({ description: 'Your organisation supports the task but does not lead it' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: CONFLICT })
  decline(@Param('id') id: string, @Body() dto: DeclineTaskDto, @CurrentActor() actor: Actor) {
    return this.tasks.decline(actor, id, dto);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Roles('partner')
  @ApiOperation({ summary: 'accepted → in_progress (the lead organisation)' })
  @ApiForbiddenResponse({ description: 'Your organisation supports the task but does not lead it' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: CONFLICT })
  start(@Param('id') id: string, @Body() dto: VersionedActionDto, @CurrentActor() actor: Actor) {
    return this.tasks.start(actor, id, dto);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('partner')
  @ApiOperation({ summary: 'in_progress → completed, with a non-empty outcome (the lead organisation)' })
  @ApiForbiddenResponse({ description: 'Your organisation supports the task but does not lead it' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: CONFLICT })
  complete(@Param('id') id: string, @Body() dto: CompleteTaskDto, @CurrentActor() actor: Actor) {
    return this.tasks.complete(actor, id, dto);
  }
}
