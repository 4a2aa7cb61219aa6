"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NATIONAL = exports.bandAtLeast = exports.BANDS = exports.TRENDS = exports.CONFIDENCES = exports.HARM_DIMENSIONS = exports.CRIME_AREAS = exports.STRANDS = exports.clearanceCovers = exports.CLASSIFICATIONS = exports.ORGANISATION_KINDS = exports.ROLES = void 0;
exports.ROLES = ['admin', 'coordinator', 'analyst', 'partner'];
exports.ORGANISATION_KINDS = ['taskforce', 'partner'];
exports.CLASSIFICATIONS = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET'];
const clearanceCovers = (clearance, needed) => exports.CLASSIFICATIONS.indexOf(clearance) >= exports.CLASSIFICATIONS.indexOf(needed);
exports.clearanceCovers = clearanceCovers;
exports.STRANDS = ['pursue', 'prevent', 'protect', 'prepare'];
exports.CRIME_AREAS = [
    'csea',
    'drugs',
    'firearms',
    'fraud',
    'money-laundering',
    'bribery-corruption',
    'organised-immigration-crime',
    'modern-slavery-human-trafficking',
    'cyber-crime',
    'environmental-crime',
    'other',
];
exports.HARM_DIMENSIONS = ['physical', 'psychological', 'financial', 'community', 'environmental'];
exports.CONFIDENCES = ['low', 'medium', 'high'];
exports.TRENDS = ['increasing', 'stable', 'decreasing'];
exports.BANDS = ['P1', 'P2', 'P3', 'P4'];
const bandAtLeast = (band, threshold) => exports.BANDS.indexOf(band) <= exports.BANDS.indexOf(threshold);
exports.bandAtLeast = bandAtLeast;
exports.NATIONAL = 'national';
//# sourceMappingURL=vocabulary.js.map