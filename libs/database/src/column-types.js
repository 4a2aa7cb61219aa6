"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nowIso = exports.ISO_TIMESTAMP = exports.col = void 0;
exports.col = {
    id: (name = 'id') => ({ name, type: 'varchar', length: '36', isPrimary: true }),
    ref: (name, nullable = false) => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
    str: (name, length, nullable = false) => ({
        name,
        type: 'varchar',
        length: String(length),
        isNullable: nullable,
    }),
    text: (name, nullable = false) => ({ name, type: 'text', isNullable: nullable }),
    json: (name, nullable = false) => ({ name, type: 'text', isNullable: nullable }),
    int: (name, nullable = false) => ({ name, type: 'integer', isNullable: nullable }),
    num: (name, nullable = false) => ({ name, type: 'double precision', isNullable: nullable }),
    bool: (name) => ({ name, type: 'boolean', isNullable: false }),
    at: (name, nullable = false) => ({ name, type: 'varchar', length: '32', isNullable: nullable }),
};
exports.ISO_TIMESTAMP = { type: 'varchar', length: 32 };
const nowIso = () => new Date().toISOString();
exports.nowIso = nowIso;
//# sourceMappingURL=column-types.js.map