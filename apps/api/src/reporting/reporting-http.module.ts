import { Module } from '@nestjs/common';
import { ReportingModule } from '@app/reporting';
import { ReportsController } from './reports.controller';

/** The reports HTTP surface: coverage matrix, tasking pack and partner workload. */
@Module({
  imports: [ReportingModule],
  controllers: [ReportsController],
})
export class ReportingHttpModule {}
