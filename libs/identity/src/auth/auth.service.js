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
exports.AuthService = void 0;
const common_1 = require("@nestjs/common");
const jwt_1 = require("@nestjs/jwt");
const common_2 = require("../../../common/src");
const users_service_1 = require("../users/users.service");
const password_hasher_1 = require("./password-hasher");
let AuthService = class AuthService {
    users;
    hasher;
    jwt;
    constructor(users, hasher, jwt) {
        this.users = users;
        this.hasher = hasher;
        this.jwt = jwt;
    }
    async login(email, password) {
        const user = await this.users.findByEmailWithHash(email);
        const ok = await this.hasher.verify(password, user?.active ? user.passwordHash : null);
        if (!user || !ok)
            throw new common_2.UnauthorizedError('Invalid email or password');
        const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role, org: user.organisationId });
        return { accessToken, tokenType: 'Bearer', user: (0, users_service_1.toUserView)(user) };
    }
};
exports.AuthService = AuthService;
exports.AuthService = AuthService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [users_service_1.UsersService,
        password_hasher_1.PasswordHasher,
        jwt_1.JwtService])
], AuthService);
//# sourceMappingURL=auth.service.js.map