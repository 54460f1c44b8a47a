import path from 'node:path'
import { z } from 'zod'

/**
 * The only reader of the environment. Parsed once, validated, frozen; everything else receives the
 * values it needs as arguments.
 */
export const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** 127.0.0.1 by default; set HOST=0.0.0.0 to listen on all interfaces. */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Unset: SQLite in DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  /** NORMAL: a turn survives the process being killed; FULL: it also survives a power cut (slower). */
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
  /** The largest request body accepted, in bytes (long case narratives go to knowledge search). */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(256 * 1024),
})
export type Config = Readonly<z.infer<typeof Config>>

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = Config.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')))
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`invalid configuration: ${problems}`)
  }
  const config = result.data
  return Object.freeze({
    ...config,
    DATA_DIR: path.resolve(config.DATA_DIR),
    KNOWLEDGE_DIR: path.resolve(config.KNOWLEDGE_DIR),
  })
}
