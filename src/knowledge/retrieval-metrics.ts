import { fromChineseNumeral } from '../shared/chinese-numerals.js'

/** One question of an evaluation set (the format of ../shared/eval/dev-questions.json). */
export interface EvalQuestion {
  id: string
  q: string
  domain?: string
  gold: string[]
  /** Where an older numbering names the same rule, position by position. */
  gold_alt?: string[]
}

/** `《中华人民共和国刑法》` → `刑法`; `第二百五十三条之一` / `253之一` / `253-1` → `253-1`. */
export function normalizeCitation(law: string, article: string): string {
  const l = law.replace(/[《》\s]/g, '').replace(/^中华人民共和国/, '')
  const s = String(article).trim().replace(/^第/, '').replace(/条/, '')
  const m = /^([0-9零一二三四五六七八九十百千]+)(?:之([0-9一二三四五六七八九十]+)|-(\d+))?$/.exec(s)
  if (!m) return `${l}:${s}`
  const sub = m[2] ? fromChineseNumeral(m[2]) : m[3] ? Number(m[3]) : 0
  return `${l}:${fromChineseNumeral(m[1] as string)}${sub ? `-${sub}` : ''}`
}

export interface RetrievalScores {
  n: number
  hitAtK: number
  recallAtK: number
  mrrAt10: number
  byDomain: Record<string, { n: number; hits: number }>
  misses: Array<{ id: string; gold: string[]; got: string[] }>
}

/**
 * Scores ranked results the way ../shared/tools/eval-retrieval.mjs does, so in-process and HTTP figures
 * agree: a question is a hit at k when any gold citation (or its alternative) is among the citations of
 * the top k results; recall@k is the share of gold citations found there; MRR uses the rank of the first
 * result carrying a gold citation, within the top 10.
 */
export function scoreRetrieval(questions: EvalQuestion[], rankedCitations: (q: EvalQuestion) => string[][], k = 5): RetrievalScores {
  let hits = 0
  let recall = 0
  let mrr = 0
  const byDomain: RetrievalScores['byDomain'] = {}
  const misses: RetrievalScores['misses'] = []
  for (const q of questions) {
    const key = (g: string) => {
      const [law, article] = g.split(':')
      return normalizeCitation(law as string, article as string)
    }
    const gold = q.gold.map(key)
    const alt = (q.gold_alt ?? []).map(key)
    const ranked = rankedCitations(q)
    const top = new Set(ranked.slice(0, k).flat())
    const found = gold.filter((g, i) => top.has(g) || (alt[i] !== undefined && top.has(alt[i] as string))).length
    const any = gold.some((g) => top.has(g)) || alt.some((g) => top.has(g))
    const first = ranked.findIndex((cs) => cs.some((c) => gold.includes(c) || alt.includes(c)))
    hits += any ? 1 : 0
    recall += found / gold.length
    mrr += first >= 0 && first < 10 ? 1 / (first + 1) : 0
    const d = (byDomain[q.domain ?? 'all'] ??= { n: 0, hits: 0 })
    d.n++
    d.hits += any ? 1 : 0
    if (!any) misses.push({ id: q.id, gold: q.gold, got: ranked.slice(0, k).map((cs) => cs.join('+')) })
  }
  const n = questions.length
  return { n, hitAtK: hits / n, recallAtK: recall / n, mrrAt10: mrr / n, byDomain, misses }
}
