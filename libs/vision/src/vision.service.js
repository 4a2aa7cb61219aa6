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
exports.VisionService = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const common_2 = require("../../common/src");
const database_1 = require("../../database/src");
const vision_entity_1 = require("./infrastructure/persistence/vision.entity");
let VisionService = class VisionService {
    repo;
    constructor(repo) {
        this.repo = repo;
    }
    async get() {
        const v = await this.find();
        if (!v)
            throw new common_2.NotFoundError('Vision (none has been set yet)');
        return view(v);
    }
    find() {
        return this.repo.findOne({ where: { id: vision_entity_1.CURRENT_VISION_ID } });
    }
    async put(dto, actorId) {
        const codes = dto.objectives.map((o) => o.code);
        const dup = codes.find((c, i) => codes.indexOf(c) !== i);
        if (dup)
            throw new common_2.UnprocessableError(`Objective code ${dup} appears twice`, [{ field: 'objectives', value: dup, message: 'codes must be unique' }]);
        const current = await this.find();
        if (dto.version !== undefined && current && dto.version !== current.version) {
            throw new common_2.ConflictError(`The vision is at version ${current.version}, not ${dto.version}; reload and retry`, { currentVersion: current.version });
        }
        const next = {
            id: vision_entity_1.CURRENT_VISION_ID,
            title: dto.title,
            aims: dto.aims,
            objectives: dto.objectives.map((o) => ({ code: o.code, title: o.title, strands: o.strands })),
            updatedBy: actorId,
            updatedAt: (0, database_1.nowIso)(),
            version: (current?.version ?? 0) + 1,
        };
        if (!current) {
            await this.repo.insert(next);
        }
        else {
            const { id: _id, ...changes } = next;
            const res = await this.repo.update({ id: vision_entity_1.CURRENT_VISION_ID, version: current.version }, changes);
            if (!res.affected)
                throw new common_2.ConflictError('The vision was changed by someone else; reload and retry');
        }
        return view(next);
    }
};
exports.VisionService = VisionService;
exports.VisionService = VisionService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, typeorm_1.InjectRepository)(vision_entity_1.VisionEntity)),
    __metadata("design:paramtypes", [typeorm_2.Repository])
], VisionService);
const view = ({ id: _id, ...rest }) => rest;
//# sourceMappingURL=vision.service.js.map