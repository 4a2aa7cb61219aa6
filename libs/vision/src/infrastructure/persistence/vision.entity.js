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
exports.VisionEntity = exports.CURRENT_VISION_ID = void 0;
const typeorm_1 = require("typeorm");
const database_1 = require("../../../../database/src");
exports.CURRENT_VISION_ID = 'current';
let VisionEntity = class VisionEntity {
    id;
    title;
    aims;
    objectives;
    updatedBy;
    updatedAt;
    version;
};
exports.VisionEntity = VisionEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], VisionEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 300 }),
    __metadata("design:type", String)
], VisionEntity.prototype, "title", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'simple-json' }),
    __metadata("design:type", Array)
], VisionEntity.prototype, "aims", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'simple-json' }),
    __metadata("design:type", Array)
], VisionEntity.prototype, "objectives", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 36, nullable: true }),
    __metadata("design:type", Object)
], VisionEntity.prototype, "updatedBy", void 0);
__decorate([
    (0, typeorm_1.Column)(database_1.ISO_TIMESTAMP),
    __metadata("design:type", String)
], VisionEntity.prototype, "updatedAt", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'integer' }),
    __metadata("design:type", Number)
], VisionEntity.prototype, "version", void 0);
exports.VisionEntity = VisionEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'vision' })
], VisionEntity);
//# sourceMappingURL=vision.entity.js.map