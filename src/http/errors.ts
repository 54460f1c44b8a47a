import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DomainError, type ErrorCode } from '../shared/errors.js'
import type { Logger } from '../log.js'

/** Every domain error code's HTTP status, mapped once. */
export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_json: 400,
  invalid_request: 400,
  invalid_query: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_found: 404,
  session_not_found: 404,
  entry_not_found: 404,
  token_missing: 401,
  token_invalid: 403,
  unknown_question: 422,
  unknown_option: 422,
  invalid_answer: 422,
  question_not_asked: 409,
  conflict: 409,
  rate_limited: 429,
  internal_error: 500,
}

export function errorBody(c: Context, code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return {
    error: {
      code,
      message,
      requestId: (c.get('requestId') as string | undefined) ?? null,
      ...(details ? { details } : {}),
    },
  }
}

/** The one error handler: domain errors become their status; anything else is logged and is a 500. */
export function handleError(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof DomainError) {
      return c.json(errorBody(c, error.code, error.message, error.details), STATUS[error.code])
    }
    logger.error({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error')
    return c.json(errorBody(c, 'internal_error', 'something went wrong on our side'), 500)
  }
}
