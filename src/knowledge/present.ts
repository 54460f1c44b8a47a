import type { Ruleset } from '../rules/schema.js'
import { citationKey, parseCitation } from '../shared/citation.js'
import type { KnowledgeBase } from './load.js'
import type { KnowledgeEntry } from './schema.js'
import type { KnowledgeSearch } from './search.js'
import type { SearchHit } from './search-types.js'

/** A search hit as API v1 returns it. */
export function presentHit(hit: SearchHit, english: boolean) {
  const e = hit.entry
  return {
    id: e.id,
    kind: e.kind,
    domain: e.domain,
    title: english ? e.title.en : e.title['zh-CN'],
    snippet: hit.snippet,
    score: hit.score,
    citations: e.citations.map(({ law, article, label }) => ({ law, article, label })),
    verified: e.verified,
    ...(e.law ? { law: { version: e.law.version, effective: e.law.effective, status: e.law.status } } : {}),
  }
}

/** An entry in the list of GET /api/v1/knowledge/entries: what it is, what it cites, how sure we are. */
export function presentEntrySummary(e: KnowledgeEntry) {
  return {
    id: e.id,
    kind: e.kind,
    domain: e.domain,
    title: e.title,
    citations: e.citations,
    related: e.related,
    verified: e.verified,
    ...(e.law ? { law: e.law } : {}),
  }
}

/** One entry in full, with the official text when it was imported and the rules that cite it. */
export function presentEntry(e: KnowledgeEntry, search: KnowledgeSearch, ruleset: Ruleset) {
  const keys = new Set(e.citations.map(citationKey))
  const citedBy = ruleset.rules.filter((r) => r.cites.some((ref) => keys.has(citationKey(parseCitation(ref))))).map((r) => r.id)
  const official = e.citations
    .map((c) => search.officialText(c.law, c.article))
    .filter((a) => a !== undefined)
    .map((a) => ({ law: a.law, article: a.article, version: a.version, text: a.text }))
  return {
    ...presentEntrySummary(e),
    summary: e.summary,
    ...(e.binds ? { binds: e.binds } : {}),
    ...(e.consequence ? { consequence: e.consequence } : {}),
    ...(e.steps ? { steps: e.steps } : {}),
    keywords: e.keywords,
    keywordsEn: e.keywordsEn,
    citedBy,
    officialText: official,
  }
}

export type EntryLookup = Pick<KnowledgeBase, 'byId' | 'entries'>
