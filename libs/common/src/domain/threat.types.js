"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=threat.types.js.map