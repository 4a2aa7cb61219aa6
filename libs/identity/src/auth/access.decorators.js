"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CurrentActor = exports.AnyRole = exports.ALL_ROLES = exports.Roles = exports.Public = exports.ROLES_KEY = exports.PUBLIC_KEY = void 0;
const common_1 = require("@nestjs/common");
exports.PUBLIC_KEY = 'access:public';
exports.ROLES_KEY = 'access:roles';
const Public = () => (0, common_1.SetMetadata)(exports.PUBLIC_KEY, true);
exports.Public = Public;
const Roles = (...roles) => (0, common_1.SetMetadata)(exports.ROLES_KEY, roles);
exports.Roles = Roles;
exports.ALL_ROLES = ['admin', 'coordinator', 'analyst', 'partner'];
const AnyRole = () => (0, exports.Roles)(...exports.ALL_ROLES);
exports.AnyRole = AnyRole;
exports.CurrentActor = (0, common_1.createParamDecorator)((_, ctx) => {
    const req = ctx.switchToHttp().getRequest();
    if (!req.actor)
        throw new Error('CurrentActor used on a route without an authenticated actor');
    return req.actor;
});
//# sourceMappingURL=access.decorators.js.map