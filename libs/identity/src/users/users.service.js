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
exports.UsersService = void 0;
exports.toUserView = toUserView;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const common_2 = require("../../../common/src");
const database_1 = require("../../../database/src");
const password_hasher_1 = require("../auth/password-hasher");
const organisation_entity_1 = require("../infrastructure/persistence/organisation.entity");
const user_entity_1 = require("../infrastructure/persistence/user.entity");
const organisations_service_1 = require("../organisations/organisations.service");
const REQUIRED_KIND = {
    admin: 'taskforce',
    coordinator: 'taskforce',
    analyst: 'taskforce',
    partner: 'partner',
};
let UsersService = class UsersService {
    users;
    orgs;
    hasher;
    constructor(users, orgs, hasher) {
        this.users = users;
        this.orgs = orgs;
        this.hasher = hasher;
    }
    async create(dto) {
        const org = await this.orgs.findOne({ where: { id: dto.organisationId } });
        if (!org) {
            throw new common_2.UnprocessableError('The organisation does not exist', [
                { field: 'organisationId', value: dto.organisationId, message: 'must be the id of an existing organisation' },
            ]);
        }
        if (REQUIRED_KIND[dto.role] !== org.kind) {
            throw new common_2.UnprocessableError(`A ${dto.role} must belong to a ${REQUIRED_KIND[dto.role]} organisation`, [
                { field: 'organisationId', value: dto.organisationId, message: `must be a ${REQUIRED_KIND[dto.role]} organisation for role ${dto.role}` },
            ]);
        }
        const email = dto.email.trim().toLowerCase();
        if (await this.users.exists({ where: { email } }))
            throw new common_2.ConflictError(`A user with email ${email} already exists`);
        const now = (0, database_1.nowIso)();
        const user = {
            id: (0, node_crypto_1.randomUUID)(),
            email,
            passwordHash: await this.hasher.hash(dto.password),
            role: dto.role,
            organisationId: org.id,
            displayName: dto.displayName ?? null,
            active: true,
            createdAt: now,
            updatedAt: now,
        };
        try {
            await this.users.insert(user);
        }
        catch (err) {
            if ((0, organisations_service_1.isUniqueViolation)(err))
                throw new common_2.ConflictError(`A user with email ${email} already exists`);
            throw err;
        }
        return toUserView(user);
    }
    async list(limit, offset, organisationId) {
        const [items, total] = await this.users.findAndCount({
            where: organisationId ? { organisationId } : {},
            order: { email: 'ASC' },
            take: limit,
            skip: offset,
        });
        return { items: items.map(toUserView), total, limit, offset };
    }
    count() {
        return this.users.count();
    }
    findByEmailWithHash(email) {
        return this.users
            .createQueryBuilder('u')
            .addSelect('u.passwordHash')
            .where('u.email = :email', { email: email.trim().toLowerCase() })
            .getOne();
    }
    findByEmail(email) {
        return this.users.findOne({ where: { email: email.trim().toLowerCase() } });
    }
    findByRoles(roles) {
        return this.users.find({ where: roles.map((role) => ({ role, active: true })) });
    }
};
exports.UsersService = UsersService;
exports.UsersService = UsersService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(user_entity_1.UserEntity)),
    __param(1, (0, typeorm_1.InjectRepository)(organisation_entity_1.OrganisationEntity)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        typeorm_2.Repository,
        password_hasher_1.PasswordHasher])
], UsersService);
function toUserView(u) {
    const { passwordHash: _hash, ...rest } = u;
    return rest;
}
//# sourceMappingURL=users.service.js.map