import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { authConfig } from '@app/config';
import { OrganisationsService } from '../organisations/organisations.service';
import { UsersService } from '../users/users.service';

export const TASKFORCE_ORG_NAME = 'Serious Organised Crime Taskforce';

/** On first start (no user at all) creates the admin named by BOOTSTRAP_ADMIN_EMAIL/PASSWORD. */
@Injectable()
export class BootstrapAdminService {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
    private readonly users: UsersService,
    private readonly orgs: OrganisationsService,
  ) {}

  async ensureAdmin(): Promise<void> {
    const { bootstrapAdminEmail: email, bootstrapAdminPassword: password } = this.auth;
    if (!email || !password) return;
    if ((await this.users.count()) > 0) return;
    const org =
      (await this.orgs.findByName(TASKFORCE_ORG_NAME)) ??
      (await this.orgs.create({
        name: TASKFORCE_ORG_NAME,
        kind: 'taskforce',
        capabilities: ['intelligence-collection'],
        jurisdictions: ['national'],
        clearance: 'SECRET',
        capacity: 1000,
      }));
    await this.users.create({ email, password, role: 'admin', organisationId: org.id, displayName: 'Bootstrap admin' });
    this.logger.log(`created bootstrap admin ${email.toLowerCase()}`);
  }
}
