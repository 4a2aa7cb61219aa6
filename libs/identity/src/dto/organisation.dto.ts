import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { CLASSIFICATIONS, ORGANISATION_KINDS, type Classification, type OrganisationKind } from '@app/common';

export const REGION_PATTERN = /^(national|[A-Z0-9][A-Z0-9-]{0,31})$/;

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Greater Manchester Police' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind: OrganisationKind;

  @ApiProperty({ type: [String], example: ['enforcement', 'safeguarding'], description: 'From config/capabilities.json' })
  @IsString({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(20)
  capabilities: string[];

  @ApiProperty({ type: [String], example: ['ENG-NW'], description: 'Region codes, or `national`' })
  @Matches(REGION_PATTERN, { each: true, message: 'each jurisdiction must be an upper-case region code (e.g. ENG-NW) or national' })
  @ArrayUnique()
  @ArrayMaxSize(50)
  jurisdictions: string[];

  @ApiProperty({ enum: CLASSIFICATIONS })
  @IsIn(CLASSIFICATIONS)
  clearance: Classification;

  @ApiProperty({ minimum: 1, description: 'Open tasks it can hold' })
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity: number;

  @ApiPropertyOptional({ example: 'https://partner.example/hooks/taskforce' })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  webhookUrl?: string;

  @ApiPropertyOptional({ example: 'duty-desk@partner.example' })
  @IsOptional()
  @IsEmail()
  contactEmail?: string;
}

export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto) {}
