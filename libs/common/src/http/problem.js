"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.problemType = exports.titleFor = exports.PROBLEM_CONTENT_TYPE = void 0;
exports.PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TITLES = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Content',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
};
const titleFor = (status) => TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Request Error');
exports.titleFor = titleFor;
const problemType = (code) => `https://taskforce.example/problems/${code.replace(/_/g, '-')}`;
exports.problemType = problemType;
//# sourceMappingURL=problem.js.map