import { createChatService } from '../../src/chat/session-service.js'
import type { ChecklistContent } from '../../src/checklist/build.js'
import { createApp } from '../../src/http/app.js'
import { createKnowledgeSearch } from '../../src/knowledge/search.js'
import type { SearchKnowledge } from '../../src/knowledge/search-types.js'
import { createLogger } from '../../src/log.js'
import { createMemoryStore } from '../../src/store/memory-store.js'
import type { Store } from '../../src/store/port.js'

/** A pinned clock: starts at the given instant and moves one second per reading. */
export function steppingClock(start = '2026-11-27T02:00:00.000Z') {
  let t = Date.parse(start)
  return () => new Date((t += 1000))
}

/** Builds the app as production does, with everything non-deterministic pinned. */
export function buildTestApp(
  content: ChecklistContent,
  options: { store?: Store; search?: SearchKnowledge; bodyLimitBytes?: number } = {},
) {
  let session = 0
  let token = 0
  let request = 0
  const store = options.store ?? createMemoryStore()
  const search = createKnowledgeSearch(content.knowledge)
  const chat = createChatService({
    store,
    content,
    now: steppingClock(),
    newId: () => `session-${++session}`,
    newToken: () => `token-${++token}-${'x'.repeat(24)}`,
    search: options.search ?? search.search,
  })
  const app = createApp({
    chat,
    content,
    search,
    logger: createLogger('silent'),
    bodyLimitBytes: options.bodyLimitBytes ?? 64 * 1024,
    newRequestId: () => `req-${++request}`,
  })
  return { app, store, chat, search }
}

type App = ReturnType<typeof buildTestApp>['app']

/** Small request helpers that speak JSON. */
export function client(app: App) {
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    headers: Record<string, string> = {},
  ) => {
    const res = await app.request(path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    })
    const text = await res.text()
    let json: any
    try {
      json = JSON.parse(text)
    } catch {
      json = null
    }
    return { status: res.status, json, text, headers: res.headers }
  }
  return {
    call,
    start: async (body: unknown = {}) => {
      const r = await call('POST', '/api/v1/sessions', body)
      return { id: r.json.id as string, token: r.json.token as string, res: r }
    },
    say: (id: string, token: string, text: string) =>
      call('POST', `/api/v1/sessions/${id}/messages`, { text }, token),
    answer: (id: string, token: string, body: unknown) =>
      call('POST', `/api/v1/sessions/${id}/answers`, body, token),
  }
}
