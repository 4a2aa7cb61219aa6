import type { OrganisationKind, Role } from '@app/common';

/** Who is calling: decoded from the token and re-checked against the database on every request. */
export interface Actor {
  id: string;
  email: string;
  role: Role;
  organisationId: string;
  organisationKind: OrganisationKind;
}

/** Coordinators' powers include admins' (PRODUCT.md: admin may do everything a coordinator may). */
export const isCoordinatorLike = (a: Actor): boolean => a.role === 'coordinator' || a.role === 'admin';
