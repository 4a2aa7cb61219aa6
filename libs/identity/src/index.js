"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
__exportStar(require("./domain/actor"), exports);
__exportStar(require("./auth/access.decorators"), exports);
__exportStar(require("./auth/access.guard"), exports);
__exportStar(require("./auth/auth.service"), exports);
__exportStar(require("./auth/bootstrap-admin.service"), exports);
__exportStar(require("./auth/password-hasher"), exports);
__exportStar(require("./dto/organisation.dto"), exports);
__exportStar(require("./dto/user.dto"), exports);
__exportStar(require("./infrastructure/persistence/organisation.entity"), exports);
__exportStar(require("./infrastructure/persistence/user.entity"), exports);
__exportStar(require("./organisations/capability-vocabulary"), exports);
__exportStar(require("./organisations/organisations.service"), exports);
__exportStar(require("./users/users.service"), exports);
__exportStar(require("./identity.module"), exports);
//# sourceMappingURL=index.js.map