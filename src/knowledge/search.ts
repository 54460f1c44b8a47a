import { fromChineseNumeral } from '../shared/chinese-numerals.js'
import { citationKey } from '../shared/citation.js'
import type { KnowledgeBase } from './load.js'
import { makeCitation } from './load.js'
import { type FieldWeights, type IndexDocument, type IndexSnapshot, LexicalIndex } from './lexical-index.js'
import type { KnowledgeEntry } from './schema.js'
import type { SearchHit } from './search-types.js'
import { containsChinese, tokenize } from './tokenize.js'

/** Official article text imported with `npm run kb:import`, by `law:article`. */
export interface ImportedArticle {
  law: string
  article: string
  chapter?: string
  text: string
  /** The version recorded when the law was imported. */
  version: string
}

/** Flattens stored statute imports into the articles the index takes. */
export function importedArticles(statutes: Array<{ law: string; version: string; articles: Array<{ article: string; chapter?: string; text: string }> }>): ImportedArticle[] {
  return statutes.flatMap((s) => s.articles.map((a) => ({ law: s.law, version: s.version, ...a })))
}

export type Field = 'title' | 'keywords' | 'label' | 'summary' | 'extra' | 'official'

/**
 * Field weights, tuned on the development questions (npm run eval:retrieval) and checked on held-out
 * narratives: titles and keywords name the concept, summaries explain it, the rest supports it.
 */
const WEIGHTS: Record<Field, FieldWeights> = {
  title: { weight: 2.5, b: 0.3 },
  keywords: { weight: 2.5, b: 0.3 },
  label: { weight: 1.5, b: 0 },
  summary: { weight: 1, b: 0.75 },
  extra: { weight: 0.5, b: 0.75 },
  official: { weight: 0.6, b: 0.75 },
}

/** Query terms found through the synonym table count less than the words typed. */
const SYNONYM_WEIGHT = 0.4
/** Narratives can run to thousands of characters: only their most telling terms are scored. */
const MAX_QUERY_TERMS = 160
/** A query that names an article (《公司法》第二十二条, 刑法253条之一, 个人信息保护法:52) puts it first. */
const CITATION_BOOST = 50

export interface KnowledgeSearch {
  search(query: string, k: number): SearchHit[]
  /** The imported official text of an article, when one was imported. */
  officialText(law: string, article: string): ImportedArticle | undefined
  /** Number of documents indexed (entries plus imported articles without an entry). */
  size: number
  /** The built index, for the start-up cache. */
  snapshot(): IndexSnapshot
}

/**
 * Builds the search over the knowledge base (and any imported official texts): one document per entry,
 * plus one per imported article that has no entry of its own. Imported text of an article that has an
 * entry is indexed with that entry, so an article never takes two places in the results.
 */
/** The ranking parameters; the defaults are the product's. Exposed for measurement scripts. */
export interface SearchTuning {
  weights: Record<Field, FieldWeights>
  synonymWeight: number
  k1: number
}
export const DEFAULT_TUNING: SearchTuning = { weights: WEIGHTS, synonymWeight: SYNONYM_WEIGHT, k1: 1.2 }

export function createKnowledgeSearch(
  kb: KnowledgeBase,
  imported: ImportedArticle[] = [],
  snapshot?: IndexSnapshot,
  tuning: SearchTuning = DEFAULT_TUNING,
): KnowledgeSearch {
  // Only the text of the version the knowledge base cites may stand under an entry's citation.
  const isCitedVersion = (a: ImportedArticle) => {
    const law = kb.laws.get(a.law)
    return law !== undefined && (a.version === 'unknown' || !law.adopted || a.version === law.adopted)
  }
  const officialByKey = new Map(imported.filter(isCitedVersion).map((a) => [citationKey(a), a]))
  const docs: Array<IndexDocument<Field>> = []
  const entryOf: Array<KnowledgeEntry> = []
  for (const entry of kb.entries) {
    const official = entry.kind === 'article' ? officialByKey.get(citationKey(entry.citations[0]!)) : undefined
    docs.push({ id: entry.id, fields: entryFields(entry, kb, official?.text) })
    entryOf.push(entry)
  }
  for (const a of imported) {
    if (officialByKey.get(citationKey(a)) === a && kb.byCitation.has(citationKey(a))) continue
    const entry = statuteEntry(a, kb)
    docs.push({ id: entry.id, fields: { title: `${entry.title['zh-CN']} ${a.chapter ?? ''}`, label: labelText(entry, kb), official: a.text } })
    entryOf.push(entry)
  }
  const index = new LexicalIndex(docs, tuning.weights, snapshot, tuning.k1)
  const synonyms = buildSynonymMatcher(kb.synonyms)
  const articleDoc = new Map<string, number>()
  entryOf.forEach((e, i) => e.kind !== 'guidance' && e.citations[0] && articleDoc.set(citationKey(e.citations[0]), i))
  const lawNames = [...kb.laws.keys()].sort((a, b) => b.length - a.length)

  return {
    size: index.size,
    snapshot: () => index.snapshot(),
    officialText: (law, article) => officialByKey.get(`${law}:${article}`),
    search(query, k) {
      const terms = queryTerms(query, synonyms, index, tuning.synonymWeight)
      const boosts = new Map<number, number>()
      for (const key of citedArticles(query, lawNames)) {
        const doc = articleDoc.get(key)
        if (doc !== undefined) boosts.set(doc, CITATION_BOOST)
      }
      const english = !containsChinese(query)
      const queryTokens = [...new Set(tokenize(query))].filter((t) => !t.includes('_')).slice(0, 64)
      return index.search(terms, k, boosts).map(({ index: i, score }) => {
        const entry = entryOf[i] as KnowledgeEntry
        return { entry, score: Math.round(score * 1000) / 1000, snippet: snippetOf(entry, queryTokens, english) }
      })
    },
  }
}

function entryFields(entry: KnowledgeEntry, kb: KnowledgeBase, official: string | undefined): Partial<Record<Field, string>> {
  return {
    title: `${entry.title['zh-CN']} ${entry.title.en}`,
    keywords: [...entry.keywords, ...entry.keywordsEn].join(' '),
    label: labelText(entry, kb),
    summary: `${entry.summary['zh-CN']} ${entry.summary.en}`,
    extra: [entry.binds?.['zh-CN'], entry.consequence?.['zh-CN'], ...(entry.steps ?? []).map((s) => s['zh-CN'])]
      .filter(Boolean)
      .join(' '),
    ...(official ? { official } : {}),
  }
}

/** The citation labels and law names of an entry: lets "公司法 担保" or "PIPL" find it. */
function labelText(entry: KnowledgeEntry, kb: KnowledgeBase): string {
  return entry.citations
    .map((c) => {
      const law = kb.laws.get(c.law)
      return `${c.law} ${c.label} ${law?.title['zh-CN'] ?? ''} ${law?.title.en ?? ''}`
    })
    .join(' ')
}

/** An imported article with no entry of its own, shown as a bare statute text (never "verified" prose). */
function statuteEntry(a: ImportedArticle, kb: KnowledgeBase): KnowledgeEntry {
  const law = kb.laws.get(a.law)
  const citation = makeCitation(a.law, a.article)
  const excerpt = a.text.length > 140 ? `${a.text.slice(0, 140)}…` : a.text
  return {
    id: `statute-${law?.slug ?? a.law}-${a.article}`,
    kind: 'statute',
    domain: 'general',
    title: { 'zh-CN': citation.label, en: `${law?.title.en ?? a.law}, Art. ${a.article}` },
    summary: { 'zh-CN': excerpt, en: excerpt },
    citations: [citation],
    related: [],
    keywords: [],
    keywordsEn: [],
    anchors: [],
    ...(law ? { law: { law: law.law, title: law.title, version: a.version, effective: law.effective, status: law.status } } : {}),
    verified: false,
  }
}

interface SynonymMatcher {
  /** Groups whose terms occur in the text. */
  groupsIn(text: string): string[][]
}

/**
 * Finds synonym-table terms in a query: Chinese terms as substrings (no spaces to split on), English
 * terms as whole words. Terms are bucketed by first character so a long narrative is scanned once.
 */
function buildSynonymMatcher(groups: string[][]): SynonymMatcher {
  const byFirstChar = new Map<string, Array<{ term: string; group: number }>>()
  const englishTerms: Array<{ pattern: RegExp; group: number }> = []
  groups.forEach((terms, group) => {
    for (const raw of terms) {
      const term = raw.normalize('NFKC').toLowerCase()
      if (containsChinese(term)) {
        const first = term[0] as string
        byFirstChar.set(first, [...(byFirstChar.get(first) ?? []), { term, group }])
      } else {
        const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        englishTerms.push({ pattern: new RegExp(`(?:^|[^a-z0-9])${escaped}(?:$|[^a-z0-9])`), group })
      }
    }
  })
  return {
    groupsIn(text) {
      const normalized = text.normalize('NFKC').toLowerCase()
      const found = new Set<number>()
      for (let i = 0; i < normalized.length; i++) {
        for (const { term, group } of byFirstChar.get(normalized[i] as string) ?? []) {
          if (!found.has(group) && normalized.startsWith(term, i)) found.add(group)
        }
      }
      if (!containsChinese(normalized) || /[a-z]{3}/.test(normalized)) {
        for (const { pattern, group } of englishTerms) if (!found.has(group) && pattern.test(normalized)) found.add(group)
      }
      return [...found].sort((a, b) => a - b).map((g) => groups[g] as string[])
    },
  }
}

/**
 * The weighted terms of a query: its own tokens (a repeated token counts a little more, not linearly)
 * and, at a lower weight, the tokens of every synonym group it mentions. Long texts keep only their most
 * distinctive terms (highest idf), which is what finds the conduct in a narrative of facts.
 */
function queryTerms(query: string, synonyms: SynonymMatcher, index: LexicalIndex<Field>, synonymWeight: number): Map<string, number> {
  const counts = new Map<string, number>()
  for (const t of tokenize(query)) counts.set(t, (counts.get(t) ?? 0) + 1)
  const terms = new Map<string, number>()
  for (const [t, n] of counts) terms.set(t, 1 + Math.log(n))
  for (const group of synonyms.groupsIn(query)) {
    for (const t of new Set(group.flatMap(tokenize))) {
      if (!terms.has(t)) terms.set(t, synonymWeight)
    }
  }
  if (terms.size <= MAX_QUERY_TERMS) return terms
  const kept = [...terms].sort((a, b) => b[1] * index.idf(b[0]) - a[1] * index.idf(a[0]) || (a[0] < b[0] ? -1 : 1))
  return new Map(kept.slice(0, MAX_QUERY_TERMS))
}

const CN_NUM = '[0-9零〇一二两三四五六七八九十百千]+'
const ARTICLE_REF = new RegExp(`第?\\s*(${CN_NUM})\\s*条(?:\\s*之\\s*([一二三四五六七八九十0-9]+))?`, 'g')

/** `law:article` keys of the articles a query names explicitly. */
export function citedArticles(query: string, lawNames: string[]): string[] {
  const text = query.normalize('NFKC').replace(/[《》〈〉]/g, '').replace(/中华人民共和国/g, '')
  const keys: string[] = []
  for (const m of text.matchAll(/([^\s:：]+?):(\d+(?:-\d+)?)/g)) {
    const law = lawNames.find((name) => (m[1] as string).endsWith(name))
    if (law) keys.push(`${law}:${m[2]}`)
  }
  for (const m of text.matchAll(ARTICLE_REF)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 30), m.index)
    const law = lawNames.find((name) => before.endsWith(name) || before.replace(/\s+$/, '').endsWith(name))
    if (!law) continue
    const main = fromChineseNumeral(m[1] as string)
    const sub = m[2] ? fromChineseNumeral(m[2]) : 0
    if (Number.isFinite(main) && main > 0) keys.push(`${law}:${main}${sub ? `-${sub}` : ''}`)
  }
  return keys
}

/**
 * The summary sentence containing most query terms, trimmed; English for English queries. Terms are
 * matched as substrings (no second segmentation pass): this runs for every hit of every query.
 */
function snippetOf(entry: KnowledgeEntry, queryTokens: readonly string[], english: boolean): string {
  const text = english ? entry.summary.en : entry.summary['zh-CN']
  const sentences = text.split(english ? /(?<=[.;])\s+/ : /(?<=[。；！？])/).filter((s) => s.trim())
  let best = sentences[0] ?? text
  let bestScore = -1
  for (const sentence of sentences) {
    const lower = english ? sentence.toLowerCase() : sentence
    let score = 0
    for (const t of queryTokens) if (lower.includes(t)) score++
    if (score > bestScore) [best, bestScore] = [sentence, score]
  }
  const max = english ? 220 : 100
  return best.length > max ? `${best.slice(0, max)}…` : best.trim()
}
