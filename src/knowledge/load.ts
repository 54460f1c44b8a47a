import path from 'node:path'
import { z } from 'zod'
import { articleLabelEn, articleLabelZh, citationKey, parseCitation } from '../shared/citation.js'
import { digest } from '../shared/canonical-json.js'
import { ContentError, readYamlFile, yamlFilesIn } from '../shared/yaml-files.js'
import {
  type Citation,
  GuidanceFile,
  type KnowledgeEntry,
  type Law,
  LawFile,
  LawRegistry,
  SynonymFile,
} from './schema.js'

export const KnowledgeIndexFile = z.object({ version: z.string().min(1) }).strict()

/** The loaded knowledge base: laws, entries and the colloquial-term table. */
export interface KnowledgeBase {
  version: string
  /** sha256 over the canonical entries and laws: moves whenever any of them changes. */
  digest: string
  laws: ReadonlyMap<string, Law>
  entries: KnowledgeEntry[]
  byId: ReadonlyMap<string, KnowledgeEntry>
  /** Article entries by `law:article`. Guidance entries are not indexed here. */
  byCitation: ReadonlyMap<string, KnowledgeEntry>
  synonyms: string[][]
}

/**
 * Loads knowledge/laws.yaml, knowledge/kb/*.yaml (one file per law), knowledge/kb/guidance/*.yaml and
 * knowledge/synonyms/*.yaml, and cross-checks them: every entry's law is registered, ids are unique, and
 * every citation (guidance `cites`, entry `related`) names a registered law.
 */
export function loadKnowledgeBase(knowledgeDir: string): KnowledgeBase {
  const { kb, problems } = collectKnowledgeBase(knowledgeDir)
  if (problems.length) throw new ContentError('the knowledge base is inconsistent', problems)
  return kb
}

/**
 * Loads what can be loaded and lists every problem instead of stopping at the first (a broken file is
 * reported and skipped). The lint uses this; start-up uses `loadKnowledgeBase`, which refuses problems.
 */
export function collectKnowledgeBase(knowledgeDir: string): { kb: KnowledgeBase; problems: string[] } {
  const { laws: lawList } = readYamlFile(path.join(knowledgeDir, 'laws.yaml'), LawRegistry)
  const { version } = readYamlFile(path.join(knowledgeDir, 'kb', 'index.yaml'), KnowledgeIndexFile)
  const problems: string[] = []
  const laws = new Map<string, Law>()
  for (const law of lawList) {
    if (laws.has(law.law)) problems.push(`laws.yaml: ${law.law} is listed twice`)
    laws.set(law.law, law)
  }
  const slugs = lawList.map((l) => l.slug)
  slugs.forEach((s, i) => slugs.indexOf(s) !== i && problems.push(`laws.yaml: slug ${s} is used twice`))

  const toCitation = (ref: string, where: string): Citation | null => {
    const c = parseCitation(ref)
    const law = laws.get(c.law)
    if (!law) {
      problems.push(`${where}: cites ${ref}, but ${c.law} is not in laws.yaml`)
      return null
    }
    return makeCitation(c.law, c.article)
  }

  const entries: KnowledgeEntry[] = []
  const readEach = <T extends z.ZodType>(files: string[], schema: T): Array<[string, z.output<T>]> =>
    files.flatMap((file): Array<[string, z.output<T>]> => {
      try {
        return [[file, readYamlFile(file, schema)]]
      } catch (error) {
        if (!(error instanceof ContentError)) throw error
        problems.push(...error.problems)
        return []
      }
    })

  for (const [file, lawFile] of readEach(yamlFilesIn(path.join(knowledgeDir, 'kb')), LawFile)) {
    const law = laws.get(lawFile.law)
    if (!law) {
      problems.push(`${path.basename(file)}: law ${lawFile.law} is not in laws.yaml`)
      continue
    }
    for (const e of lawFile.entries) {
      const where = `${path.basename(file)} ${e.article}`
      if (e.verified && (!law.officialText || !law.officialTextCurrent)) {
        problems.push(`${where}: marked verified, but no current official text of ${law.law} is held to check it against`)
      }
      entries.push({
        id: `${law.slug}-${e.article}`,
        kind: 'article',
        domain: e.domain,
        title: e.title,
        summary: e.summary,
        ...(e.binds ? { binds: e.binds } : {}),
        ...(e.consequence ? { consequence: e.consequence } : {}),
        citations: [makeCitation(law.law, e.article)],
        related: e.related.map((r) => toCitation(r, where)).filter((c): c is Citation => c !== null),
        keywords: e.keywords,
        keywordsEn: e.keywordsEn,
        anchors: e.anchors,
        law: { law: law.law, title: law.title, version: law.version, effective: law.effective, status: law.status },
        verified: e.verified,
      })
    }
  }
  const articleCount = entries.length
  for (const [file, guidanceFile] of readEach(yamlFilesIn(path.join(knowledgeDir, 'kb', 'guidance')), GuidanceFile)) {
    for (const g of guidanceFile.guidance) {
      const where = `${path.basename(file)} ${g.id}`
      const citations = g.cites.map((r) => toCitation(r, where)).filter((c): c is Citation => c !== null)
      entries.push({
        id: g.id,
        kind: 'guidance',
        domain: g.domain,
        title: g.title,
        summary: g.summary,
        steps: g.steps,
        citations,
        related: [],
        keywords: g.keywords,
        keywordsEn: g.keywordsEn,
        anchors: [],
        verified: false, // settled below from the entries it cites
      })
    }
  }

  const byId = new Map<string, KnowledgeEntry>()
  const byCitation = new Map<string, KnowledgeEntry>()
  for (const entry of entries) {
    if (byId.has(entry.id)) problems.push(`duplicate knowledge entry ${entry.id}`)
    byId.set(entry.id, entry)
    if (entry.kind === 'article') byCitation.set(citationKey(entry.citations[0] as Citation), entry)
  }
  // A guidance note is as verified as the least verified article it rests on; it must rest on entries.
  for (const entry of entries.slice(articleCount)) {
    const cited = entry.citations.map((c) => byCitation.get(citationKey(c)))
    cited.forEach((e, i) => !e && problems.push(`${entry.id}: cites ${citationKey(entry.citations[i]!)}, which has no entry`))
    entry.verified = cited.every((e) => e?.verified === true)
  }

  const synonyms = readEach(yamlFilesIn(path.join(knowledgeDir, 'synonyms')), SynonymFile).flatMap(([, f]) => f.groups)
  const kb: KnowledgeBase = {
    version,
    digest: digest({ laws: lawList, entries }),
    laws,
    entries,
    byId,
    byCitation,
    synonyms,
  }
  return { kb, problems }
}

/** Just the law registry (knowledge/laws.yaml), by short name. */
export function loadLawRegistry(knowledgeDir: string): ReadonlyMap<string, Law> {
  const { laws } = readYamlFile(path.join(knowledgeDir, 'laws.yaml'), LawRegistry)
  return new Map(laws.map((l) => [l.law, l]))
}

/** Builds a display citation `{ law, article, label }`; the label is the Chinese form used in reports. */
export function makeCitation(law: string, article: string): Citation {
  return { law, article, label: `《${law}》${articleLabelZh(article)}` }
}

/** The English label of a citation, for English reports: `Company Law of the PRC, Art. 22`. */
export function citationLabelEn(c: { law: string; article: string }, laws: ReadonlyMap<string, Law>): string {
  const title = laws.get(c.law)?.title.en ?? c.law
  return `${title}, ${articleLabelEn(c.article)}`
}
