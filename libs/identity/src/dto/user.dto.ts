import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@app/common';

export class CreateUserDto {
  @ApiProperty({ example: 'analyst@taskforce.example' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 128 })
  @IsString()
  @Length(10, 128)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  displayName?: string;
}

export class LoginDto {
  @ApiProperty({ example: 'coordinator@taskforce.example' })
  @IsString()
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(128)
  password: string;
}
