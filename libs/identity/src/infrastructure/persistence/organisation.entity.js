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
Object.defineProperty(exports, "__esModule", { value: true });
exports.OrganisationEntity = void 0;
const typeorm_1 = require("typeorm");
const database_1 = require("../../../../database/src");
let OrganisationEntity = class OrganisationEntity {
    id;
    name;
    kind;
    capabilities;
    jurisdictions;
    clearance;
    capacity;
    webhookUrl;
    webhookSecret;
    contactEmail;
    createdAt;
    updatedAt;
    version;
};
exports.OrganisationEntity = OrganisationEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], OrganisationEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 200, unique: true }),
    __metadata("design:type", String)
], OrganisationEntity.prototype, "name", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], OrganisationEntity.prototype, "kind", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'simple-json' }),
    __metadata("design:type", Array)
], OrganisationEntity.prototype, "capabilities", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'simple-json' }),
    __metadata("design:type", Array)
], OrganisationEntity.prototype, "jurisdictions", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 24 }),
    __metadata("design:type", String)
], OrganisationEntity.prototype, "clearance", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer' }),
    __metadata("design:type", Number)
], OrganisationEntity.prototype, "capacity", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 2000, nullable: true }),
    __metadata("design:type", Object)
], OrganisationEntity.prototype, "webhookUrl", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 128, nullable: true }),
    __metadata("design:type", Object)
], OrganisationEntity.prototype, "webhookSecret", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 320, nullable: true }),
    __metadata("design:type", Object)
], OrganisationEntity.prototype, "contactEmail", void 0);
__decorate([
    (0, typeorm_1.Column)(database_1.ISO_TIMESTAMP),
    __metadata("design:type", String)
], OrganisationEntity.prototype, "createdAt", void 0);
__decorate([
    (0, typeorm_1.Column)(database_1.ISO_TIMESTAMP),
    __metadata("design:type", String)
], OrganisationEntity.prototype, "updatedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer' }),
    __metadata("design:type", Number)
], OrganisationEntity.prototype, "version", void 0);
exports.OrganisationEntity = OrganisationEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'organisation' })
], OrganisationEntity);
//# sourceMappingURL=organisation.entity.js.map