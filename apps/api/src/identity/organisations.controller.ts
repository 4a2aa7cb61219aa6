import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, resolvePage } from '@app/common/nest';
import { appConfig } from '@app/config';
import {
  type Actor,
  AnyRole,
  CreateOrganisationDto,
  CurrentActor,
  organisationView,
  OrganisationsService,
  Roles,
  UpdateOrganisationDto,
} from '@app/identity';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly orgs: OrganisationsService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @Post()
  @Roles('admin')
  async create(@Body() dto: CreateOrganisationDto) {
    return organisationView(await this.orgs.create(dto), 'admin');
  }

  @Get()
  @AnyRole()
  async list(@Query() q: PageQueryDto, @CurrentActor() actor: Actor) {
    const { limit, offset } = resolvePage(q, this.app.pageSizeMax);
    const page = await this.orgs.list(limit, offset);
    return { ...page, items: page.items.map((o) => organisationView(o, actor)) };
  }

  @Patch(':id')
  @Roles('admin')
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateOrganisationDto) {
    return organisationView(await this.orgs.update(id, dto), 'admin');
  }
}
