import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { RemindersModule, ReminderScheduler } from '@app/reminders/nest';
import { TaskingModule, TasksService } from '@app/tasking';

/**
 * Plugs the reminder scheduler into tasking: from start-up on, every task change (plan generation
 * and lifecycle share one listener list) plans its reminders in the same transaction and queues
 * them after commit. Import it wherever tasks change (the API; a CLI that issues tasks).
 */
@Module({
  imports: [RemindersModule.forApi(), TaskingModule],
  exports: [RemindersModule],
})
export class ReminderSchedulingModule implements OnModuleInit {
  constructor(
    @Inject(TasksService) private readonly tasks: TasksService,
    @Inject(ReminderScheduler) private readonly scheduler: ReminderScheduler,
  ) {}

  onModuleInit(): void {
    this.tasks.registerListener(this.scheduler);
  }
}
