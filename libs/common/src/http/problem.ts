import type { FieldError } from '../errors/domain.error';

/** RFC 9457 problem details, the body of every error answer. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
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

export const titleFor = (status: number): string => TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Request Error');
export const problemType = (code: string): string => `https://taskforce.example/problems/${code.replace(/_/g, '-')}`;
