/**
 * The closed set of domain error codes. The HTTP layer maps each to a status once (src/http/errors.ts);
 * clients depend on the codes, so they are stable: add new ones, never rename.
 */
export const ERROR_CODES = [
  'invalid_json',
  'invalid_request',
  'payload_too_large',
  'unsupported_media_type',
  'not_found',
  'session_not_found',
  'token_missing',
  'token_invalid',
  'unknown_question',
  'unknown_option',
  'invalid_answer',
  'question_not_asked',
  'conflict',
  'entry_not_found',
  'invalid_query',
  'rate_limited',
  'internal_error',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** An expected failure with a stable code and a message fit to show a client. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
