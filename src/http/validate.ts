import type { Context } from 'hono'
import type { z } from 'zod'
import { DomainError } from '../shared/errors.js'

/**
 * Reads a JSON body and checks it against a schema. Malformed JSON is `invalid_json`; a body of the
 * wrong shape is `invalid_request` with the zod issues; a non-JSON content type is refused.
 */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const type = c.req.header('content-type')
  if (type && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new DomainError('unsupported_media_type', 'send the body as application/json')
  }
  const text = await c.req.text()
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new DomainError('invalid_json', 'the body is not valid JSON')
  }
  return parseWith(schema, raw, 'invalid_request')
}

/** Checks query parameters (or any value) against a schema. */
export function parseWith<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  code: 'invalid_request' | 'invalid_query',
): z.output<T> {
  const result = schema.safeParse(raw)
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    const first = issues[0]
    throw new DomainError(code, first ? `${first.path || 'body'}: ${first.message}` : 'invalid input', {
      issues,
    })
  }
  return result.data
}

/** The bearer token, or undefined when the header is absent or not a bearer credential. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization')
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  return m ? m[1] : undefined
}
