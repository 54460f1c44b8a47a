import { randomUUID } from 'node:crypto'
import { serve } from '@hono/node-server'
import { createChatService } from './chat/session-service.js'
import { loadConfig } from './config.js'
import path from 'node:path'
import { loadContentWithCache } from './content/startup-cache.js'
import { createApp } from './http/app.js'
import { importedArticles } from './knowledge/search.js'
import { createLogger } from './log.js'
import { openStore } from './store/open.js'

/** The composition root: configuration, content, store, services, app, server. */
export async function main(): Promise<void> {
  const started = performance.now()
  const config = loadConfig()
  const logger = createLogger(config.LOG_LEVEL)
  const store = openStore(config)
  const imported = importedArticles(await store.listStatutes())
  const { content, search, fromCache } = loadContentWithCache(
    config.KNOWLEDGE_DIR,
    path.join(config.DATA_DIR, 'cache'),
    imported,
  )
  const chat = createChatService({
    store,
    content,
    now: () => new Date(),
    newId: randomUUID,
    search: search.search,
  })
  const app = createApp({ chat, content, search, logger, bodyLimitBytes: config.BODY_LIMIT_BYTES })
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info(
      {
        url: `http://${info.address}:${info.port}`,
        dataDir: config.DATA_DIR,
        contentFromCache: fromCache,
        knowledgeEntries: content.knowledge.entries.length,
        ms: Math.round(performance.now() - started),
      },
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
