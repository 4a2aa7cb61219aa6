import { Identity1732240000000 } from './1732240000000-identity';

/** Every migration, in order. Listed as classes (not a glob) so bundled builds find them. */
export const MIGRATIONS = [Identity1732240000000];
