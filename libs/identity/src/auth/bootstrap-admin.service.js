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
var BootstrapAdminService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.BootstrapAdminService = exports.TASKFORCE_ORG_NAME = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("../../../config/src");
const organisations_service_1 = require("../organisations/organisations.service");
const users_service_1 = require("../users/users.service");
exports.TASKFORCE_ORG_NAME = 'Serious Organised Crime Taskforce';
let BootstrapAdminService = BootstrapAdminService_1 = class BootstrapAdminService {
    auth;
    users;
    orgs;
    logger = new common_1.Logger(BootstrapAdminService_1.name);
    constructor(auth, users, orgs) {
        this.auth = auth;
        this.users = users;
        this.orgs = orgs;
    }
    async ensureAdmin() {
        const { bootstrapAdminEmail: email, bootstrapAdminPassword: password } = this.auth;
        if (!email || !password)
            return;
        if ((await this.users.count()) > 0)
            return;
        const org = (await this.orgs.findByName(exports.TASKFORCE_ORG_NAME)) ??
            (await this.orgs.create({
                name: exports.TASKFORCE_ORG_NAME,
                kind: 'taskforce',
                capabilities: ['intelligence-collection'],
                jurisdictions: ['national'],
                clearance: 'SECRET',
                capacity: 1000,
            }));
        await this.users.create({ email, password, role: 'admin', organisationId: org.id, displayName: 'Bootstrap admin' });
        this.logger.log(`created bootstrap admin ${email.toLowerCase()}`);
    }
};
exports.BootstrapAdminService = BootstrapAdminService;
exports.BootstrapAdminService = BootstrapAdminService = BootstrapAdminService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(config_1.authConfig.KEY)),
    __metadata("design:paramtypes", [void 0, users_service_1.UsersService,
        organisations_service_1.OrganisationsService])
], BootstrapAdminService);
//# sourceMappingURL=bootstrap-admin.service.js.map