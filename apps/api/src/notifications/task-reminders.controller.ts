import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, AnyRole, CurrentActor, Roles } from '@app/identity';
import { ReminderQueries } from '@app/reminders/nest';
import { TasksService } from '@app/tasking';

const NOT_FOUND = 'No such task, or a task your organisation neither leads nor supports (the same answer)';

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

  @Get(':id/deliveries')
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Webhook and email deliveries of the task’s reminders, with every attempt' })
  @ApiNotFoundResponse({ description: 'No such task' })
  async deliveries(@Param('id') id: string, @CurrentActor() actor: Actor) {
    await this.tasks.findVisible(actor, id);
    return this.queries.deliveriesOfTask(id);
  }
}
