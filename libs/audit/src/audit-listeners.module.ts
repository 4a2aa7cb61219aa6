import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AssessmentsService } from '@app/assessments/application/assessments.service';
import { AssessmentsModule } from '@app/assessments/assessments.module';
import { TaskingModule, TasksService } from '@app/tasking';
import { RevisionAuditListener } from './application/revision-audit.listener';
import { TaskAuditListener } from './application/task-audit.listener';
import { AuditModule } from './audit.module';

/**
 * Subscribes the audit log to task changes and stored revisions (the ports tasking and assessments
 * offer), as the reminders module does for tasks.
 *
 * Registered at application bootstrap, after every module's onModuleInit has registered its own
 * listeners, so audit runs last in each transaction: it then records the plan tasking generated, and
 * on PostgreSQL it takes the chain lock as late as possible, which keeps the time audit appends are
 * serialised short.
 */
@Module({
  imports: [AuditModule, TaskingModule, AssessmentsModule],
  providers: [TaskAuditListener, RevisionAuditListener],
})
export class AuditListenersModule implements OnApplicationBootstrap {
  constructor(
    @Inject(TasksService) private readonly tasks: TasksService,
    @Inject(AssessmentsService) private readonly assessments: AssessmentsService,
    @Inject(TaskAuditListener) private readonly taskListener: TaskAuditListener,
    @Inject(RevisionAuditListener) private readonly revisionListener: RevisionAuditListener,
  ) {}

  onApplicationBootstrap(): void {
    this.tasks.registerListener(this.taskListener);
    this.assessments.registerListener(this.revisionListener);
  }
}
