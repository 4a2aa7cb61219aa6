import { Module } from '@nestjs/common';
import { AssessmentsModule } from '@app/assessments/assessments.module';
import { CollaborationModule } from '@app/collaboration';
import { IdentityModule } from '@app/identity';
import { TaskingModule } from '@app/tasking';
import { CoverageReportService } from './application/coverage-report.service';
import { ReportReader } from './application/report-reader';
import { TaskingPackService } from './application/tasking-pack.service';
import { WorkloadReportService } from './application/workload-report.service';

/**
 * Read-only reports over assessments, tasks, organisations and feedback. The owning modules are
 * imported so that the entities these queries read are registered wherever reporting is used.
 */
@Module({
  imports: [AssessmentsModule, TaskingModule, IdentityModule, CollaborationModule],
  providers: [ReportReader, CoverageReportService, TaskingPackService, WorkloadReportService],
  exports: [CoverageReportService, TaskingPackService, WorkloadReportService],
})
export class ReportingModule {}
