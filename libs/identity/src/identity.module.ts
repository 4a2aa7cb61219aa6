import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { authConfig } from '@app/config';
import { AccessGuard } from './auth/access.guard';
import { AuthService } from './auth/auth.service';
import { BootstrapAdminService } from './auth/bootstrap-admin.service';
import { PasswordHasher } from './auth/password-hasher';
import { OrganisationEntity } from './infrastructure/persistence/organisation.entity';
import { UserEntity } from './infrastructure/persistence/user.entity';
import { CapabilityVocabulary } from './organisations/capability-vocabulary';
import { OrganisationsService } from './organisations/organisations.service';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([OrganisationEntity, UserEntity]),
    JwtModule.registerAsync({
      inject: [authConfig.KEY],
      useFactory: (auth: ConfigType<typeof authConfig>) => ({
        // A KeyObject, not a string: jsonwebtoken otherwise tries (and fails) to parse the string as a
        // public key on every verify, about 12% of a simple request's CPU.
        secret: createSecretKey(Buffer.from(auth.jwtSecret, 'utf8')),
        signOptions: { expiresIn: auth.jwtTtl as `${number}h`, algorithm: 'HS256', issuer: 'taskforce' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'taskforce' },
      }),
    }),
  ],
  providers: [AccessGuard, AuthService, BootstrapAdminService, PasswordHasher, CapabilityVocabulary, OrganisationsService, UsersService],
  exports: [AccessGuard, AuthService, BootstrapAdminService, CapabilityVocabulary, OrganisationsService, UsersService, JwtModule, TypeOrmModule],
})
export class IdentityModule {}
