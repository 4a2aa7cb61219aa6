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
exports.CapabilityVocabulary = void 0;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const common_1 = require("@nestjs/common");
const common_2 = require("../../../common/src");
const DEFAULT_CAPABILITIES = [
    'enforcement',
    'financial-investigation',
    'border-control',
    'cyber',
    'safeguarding',
    'prevention-education',
    'regulatory-licensing',
    'intelligence-collection',
    'victim-support',
];
let CapabilityVocabulary = class CapabilityVocabulary {
    capabilities;
    constructor() {
        const path = (0, node_path_1.resolve)(process.env.CAPABILITIES_PATH ?? 'config/capabilities.json');
        let list = DEFAULT_CAPABILITIES;
        try {
            const parsed = JSON.parse((0, node_fs_1.readFileSync)(path, 'utf8'));
            if (Array.isArray(parsed.capabilities) && parsed.capabilities.every((c) => typeof c === 'string')) {
                list = parsed.capabilities;
            }
            else {
                throw new Error(`${path}: "capabilities" must be a list of strings`);
            }
        }
        catch (err) {
            if (err.code !== 'ENOENT')
                throw err;
        }
        this.capabilities = list;
    }
    assertKnown(capabilities) {
        const unknown = capabilities.filter((c) => !this.capabilities.includes(c));
        if (unknown.length) {
            throw new common_2.UnprocessableError(`Unknown capabilities: ${unknown.join(', ')}`, unknown.map((c) => ({ field: 'capabilities', value: c, message: `must be one of: ${this.capabilities.join(', ')}` })));
        }
    }
};
exports.CapabilityVocabulary = CapabilityVocabulary;
exports.CapabilityVocabulary = CapabilityVocabulary = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [])
], CapabilityVocabulary);
//# sourceMappingURL=capability-vocabulary.js.map