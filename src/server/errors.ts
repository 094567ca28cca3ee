// Typed application errors, mapped to HTTP exactly once (in http/error-handler.ts).
// Every message is Chinese and safe to show to the user.

export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  INSECURE_TRANSPORT: 400,
  IMPORT_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  FIELD_FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  SECOND_FACTOR_REQUIRED: 403,
  SECOND_FACTOR_ENROLMENT_REQUIRED: 403,
  SEPARATION_OF_DUTIES: 403,
  CSRF_REFUSED: 403,
  NOT_FOUND: 404,
  INVALID_STATE: 409,
  CONFLICT: 409,
  VERSION_CONFLICT: 412,
  FILE_TOO_LARGE: 413,
  WORK_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  BLOCKING_FINDINGS: 422,
  SIGNATURE_REQUIRED: 422,
  ACCEPT_CONCERNS: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  ACCOUNT_LOCKED: 423,
  TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
  PRECONDITION_REQUIRED: 428,
  CONFIRMATION_REQUIRED: 409,
  INTERNAL: 500,
  IMPORT_BUSY: 503,
  EXPORT_BUSY: 503,
  EXPORT_UNAVAILABLE: 503,
  WORK_BUSY: 503,
  WORK_TIMEOUT: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** extra fields for the response body beside `error` (e.g. findings, current version) */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = '报告') => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (message = '当前角色无权执行此操作') => new AppError('FORBIDDEN', message);
