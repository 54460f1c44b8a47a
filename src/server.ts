import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { createChatService } from './chat/session-service.js'
import { type Config, loadConfig } from './config.js'
import { loadContent } from './content/load.js'
import { createApp } from './http/app.js'
import { createLogger } from './log.js'
import type { Store } from './store/port.js'
import { openSqliteStore } from './store/sqlite/sqlite-store.js'

/** Opens the store the configuration names. Unset DATABASE_URL: SQLite under DATA_DIR. */
export function openStore(config: Config): Store {
  if (!config.DATABASE_URL) return openSqliteStore(path.join(config.DATA_DIR, 'legal-checkup.sqlite'))
  throw new Error(`DATABASE_URL ${config.DATABASE_URL.split(':')[0]}: only the embedded SQLite store is available in this version`)
}

/** The composition root: configuration, content, store, services, app, server. */
export async function main(): Promise<void> {
  const started = performance.now()
  const config = loadConfig()
  const logger = createLogger(config.LOG_LEVEL)
  const content = loadContent(config.KNOWLEDGE_DIR)
  const store = openStore(config)
  const chat = createChatService({ store, content, now: () => new Date(), newId: randomUUID })
  const app = createApp({ chat, content, logger, bodyLimitBytes: config.BODY_LIMIT_BYTES })
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info(
      { url: `http://${info.address}:${info.port}`, dataDir: config.DATA_DIR, ms: Math.round(performance.now() - started) },
      'Legal Checkup is ready',
    )
  })
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down')
    server.close(() => {
      void store.close().then(() => process.exit(0))
    })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

await main()
