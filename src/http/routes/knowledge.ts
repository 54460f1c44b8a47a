import { Hono } from 'hono'
import { z } from 'zod'
import { type EntryLookup, presentEntry, presentEntrySummary, presentHit } from '../../knowledge/present.js'
import type { KnowledgeSearch } from '../../knowledge/search.js'
import { containsChinese } from '../../knowledge/tokenize.js'
import type { Ruleset } from '../../rules/schema.js'
import { DomainError } from '../../shared/errors.js'
import { parseWith, readJson } from '../validate.js'

/** A query string goes in a URL; a case narrative goes in a POST body. */
const GET_QUERY_MAX = 2000
const POST_QUERY_MAX = 20_000

const k = z.coerce.number().int().min(1).max(50).default(10)
const GetQuery = z
  .object({ q: z.string().trim().min(1, 'q must not be empty').max(GET_QUERY_MAX), k })
  .strict()
const PostBody = z
  .object({ q: z.string().trim().min(1, 'q must not be empty').max(POST_QUERY_MAX), k })
  .strict()
const ListQuery = z.object({ law: z.string().optional(), domain: z.string().optional() }).strict()

export function knowledgeRoutes(deps: { knowledge: EntryLookup; search: KnowledgeSearch; ruleset: Ruleset }) {
  const app = new Hono()
  const run = (q: string, limit: number) => ({
    hits: deps.search.search(q, limit).map((hit) => presentHit(hit, !containsChinese(q))),
  })

  app.get('/search', (c) => {
    const { q, k: limit } = parseWith(GetQuery, c.req.query(), 'invalid_query')
    return c.json(run(q, limit))
  })
  app.post('/search', async (c) => {
    const { q, k: limit } = await readJson(c, PostBody)
    return c.json(run(q, limit))
  })
  app.get('/entries', (c) => {
    const { law, domain } = parseWith(ListQuery, c.req.query(), 'invalid_query')
    const entries = deps.knowledge.entries
      .filter((e) => (!law || e.citations.some((x) => x.law === law)) && (!domain || e.domain === domain))
      .map(presentEntrySummary)
    return c.json({ count: entries.length, entries })
  })
  app.get('/entries/:id', (c) => {
    const entry = deps.knowledge.byId.get(c.req.param('id'))
    if (!entry) throw new DomainError('entry_not_found', `there is no knowledge entry ${c.req.param('id')}`)
    return c.json(presentEntry(entry, deps.search, deps.ruleset))
  })
  return app
}
