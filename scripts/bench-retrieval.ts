/**
 * npm run bench:retrieval
 *
 * Prints, for the bundled knowledge base and for it grown 10× and 100× with synthetic entries: index
 * build time, heap growth, and query latency (p50, p99) over short questions and long narratives. Ratios
 * are against the 1× figures measured in the same run, because absolute times on a shared machine are
 * noise. Synthetic entries recombine sentences and keywords of real ones (deterministically), so term
 * statistics stay realistic.
 */
import fs from 'node:fs'
import path from 'node:path'
import { loadKnowledgeBase } from '../src/knowledge/load.js'
import type { KnowledgeBase } from '../src/knowledge/load.js'
import type { KnowledgeEntry } from '../src/knowledge/schema.js'
import { createKnowledgeSearch } from '../src/knowledge/search.js'
import { seededRandom } from '../tests/support/random.js'

const root = path.resolve(import.meta.dirname, '..')
const kb = loadKnowledgeBase(path.join(root, 'knowledge'))
const devFile = path.join(root, '..', 'shared', 'eval', 'dev-questions.json')
const holdout = JSON.parse(
  fs.readFileSync(path.join(root, 'tests', 'fixtures', 'retrieval-holdout.json'), 'utf8'),
) as Array<{ q: string; kind: string }>
const shortQueries = [
  ...(fs.existsSync(devFile)
    ? (JSON.parse(fs.readFileSync(devFile, 'utf8')) as Array<{ q: string }>).map((q) => q.q)
    : []),
  ...holdout.filter((q) => q.kind === 'question').map((q) => q.q),
]
const narratives = holdout.filter((q) => q.kind === 'narrative').map((q) => q.q)

function grow(base: KnowledgeBase, factor: number): KnowledgeBase {
  if (factor === 1) return base
  const rnd = seededRandom(factor)
  const pickEntry = () => base.entries[Math.floor(rnd() * base.entries.length)] as KnowledgeEntry
  const sentences = (e: KnowledgeEntry) => e.summary['zh-CN'].split(/(?<=。)/)
  const entries = [...base.entries]
  for (let i = 0; entries.length < base.entries.length * factor; i++) {
    const [a, b, c] = [pickEntry(), pickEntry(), pickEntry()]
    entries.push({
      ...a,
      id: `synthetic-${i}`,
      kind: 'guidance',
      title: { 'zh-CN': `${a.title['zh-CN']}与${b.title['zh-CN']}`, en: `${a.title.en} / ${b.title.en}` },
      summary: {
        'zh-CN': [...sentences(a).slice(0, 2), ...sentences(b).slice(-2), ...sentences(c).slice(0, 1)].join(
          '',
        ),
        en: b.summary.en,
      },
      keywords: [...a.keywords.slice(0, 4), ...c.keywords.slice(0, 4)],
      keywordsEn: b.keywordsEn,
      citations: [...a.citations, ...c.citations],
    })
  }
  return { ...base, entries }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number
}

function measure(factor: number) {
  const grown = grow(kb, factor)
  const chars = grown.entries.reduce(
    (sum, e) =>
      sum +
      e.title['zh-CN'].length +
      e.title.en.length +
      e.summary['zh-CN'].length +
      e.summary.en.length +
      e.keywords.join('').length,
    0,
  )
  const memory = () => {
    globalThis.gc?.()
    const m = process.memoryUsage()
    return m.heapUsed + m.arrayBuffers
  }
  const before = memory()
  const t0 = performance.now()
  const search = createKnowledgeSearch(grown)
  const build = performance.now() - t0
  const heap = (memory() - before) / 1e6
  const time = (queries: string[], rounds: number) => {
    for (const q of queries) search.search(q, 10) // warm-up
    const samples: number[] = []
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        const s = performance.now()
        search.search(q, 10)
        samples.push(performance.now() - s)
      }
    }
    samples.sort((a, b) => a - b)
    return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) }
  }
  const result = {
    factor,
    entries: grown.entries.length,
    chars,
    build,
    heap,
    short: time(shortQueries, 20),
    long: time(narratives, 5),
  }
  void search
  return result
}

const rows = [1, 10, 100].map(measure)
const base = rows[0] as (typeof rows)[number]
const f = (n: number) => n.toFixed(n < 10 ? 2 : 0)
console.log(
  `queries: ${shortQueries.length} short questions, ${narratives.length} narratives (${Math.round(narratives.reduce((a, q) => a + q.length, 0) / Math.max(1, narratives.length))} chars on average)`,
)
console.log(
  'size   entries   chars (M)  build ms (×1)  ms per 100k chars  index MB   short p50 ms (×1)  short p99   narrative p50 ms (×1)  narrative p99',
)
for (const r of rows) {
  console.log(
    [
      `${String(r.factor).padStart(3)}×`,
      String(r.entries).padStart(8),
      (r.chars / 1e6).toFixed(1).padStart(10),
      `${f(r.build).padStart(8)} (${(r.build / base.build).toFixed(1)}×)`,
      ((r.build / r.chars) * 1e5).toFixed(0).padStart(12),
      f(r.heap).padStart(12),
      `${f(r.short.p50).padStart(10)} (${(r.short.p50 / base.short.p50).toFixed(2)}×)`,
      f(r.short.p99).padStart(10),
      `${f(r.long.p50).padStart(12)} (${(r.long.p50 / base.long.p50).toFixed(2)}×)`,
      f(r.long.p99).padStart(12),
    ].join('  '),
  )
}
