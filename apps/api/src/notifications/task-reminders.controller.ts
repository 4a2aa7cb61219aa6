import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, AnyRole, CurrentActor, Roles } from '@app/identity';
import { ReminderQueries } from '@app/reminders/nest';
import { TasksService } from '@app/tasking';

const NOT_FOUND = 'No such task, or (partners) a task your organisation neither leads nor supports, or one not issued yet (the same answer)';

/** A task's reminders and deliveries, scoped exactly like the task itself (TasksService.findVisible). */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TaskRemindersController {
  constructor(
    private readonly tasks: TasksService,
    private readonly queries: ReminderQueries,
  ) {}

  @Get(':id/reminders')
  @AnyRole()
  @ApiOperation({ summary: 'The task’s reminders and escalations: scheduled, sent, cancelled and skipped' })
  @ApiOkResponse({ description: '{ items: [{ id, kind, occurrence, audience, fireAt, status, taskVersion, sentAt, createdAt }] }' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async reminders(@Param('id') id: string, @CurrentActor() actor: Actor) {
    await this.tasks.findVisible(actor, id);
    return this.queries.remindersOfTask(id);
  }

  /**
   * Coordinators and admins. Partners pass the role check so that scope answers first: 404 for a task
   * outside their scope (as for everything under a task), 403 on their own, since deliveries carry
   * other recipients' webhook endpoints, addresses and errors. Analysts: 403 (role).
   */
  @Get(':id/deliveries')
  @Roles('coordinator', 'admin', 'partner')
  @ApiOperation({ summary: 'Webhook and email deliveries of the task’s reminders, with every attempt (coordinators)' })
  @ApiForbiddenResponse({ description: 'Not a coordinator or admin (a partner: only on a task in its scope)' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async deliveries(@Param('id') id: string, @CurrentActor() actor: Actor) {
    await this.tasks.findVisibleToStaff(actor, id, 'A task’s deliveries are for coordinators');
    return this.queries.deliveriesOfTask(id);
  }
}
