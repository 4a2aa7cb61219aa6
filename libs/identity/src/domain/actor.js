"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isPartner = exports.isCoordinatorLike = void 0;
const isCoordinatorLike = (a) => a.role === 'coordinator' || a.role === 'admin';
exports.isCoordinatorLike = isCoordinatorLike;
const isPartner = (a) => a.role === 'partner';
exports.isPartner = isPartner;
//# sourceMappingURL=actor.js.map