"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.chunkForInsert = chunkForInsert;
function chunkForInsert(rows, columnsPerRow, maxParams = 30000) {
    const size = Math.max(1, Math.floor(maxParams / Math.max(1, columnsPerRow)));
    const out = [];
    for (let i = 0; i < rows.length; i += size)
        out.push(rows.slice(i, i + size));
    return out;
}
//# sourceMappingURL=pagination.js.map