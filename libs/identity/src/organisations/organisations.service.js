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
exports.OrganisationsService = void 0;
exports.organisationView = organisationView;
exports.isUniqueViolation = isUniqueViolation;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const common_2 = require("../../../common/src");
const database_1 = require("../../../database/src");
const organisation_entity_1 = require("../infrastructure/persistence/organisation.entity");
const capability_vocabulary_1 = require("./capability-vocabulary");
let OrganisationsService = class OrganisationsService {
    repo;
    vocabulary;
    constructor(repo, vocabulary) {
        this.repo = repo;
        this.vocabulary = vocabulary;
    }
    async create(dto) {
        this.vocabulary.assertKnown(dto.capabilities);
        await this.assertNameFree(dto.name);
        const now = (0, database_1.nowIso)();
        const org = {
            id: (0, node_crypto_1.randomUUID)(),
            name: dto.name.trim(),
            kind: dto.kind,
            capabilities: dto.capabilities,
            jurisdictions: dto.jurisdictions,
            clearance: dto.clearance,
            capacity: dto.capacity,
            webhookUrl: dto.webhookUrl ?? null,
            webhookSecret: dto.webhookUrl ? newWebhookSecret() : null,
            contactEmail: dto.contactEmail ?? null,
            createdAt: now,
            updatedAt: now,
            version: 1,
        };
        try {
            await this.repo.insert(org);
        }
        catch (err) {
            if (isUniqueViolation(err))
                throw new common_2.ConflictError(`An organisation named "${dto.name}" already exists`);
            throw err;
        }
        return org;
    }
    async update(id, dto) {
        const org = await this.get(id);
        if (dto.capabilities)
            this.vocabulary.assertKnown(dto.capabilities);
        if (dto.name && dto.name.trim() !== org.name)
            await this.assertNameFree(dto.name);
        const next = {
            ...org,
            ...stripUndefined(dto),
            name: dto.name?.trim() ?? org.name,
            updatedAt: (0, database_1.nowIso)(),
            version: org.version + 1,
        };
        if (next.webhookUrl && !next.webhookSecret)
            next.webhookSecret = newWebhookSecret();
        const { id: _id, ...changes } = next;
        const res = await this.repo.update({ id, version: org.version }, changes);
        if (!res.affected)
            throw new common_2.ConflictError('The organisation was changed by someone else; reload and retry');
        return next;
    }
    async get(id) {
        const org = await this.repo.findOne({ where: { id } });
        if (!org)
            throw new common_2.NotFoundError('Organisation', id);
        return org;
    }
    async list(limit, offset) {
        const [items, total] = await this.repo.findAndCount({ order: { name: 'ASC' }, take: limit, skip: offset });
        return { items, total, limit, offset };
    }
    async all() {
        return this.repo.find({ order: { name: 'ASC' } });
    }
    async findByName(name) {
        return this.repo.findOne({ where: { name } });
    }
    async assertNameFree(name) {
        if (await this.repo.exists({ where: { name: name.trim() } })) {
            throw new common_2.ConflictError(`An organisation named "${name.trim()}" already exists`);
        }
    }
};
exports.OrganisationsService = OrganisationsService;
exports.OrganisationsService = OrganisationsService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(organisation_entity_1.OrganisationEntity)),
    __metadata("design:paramtypes", [typeorm_2.Repository,
        capability_vocabulary_1.CapabilityVocabulary])
], OrganisationsService);
function organisationView(org, showSecret) {
    const { webhookSecret, ...rest } = org;
    return showSecret ? { ...rest, webhookSecret } : rest;
}
const newWebhookSecret = () => (0, node_crypto_1.randomBytes)(32).toString('hex');
function stripUndefined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
function isUniqueViolation(err) {
    const e = err;
    const code = e.code ?? e.driverError?.code;
    return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(String(e.message));
}
//# sourceMappingURL=organisations.service.js.map