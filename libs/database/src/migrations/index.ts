import { Identity1732240000000 } from './1732240000000-identity';
import { Assessments1732240100000 } from './1732240100000-assessments';
import { Tasking1732240200000 } from './1732240200000-tasking';
import { Reminders1732240300000 } from './1732240300000-reminders';
import { Feedback1732240400000 } from './1732240400000-feedback';
import { Audit1732240500000 } from './1732240500000-audit';

/** Every migration, in order. Listed as classes (not a glob) so bundled builds find them. */
export const MIGRATIONS = [Identity1732240000000, Assessments1732240100000, Tasking1732240200000, Reminders1732240300000, Feedback1732240400000, Audit1732240500000];
