import type { StatuteRecord } from '../store/port.js'
import type { Law } from './schema.js'
import { parseStatute } from './statute-parser.js'

/** The text is an older version than the one the knowledge base cites. */
export class SupersededTextError extends Error {
  override name = 'SupersededTextError'
}

export type ImportVerdict =
  /** The version the knowledge base cites (or one whose date the header does not state). */
  | 'current'
  /** A later version than the knowledge base cites: indexed on its own, not shown as an entry's text. */
  | 'newer_than_cited'
  /** A law the registry does not know: searchable, cited by nothing. */
  | 'unregistered'

export interface PreparedImport {
  record: StatuteRecord
  verdict: ImportVerdict
}

/**
 * Turns an official statute file into what is stored: the law it is (matched by its title against the
 * registry, else by file name), its version (the date of the latest adoption or amendment in its header;
 * "unknown" when the header states none) and its articles.
 *
 * Refuses a text older than the version the knowledge base cites (e.g. the 2019 反不正当竞争法 when the
 * 2025 revision is cited): its numbering is superseded, and attaching it to current entries would show
 * the wrong article under a citation. Throws, too, when the text has no articles.
 */
export function prepareStatuteImport(source: string, fileName: string, laws: ReadonlyMap<string, Law>, importedAt: string): PreparedImport {
  const parsed = parseStatute(source)
  if (parsed.articles.length === 0) throw new Error(`${fileName}: no articles (第X条) found`)
  const bare = (s: string) => s.replace(/^中华人民共和国/, '').replace(/[\s（）()]/g, '')
  const byTitle = [...laws.values()].find((l) => bare(l.title['zh-CN']) === bare(parsed.title))
  const baseName = fileName.replace(/^.*[\\/]/, '').replace(/\.md$/, '')
  const registered = byTitle ?? laws.get(baseName)
  const version = statuteVersion(parsed.header)
  const record: StatuteRecord = {
    law: registered?.law ?? baseName,
    version,
    title: parsed.title || baseName,
    importedAt,
    articles: parsed.articles,
  }
  if (!registered) return { record, verdict: 'unregistered' }
  if (version === 'unknown' || !registered.adopted || version === registered.adopted) return { record, verdict: 'current' }
  if (version < registered.adopted) {
    throw new SupersededTextError(
      `this is the ${version} text of ${registered.law}, older than the ${registered.version} version the knowledge base cites (adopted ${registered.adopted}); a superseded text is not imported`,
    )
  }
  return { record, verdict: 'newer_than_cited' }
}

/**
 * The version of a statute text: the latest date that opens a header line recording an adoption or an
 * amendment (通过, 修订, 修正, 公布 …). Lines that only say when it takes effect (施行) do not count.
 */
export function statuteVersion(header: string): string {
  const dates: string[] = []
  for (const line of header.split('\n')) {
    const m = /^\s*(?:根据)?\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$/.exec(line)
    if (!m || /^施行/.test(m[4] as string)) continue
    dates.push(`${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`)
  }
  return dates.sort().at(-1) ?? 'unknown'
}

export type StoreDecision = 'new' | 'newer' | 'same' | 'older'

/** Compares an incoming import with what is stored: a newer text replaces an older one. */
export function compareImport(stored: StatuteRecord | undefined, incoming: StatuteRecord): StoreDecision {
  if (!stored) return 'new'
  if (incoming.version === stored.version) return 'same'
  if (stored.version === 'unknown') return 'newer'
  if (incoming.version === 'unknown') return 'older'
  return incoming.version > stored.version ? 'newer' : 'older'
}
