import path from 'node:path'
import { composeApp } from './compose.js'
import { loadConfig } from './config.js'
import { listen } from './http/listen.js'
import { createLogger } from './log.js'
import { openStore } from './store/open.js'

/** The composition root: configuration, store, the composed app, the server, and a clean shutdown. */
export async function main(): Promise<void> {
  const started = performance.now()
  const config = loadConfig()
  const logger = createLogger(config.LOG_LEVEL)
  const store = openStore(config)
  const { app, content, fromCache } = await composeApp({
    store,
    logger,
    knowledgeDir: config.KNOWLEDGE_DIR,
    cacheDir: path.join(config.DATA_DIR, 'cache'),
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
  })
  const server = listen(app.fetch, { port: config.PORT, hostname: config.HOST }, (info) => {
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
