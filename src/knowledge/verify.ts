import { citationKey } from '../shared/citation.js'
import type { KnowledgeBase } from './load.js'
import type { Localized } from '../shared/localized.js'
import type { ParsedStatute } from './statute-parser.js'

/** Official texts by file name in ../shared/laws, parsed. */
export type OfficialTexts = ReadonlyMap<string, ParsedStatute>

/** Characters ignored when looking for copied statute text (the same set as statute-copy-check.mjs). */
const IGNORED = /[\s\u3000，。；：、“”‘’（）《》〔〕[\],.;:()"'`*#>|\-_]/g
export const squash = (s: string): string => s.replace(IGNORED, '')

/** The article texts of a law, by article number, from the official text of the cited version. */
function articlesOf(kb: KnowledgeBase, texts: OfficialTexts, law: string): Map<string, string> | null {
  const file = kb.laws.get(law)?.officialText
  const parsed = file ? texts.get(file) : undefined
  return parsed ? new Map(parsed.articles.map((a) => [a.article, a.text])) : null
}

/**
 * Checks every article entry against the official text of the version it cites: the article exists,
 * each anchor term occurs in it (the guard against a wrong number), and a verified entry has anchors.
 * `related` citations must name existing articles too. Laws whose text is not held are skipped: their
 * entries are `verified: false` by construction (the loader enforces it).
 */
export function checkCitationsAgainstOfficialText(kb: KnowledgeBase, texts: OfficialTexts): string[] {
  const problems: string[] = []
  for (const entry of kb.entries) {
    if (entry.kind === 'article') {
      const citation = entry.citations[0]!
      const articles = articlesOf(kb, texts, citation.law)
      if (!articles) continue
      const text = articles.get(citation.article)
      if (text === undefined) {
        problems.push(`${entry.id}: ${citation.label} does not exist in the official text`)
        continue
      }
      const flat = squash(text)
      for (const anchor of entry.anchors) {
        if (!flat.includes(squash(anchor))) problems.push(`${entry.id}: anchor "${anchor}" is not in ${citation.label}`)
      }
      if (entry.verified && entry.anchors.length === 0) {
        problems.push(`${entry.id}: a verified entry needs at least one anchor term from the article text`)
      }
    }
    for (const c of entry.related) {
      const articles = articlesOf(kb, texts, c.law)
      if (articles && !articles.has(c.article)) problems.push(`${entry.id}: related ${citationKey(c)} does not exist`)
    }
  }
  return problems
}

/** Every 30-character run of official text, squashed, for the copy check. */
export function statuteShingles(texts: OfficialTexts, size = 30): Set<string> {
  const shingles = new Set<string>()
  for (const statute of texts.values()) {
    for (const article of statute.articles) {
      for (const line of article.text.split('\n')) {
        const s = squash(line)
        for (let i = 0; i + size <= s.length; i++) shingles.add(s.slice(i, i + size))
      }
    }
  }
  return shingles
}

/** The first copied run in a text, or null: our summaries must be our own words. */
export function findCopiedRun(text: string, shingles: ReadonlySet<string>, size = 30): string | null {
  const s = squash(text)
  for (let i = 0; i + size <= s.length; i++) {
    const run = s.slice(i, i + size)
    if (shingles.has(run)) return run
  }
  return null
}

/** Checks that no entry repeats 30 or more consecutive characters of statute text. */
export function checkEntriesAreOwnWords(kb: KnowledgeBase, shingles: ReadonlySet<string>): string[] {
  const problems: string[] = []
  for (const entry of kb.entries) {
    const texts: Localized[] = [entry.title, entry.summary, ...(entry.steps ?? [])]
    if (entry.binds) texts.push(entry.binds)
    if (entry.consequence) texts.push(entry.consequence)
    for (const t of texts) {
      const run = findCopiedRun(t['zh-CN'], shingles)
      if (run) problems.push(`${entry.id}: repeats statute text "${run}"`)
    }
  }
  return problems
}
