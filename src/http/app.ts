import fs from 'node:fs'
import path from 'node:path'
import { Hono } from 'hono'
import { parse as parseYaml } from 'yaml'
import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import type { ChatService } from '../chat/session-service.js'
import type { ChecklistContent } from '../checklist/build.js'
import type { KnowledgeSearch } from '../knowledge/search.js'
import type { Logger } from '../log.js'
import { DomainError } from '../shared/errors.js'
import { errorBody, handleError } from './errors.js'
import { knowledgeRoutes } from './routes/knowledge.js'
import { sessionRoutes } from './routes/sessions.js'

export interface AppDeps {
  chat: ChatService
  content: ChecklistContent
  search: KnowledgeSearch
  logger: Logger
  /** The largest request body accepted, in bytes. */
  bodyLimitBytes: number
  /** Request ids; tests pin them. */
  newRequestId?: () => string
}

const WEB_DIR = path.join(import.meta.dirname, '..', 'web')
const OPENAPI_FILE = path.join(import.meta.dirname, '..', '..', 'docs', 'openapi.yaml')
const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

/**
 * Builds the Hono app. HTTP concerns only: ids, headers, limits, validation, mapping results and
 * errors. Every route calls one domain function.
 */
export function createApp(deps: AppDeps) {
  const { chat, content, logger } = deps
  const app = new Hono()
  app.use('*', requestId(deps.newRequestId ? { generator: deps.newRequestId } : {}))
  app.use('*', async (c, next) => {
    const started = performance.now()
    await next()
    // Path only: query strings and bodies carry respondents' words and stay out of logs.
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    )
  })
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    }),
  )
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.bodyLimitBytes,
      onError: () => {
        throw new DomainError('payload_too_large', `the body is larger than ${deps.bodyLimitBytes} bytes`)
      },
    }),
  )
  app.onError(handleError(logger))
  app.notFound((c) => c.json(errorBody(c, 'not_found', `nothing at ${c.req.method} ${c.req.path}`), 404))

  app.get('/healthz', (c) =>
    c.json({
      status: 'ok',
      versions: {
        questionnaire: content.questionnaire.version,
        ruleset: content.ruleset.version,
        knowledge: content.knowledge.version,
      },
    }),
  )

  app.route('/api/v1/sessions', sessionRoutes(chat))
  app.route(
    '/api/v1/knowledge',
    knowledgeRoutes({ knowledge: content.knowledge, search: deps.search, ruleset: content.ruleset }),
  )
  app.get('/api/v1/questionnaire', (c) =>
    c.json({ version: content.questionnaire.version, sections: content.questionnaire.sections }),
  )
  const openapi = parseYaml(fs.readFileSync(OPENAPI_FILE, 'utf8')) as unknown
  app.get('/api/v1/openapi.json', (c) => c.json(openapi as object))
  app.get('/api/v1/rules', (c) =>
    c.json({
      version: content.ruleset.version,
      digest: content.ruleset.digest,
      count: content.ruleset.rules.length,
      rules: content.ruleset.rules,
    }),
  )

  // The chat page and its assets: read once, served from memory. Browser code imports nothing from here.
  const assets = new Map<string, { body: string; type: string }>()
  for (const file of fs.existsSync(WEB_DIR) ? fs.readdirSync(WEB_DIR) : []) {
    const type = STATIC_TYPES[path.extname(file)]
    if (type) assets.set(file, { body: fs.readFileSync(path.join(WEB_DIR, file), 'utf8'), type })
  }
  const serve = (name: string) => (c: import('hono').Context) => {
    const asset = assets.get(name)
    if (!asset) return c.json(errorBody(c, 'not_found', `no asset ${name}`), 404)
    return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'no-cache' })
  }
  app.get('/', serve('index.html'))
  app.get('/static/:name', (c) => serve(c.req.param('name'))(c))
  return app
}
