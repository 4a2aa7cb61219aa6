"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.AccessGuard = void 0;
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const jwt_1 = require("@nestjs/jwt");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const common_2 = require("../../../common/src");
const organisation_entity_1 = require("../infrastructure/persistence/organisation.entity");
const user_entity_1 = require("../infrastructure/persistence/user.entity");
const access_decorators_1 = require("./access.decorators");
let AccessGuard = class AccessGuard {
    reflector;
    jwt;
    users;
    orgs;
    constructor(reflector, jwt, users, orgs) {
        this.reflector = reflector;
        this.jwt = jwt;
        this.users = users;
        this.orgs = orgs;
    }
    async canActivate(ctx) {
        const targets = [ctx.getHandler(), ctx.getClass()];
        if (this.reflector.getAllAndOverride(access_decorators_1.PUBLIC_KEY, targets))
            return true;
        const req = ctx.switchToHttp().getRequest();
        const actor = await this.authenticate(req.headers.authorization);
        req.actor = actor;
        const roles = this.reflector.getAllAndOverride(access_decorators_1.ROLES_KEY, targets);
        if (!roles || !roles.includes(actor.role))
            throw new common_2.ForbiddenError();
        return true;
    }
    async authenticate(header) {
        const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header ?? '');
        if (!match)
            throw new common_2.UnauthorizedError('A bearer token is required');
        let claims;
        try {
            claims = await this.jwt.verifyAsync(match[1]);
        }
        catch {
            throw new common_2.UnauthorizedError('The token is invalid or has expired');
        }
        const user = await this.users.findOne({ where: { id: claims.sub } });
        if (!user || !user.active)
            throw new common_2.UnauthorizedError('The token is invalid or has expired');
        const org = await this.orgs.findOne({ where: { id: user.organisationId }, select: { id: true, kind: true } });
        if (!org)
            throw new common_2.UnauthorizedError('The token is invalid or has expired');
        return { id: user.id, email: user.email, role: user.role, organisationId: org.id, organisationKind: org.kind };
    }
};
exports.AccessGuard = AccessGuard;
exports.AccessGuard = AccessGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(2, (0, typeorm_1.InjectRepository)(user_entity_1.UserEntity)),
    __param(3, (0, typeorm_1.InjectRepository)(organisation_entity_1.OrganisationEntity)),
    __metadata("design:paramtypes", [core_1.Reflector,
        jwt_1.JwtService,
        typeorm_2.Repository,
        typeorm_2.Repository])
], AccessGuard);
//# sourceMappingURL=access.guard.js.map