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
exports.UpdateOrganisationDto = exports.CreateOrganisationDto = exports.REGION_PATTERN = void 0;
const swagger_1 = require("@nestjs/swagger");
const class_validator_1 = require("class-validator");
const common_1 = require("../../../common/src");
exports.REGION_PATTERN = /^(national|[A-Z0-9][A-Z0-9-]{0,31})$/;
class CreateOrganisationDto {
    name;
    kind;
    capabilities;
    jurisdictions;
    clearance;
    capacity;
    webhookUrl;
    contactEmail;
}
exports.CreateOrganisationDto = CreateOrganisationDto;
__decorate([
    (0, swagger_1.ApiProperty)({ example: 'Greater Manchester Police' }),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(2, 200),
    __metadata("design:type", String)
], CreateOrganisationDto.prototype, "name", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: common_1.ORGANISATION_KINDS }),
    (0, class_validator_1.IsIn)(common_1.ORGANISATION_KINDS),
    __metadata("design:type", String)
], CreateOrganisationDto.prototype, "kind", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], example: ['enforcement', 'safeguarding'], description: 'From config/capabilities.json' }),
    (0, class_validator_1.IsString)({ each: true }),
    (0, class_validator_1.ArrayUnique)(),
    (0, class_validator_1.ArrayMaxSize)(20),
    __metadata("design:type", Array)
], CreateOrganisationDto.prototype, "capabilities", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ type: [String], example: ['ENG-NW'], description: 'Region codes, or `national`' }),
    (0, class_validator_1.Matches)(exports.REGION_PATTERN, { each: true, message: 'each jurisdiction must be an upper-case region code (e.g. ENG-NW) or national' }),
    (0, class_validator_1.ArrayUnique)(),
    (0, class_validator_1.ArrayMaxSize)(50),
    __metadata("design:type", Array)
], CreateOrganisationDto.prototype, "jurisdictions", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ enum: common_1.CLASSIFICATIONS }),
    (0, class_validator_1.IsIn)(common_1.CLASSIFICATIONS),
    __metadata("design:type", String)
], CreateOrganisationDto.prototype, "clearance", void 0);
__decorate([
    (0, swagger_1.ApiProperty)({ minimum: 1, description: 'Open tasks it can hold' }),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(100000),
    __metadata("design:type", Number)
], CreateOrganisationDto.prototype, "capacity", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'https://partner.example/hooks/taskforce' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsUrl)({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }),
    __metadata("design:type", String)
], CreateOrganisationDto.prototype, "webhookUrl", void 0);
__decorate([
    (0, swagger_1.ApiPropertyOptional)({ example: 'duty-desk@partner.example' }),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsEmail)(),
    __metadata("design:type", String)
], CreateOrganisationDto.prototype, "contactEmail", void 0);
class UpdateOrganisationDto extends (0, swagger_1.PartialType)(CreateOrganisationDto) {
}
exports.UpdateOrganisationDto = UpdateOrganisationDto;
//# sourceMappingURL=organisation.dto.js.map