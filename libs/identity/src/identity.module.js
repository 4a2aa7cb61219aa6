"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdentityModule = void 0;
const common_1 = require("@nestjs/common");
const jwt_1 = require("@nestjs/jwt");
const typeorm_1 = require("@nestjs/typeorm");
const config_1 = require("../../config/src");
const access_guard_1 = require("./auth/access.guard");
const auth_service_1 = require("./auth/auth.service");
const bootstrap_admin_service_1 = require("./auth/bootstrap-admin.service");
const password_hasher_1 = require("./auth/password-hasher");
const organisation_entity_1 = require("./infrastructure/persistence/organisation.entity");
const user_entity_1 = require("./infrastructure/persistence/user.entity");
const capability_vocabulary_1 = require("./organisations/capability-vocabulary");
const organisations_service_1 = require("./organisations/organisations.service");
const users_service_1 = require("./users/users.service");
let IdentityModule = class IdentityModule {
};
exports.IdentityModule = IdentityModule;
exports.IdentityModule = IdentityModule = __decorate([
    (0, common_1.Module)({
        imports: [
            typeorm_1.TypeOrmModule.forFeature([organisation_entity_1.OrganisationEntity, user_entity_1.UserEntity]),
            jwt_1.JwtModule.registerAsync({
                inject: [config_1.authConfig.KEY],
                useFactory: (auth) => ({
                    secret: auth.jwtSecret,
                    signOptions: { expiresIn: auth.jwtTtl, algorithm: 'HS256', issuer: 'taskforce' },
                    verifyOptions: { algorithms: ['HS256'], issuer: 'taskforce' },
                }),
            }),
        ],
        providers: [access_guard_1.AccessGuard, auth_service_1.AuthService, bootstrap_admin_service_1.BootstrapAdminService, password_hasher_1.PasswordHasher, capability_vocabulary_1.CapabilityVocabulary, organisations_service_1.OrganisationsService, users_service_1.UsersService],
        exports: [access_guard_1.AccessGuard, auth_service_1.AuthService, bootstrap_admin_service_1.BootstrapAdminService, capability_vocabulary_1.CapabilityVocabulary, organisations_service_1.OrganisationsService, users_service_1.UsersService, jwt_1.JwtModule, typeorm_1.TypeOrmModule],
    })
], IdentityModule);
//# sourceMappingURL=identity.module.js.map