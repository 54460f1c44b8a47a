import { randomUUID } from 'node:crypto'
import { createChatService } from './chat/session-service.js'
import { loadContentWithCache } from './content/startup-cache.js'
import { createApp } from './http/app.js'
import { importedArticles } from './knowledge/search.js'
import type { Logger } from './log.js'
import type { Store } from './store/port.js'

export interface ComposeOptions {
  store: Store
  logger: Logger
  knowledgeDir: string
  /** Where the validated content and the index are cached between starts; null for no cache. */
  cacheDir: string | null
  bodyLimitBytes: number
}

/**
 * Wires the product together: imported statutes from the store, content and index (from the cache when
 * nothing changed), the chat service and the HTTP app. The server and the benchmarks share it, so what
 * is measured is what runs.
 */
export async function composeApp(options: ComposeOptions) {
  const { store, logger } = options
  const imported = importedArticles(await store.listStatutes())
  const { content, search, fromCache } = loadContentWithCache(
    options.knowledgeDir,
    options.cacheDir,
    imported,
  )
  const chat = createChatService({
    store,
    content,
    now: () => new Date(),
    newId: randomUUID,
    search: search.search,
  })
  const app = createApp({ chat, content, search, logger, bodyLimitBytes: options.bodyLimitBytes })
  return { app, chat, content, search, fromCache }
}
