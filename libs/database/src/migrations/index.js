"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIGRATIONS = void 0;
const _1732240000000_identity_1 = require("./1732240000000-identity");
exports.MIGRATIONS = [_1732240000000_identity_1.Identity1732240000000];
//# sourceMappingURL=index.js.map