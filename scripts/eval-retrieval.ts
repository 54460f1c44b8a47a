/**
 * npm run eval:retrieval [-- --set ../shared/eval/dev-questions.json] [--k 5] [--verbose]
 *
 * Scores knowledge search in-process on a question set (hit@k, recall@k, MRR@10) and, in the same run on
 * the same entries, LangChain's stock BM25Retriever (whitespace tokens, no field weights, no synonyms).
 * The figures match `node ../shared/tools/eval-retrieval.mjs --url …` against a running server.
 */
import fs from 'node:fs'
import path from 'node:path'
import { BM25Retriever } from '@langchain/community/retrievers/bm25'
import { Document } from '@langchain/core/documents'
import { loadKnowledgeBase } from '../src/knowledge/load.js'
import {
  type EvalQuestion,
  type RetrievalScores,
  normalizeCitation,
  scoreRetrieval,
} from '../src/knowledge/retrieval-metrics.js'
import { createKnowledgeSearch } from '../src/knowledge/search.js'

const args = process.argv.slice(2)
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? (args[i + 1] as string) : fallback
}
const root = path.resolve(import.meta.dirname, '..')
const setFile = path.resolve(arg('--set', path.join(root, '..', 'shared', 'eval', 'dev-questions.json')))
const k = Number(arg('--k', '5'))
const verbose = args.includes('--verbose')
if (!fs.existsSync(setFile)) {
  console.log(`no question set at ${setFile}; pass --set <file>`)
  process.exit(2)
}
const questions = JSON.parse(fs.readFileSync(setFile, 'utf8')) as EvalQuestion[]
const kb = loadKnowledgeBase(path.join(root, 'knowledge'))
const search = createKnowledgeSearch(kb)
const keys = (citations: Array<{ law: string; article: string }>) =>
  citations.map((c) => normalizeCitation(c.law, c.article))

const ours = scoreRetrieval(questions, (q) => search.search(q.q, 10).map((h) => keys(h.entry.citations)), k)

// The baseline sees the same entries, as one text each.
const docs = kb.entries.map(
  (e) =>
    new Document({
      pageContent: [
        e.title['zh-CN'],
        e.title.en,
        ...e.keywords,
        ...e.keywordsEn,
        e.summary['zh-CN'],
        e.summary.en,
      ].join(' '),
      metadata: { citations: e.citations },
    }),
)
const bm25 = BM25Retriever.fromDocuments(docs, { k: 10 })
const baselineRanked = new Map<string, string[][]>()
for (const q of questions) {
  const results = await bm25.invoke(q.q)
  baselineRanked.set(
    q.id,
    results.map((d) => keys(d.metadata.citations as Array<{ law: string; article: string }>)),
  )
}
const baseline = scoreRetrieval(questions, (q) => baselineRanked.get(q.id) ?? [], k)

const line = (name: string, s: RetrievalScores) =>
  `${name.padEnd(34)} hit@${k} ${s.hitAtK.toFixed(3)}  recall@${k} ${s.recallAtK.toFixed(3)}  MRR@10 ${s.mrrAt10.toFixed(3)}`
console.log(
  `${path.basename(setFile)}: ${questions.length} questions, ${kb.entries.length} knowledge entries`,
)
console.log(line('legal-checkup knowledge search', ours))
console.log(line('LangChain BM25Retriever (stock)', baseline))
console.log(
  'by domain:',
  Object.entries(ours.byDomain)
    .map(([d, v]) => `${d} ${v.hits}/${v.n}`)
    .join('  '),
)
if (verbose)
  for (const m of ours.misses) console.log(`miss ${m.id} [${m.gold.join(' ')}] -> ${m.got.join(' | ')}`)
