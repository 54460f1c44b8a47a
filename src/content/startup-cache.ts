import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ChecklistContent } from '../checklist/build.js'
import { type ImportedArticle, type KnowledgeSearch, createKnowledgeSearch } from '../knowledge/search.js'
import type { IndexSnapshot } from '../knowledge/lexical-index.js'
import type { KnowledgeBase } from '../knowledge/load.js'
import { buildQuestionnaire } from '../questionnaire/load.js'
import type { Ruleset } from '../rules/schema.js'
import { citationKey } from '../shared/citation.js'
import { loadContent } from './load.js'

/** Bump when the shape of what is cached, or how the index is built, changes. */
const CACHE_FORMAT = 'legal-checkup-startup-1'

export interface LoadedContent {
  content: ChecklistContent
  search: KnowledgeSearch
  /** Whether the validated content and the index came from the cache. */
  fromCache: boolean
}

/**
 * Loads and validates the content and builds the search index — or, when nothing has changed since the
 * last validated start, restores both from DATA_DIR/cache. The cache key is a hash of every file under
 * knowledge/, the imported statute versions and the cache format, so any edit rebuilds (and re-validates)
 * from scratch; a corrupt or unreadable cache is ignored and rewritten. Parsing ~1 MB of YAML, checking it
 * with zod and segmenting every Chinese text costs about a second; reading the cache, tens of ms.
 */
export function loadContentWithCache(
  knowledgeDir: string,
  cacheDir: string | null,
  imported: ImportedArticle[],
): LoadedContent {
  const key = cacheDir ? fingerprint(knowledgeDir, imported) : ''
  const file = cacheDir ? path.join(cacheDir, `startup-${key.slice(0, 32)}.bin`) : ''
  if (cacheDir && fs.existsSync(file)) {
    try {
      return { ...restore(fs.readFileSync(file), imported), fromCache: true }
    } catch {
      // A cache that cannot be read is rebuilt below.
    }
  }
  const content = loadContent(knowledgeDir)
  const search = createKnowledgeSearch(content.knowledge, imported)
  if (cacheDir) {
    try {
      fs.mkdirSync(cacheDir, { recursive: true })
      const tmp = `${file}.${process.pid}.tmp`
      fs.writeFileSync(tmp, serialize(content, search.snapshot()))
      fs.renameSync(tmp, file)
      for (const old of fs.readdirSync(cacheDir)) {
        if (old.startsWith('startup-') && path.join(cacheDir, old) !== file)
          fs.rmSync(path.join(cacheDir, old), { force: true })
      }
    } catch {
      // The cache is an optimisation: a read-only data directory only makes start-up slower.
    }
  }
  return { content, search, fromCache: false }
}

function fingerprint(knowledgeDir: string, imported: ImportedArticle[]): string {
  const hash = createHash('sha256').update(CACHE_FORMAT)
  const walk = (dir: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name)
      if (fs.statSync(full).isDirectory()) walk(full)
      else
        hash.update(path.relative(knowledgeDir, full)).update('\0').update(fs.readFileSync(full)).update('\0')
    }
  }
  walk(knowledgeDir)
  for (const a of imported) hash.update(`${a.law}:${a.article}@${a.version}\0${a.text}\0`)
  return hash.digest('hex')
}

interface CachedJson {
  questionnaire: { version: string; sections: ChecklistContent['questionnaire']['sections'] }
  ruleset: Pick<Ruleset, 'version' | 'rules' | 'digest'>
  knowledge: Pick<KnowledgeBase, 'version' | 'digest' | 'entries' | 'synonyms'> & {
    laws: Array<[string, unknown]>
  }
  index: Omit<IndexSnapshot, 'idf' | 'offsets' | 'docs' | 'tfs'> & { idf: number[] }
}

/** [4-byte JSON length][JSON][offsets Int32][docs Int32][tfs Float32], lengths in the JSON. */
function serialize(content: ChecklistContent, snapshot: IndexSnapshot): Buffer {
  const { questionnaire, ruleset, knowledge } = content
  const json: CachedJson & { lengths: number[] } = {
    questionnaire: { version: questionnaire.version, sections: questionnaire.sections },
    ruleset: { version: ruleset.version, rules: ruleset.rules, digest: ruleset.digest },
    knowledge: {
      version: knowledge.version,
      digest: knowledge.digest,
      entries: knowledge.entries,
      synonyms: knowledge.synonyms,
      laws: [...knowledge.laws],
    },
    index: { ids: snapshot.ids, terms: snapshot.terms, idf: [...snapshot.idf] },
    lengths: [snapshot.offsets.length, snapshot.docs.length, snapshot.tfs.length],
  }
  const head = Buffer.from(JSON.stringify(json))
  const length = Buffer.alloc(4)
  length.writeUInt32LE(head.length)
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)
  return Buffer.concat([length, head, bytes(snapshot.offsets), bytes(snapshot.docs), bytes(snapshot.tfs)])
}

function restore(buffer: Buffer, imported: ImportedArticle[]): Omit<LoadedContent, 'fromCache'> {
  const headLength = buffer.readUInt32LE(0)
  const json = JSON.parse(buffer.subarray(4, 4 + headLength).toString('utf8')) as CachedJson & {
    lengths: [number, number, number]
  }
  const [nOffsets, nDocs, nTfs] = json.lengths
  // Copy into fresh, aligned buffers: a Buffer slice may not sit on a 4-byte boundary.
  let at = 4 + headLength
  const take = (n: number) => {
    const slice = new Uint8Array(buffer.subarray(at, at + n * 4))
    at += n * 4
    return slice.buffer
  }
  const offsets = new Int32Array(take(nOffsets))
  const docs = new Int32Array(take(nDocs))
  const tfs = new Float32Array(take(nTfs))
  const k = json.knowledge
  const laws = new Map(k.laws) as KnowledgeBase['laws']
  const entries = k.entries
  const byId = new Map(entries.map((e) => [e.id, e]))
  const byCitation = new Map(
    entries.filter((e) => e.kind === 'article').map((e) => [citationKey(e.citations[0]!), e]),
  )
  const knowledge: KnowledgeBase = {
    version: k.version,
    digest: k.digest,
    laws,
    entries,
    byId,
    byCitation,
    synonyms: k.synonyms,
  }
  const questionnaire = buildQuestionnaire(json.questionnaire.version, json.questionnaire.sections)
  const ruleset: Ruleset = { ...json.ruleset, byId: new Map(json.ruleset.rules.map((r) => [r.id, r])) }
  const snapshot: IndexSnapshot = {
    ...json.index,
    idf: Float64Array.from(json.index.idf),
    offsets,
    docs,
    tfs,
  }
  const search = createKnowledgeSearch(knowledge, imported, snapshot)
  return { content: { questionnaire, ruleset, knowledge }, search }
}
