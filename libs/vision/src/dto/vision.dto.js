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
exports.PutVisionDto = exports.ObjectiveDto = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const common_1 = require("../../../common/src");
class ObjectiveDto {
    code;
    title;
    strands;
}
exports.ObjectiveDto = ObjectiveDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'OBJ-1' }),
    (0, class_validator_1.Matches)(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, { message: 'code must be 1-32 letters, digits, ., _ or -' }),
    __metadata("design:type", String)
], ObjectiveDto.prototype, "code", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Identify and disrupt the highest-harm networks' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 300),
    __metadata("design:type", String)
], ObjectiveDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: common_1.STRANDS, isArray: true }),
    (0, class_validator_1.IsIn)(common_1.STRANDS, { each: true }),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayUnique)(),
    __metadata("design:type", Array)
], ObjectiveDto.prototype, "strands", void 0);
class PutVisionDto {
    title;
    aims;
    objectives;
    version;
}
exports.PutVisionDto = PutVisionDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'A safer Scotland, free from serious organised crime' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 300),
    __metadata("design:type", String)
], PutVisionDto.prototype, "title", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String] }),
    (0, class_validator_1.IsString)({ each: true }),
    (0, class_validator_1.Length)(1, 1000, { each: true }),
    (0, class_validator_1.ArrayMaxSize)(50),
    __metadata("design:type", Array)
], PutVisionDto.prototype, "aims", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [ObjectiveDto] }),
    (0, class_validator_1.ValidateNested)({ each: true }),
    (0, class_transformer_1.Type)(() => ObjectiveDto),
    (0, class_validator_1.ArrayMinSize)(1),
    (0, class_validator_1.ArrayMaxSize)(100),
    __metadata("design:type", Array)
], PutVisionDto.prototype, "objectives", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ description: 'Current version, to guard against overwriting a concurrent edit' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    __metadata("design:type", Number)
], PutVisionDto.prototype, "version", void 0);
//# sourceMappingURL=vision.dto.js.map