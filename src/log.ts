import pino from 'pino'

export type Logger = pino.Logger

/**
 * Structured JSON logs. Request logs carry method, path, status, duration and request id — never
 * bodies or query strings, which hold respondents' answers and questions.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'legal-checkup' },
      redact: { paths: ['req.headers.authorization', 'token', '*.token'], remove: true },
    },
    destination,
  )
}
