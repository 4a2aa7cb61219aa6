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
__exportStar(require("./domain/vocabulary"), exports);
__exportStar(require("./domain/threat.types"), exports);
__exportStar(require("./domain/task.types"), exports);
__exportStar(require("./errors/domain.error"), exports);
__exportStar(require("./http/problem"), exports);
__exportStar(require("./http/problem-details.filter"), exports);
__exportStar(require("./http/validation"), exports);
__exportStar(require("./http/pagination.dto"), exports);
__exportStar(require("./redis/redis-options"), exports);
__exportStar(require("./queue/queue-root.module"), exports);
__exportStar(require("./logging/logger-options"), exports);
//# sourceMappingURL=index.js.map