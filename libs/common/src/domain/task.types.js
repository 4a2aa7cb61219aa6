"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LOAD_TASK_STATUSES = exports.OPEN_TASK_STATUSES = exports.TASK_STATUSES = void 0;
exports.TASK_STATUSES = [
    'proposed',
    'assigned',
    'accepted',
    'declined',
    'in_progress',
    'completed',
    'closed',
    'cancelled',
    'superseded',
];
exports.OPEN_TASK_STATUSES = ['proposed', 'assigned', 'accepted', 'declined', 'in_progress'];
exports.LOAD_TASK_STATUSES = ['assigned', 'accepted', 'in_progress'];
//# sourceMappingURL=task.types.js.map