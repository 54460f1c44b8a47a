import { fromChineseNumeral } from '../shared/chinese-numerals.js'

export interface StatuteArticle {
  /** Arabic numerals, 之一 written -1: `253-1`. */
  article: string
  /** The chapter (or part) heading the article sits under, when there is one. */
  chapter?: string
  text: string
}

export interface ParsedStatute {
  /** The first `# ` heading: the law's full title. */
  title: string
  /** The header block(s): promulgation and amendment notes. */
  header: string
  articles: StatuteArticle[]
}

const ARTICLE_START = /^第([零〇一二两三四五六七八九十百千]+)条(?:之([一二三四五六七八九十]+))?(?:[\s\u3000]+|$)/
const INFO_END = '<!-- INFO END -->'

/**
 * Parses official statute text in the layout of ../shared/laws: a header ending in `<!-- INFO END -->`,
 * `#`/`##` headings for parts and chapters, and articles starting `第X条` (Chinese numerals, `之一` for
 * inserted articles). A paragraph belongs to the article above it until the next article or heading.
 * Codes with several header blocks (民法典) are handled: a heading ends the current article.
 */
export function parseStatute(source: string): ParsedStatute {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const title = (lines.find((l) => l.startsWith('# ')) ?? '').replace(/^#\s+/, '').trim()
  const headerEnd = lines.indexOf(INFO_END)
  const header = lines
    .slice(0, headerEnd < 0 ? 0 : headerEnd)
    .filter((l) => l.trim() && !l.startsWith('#'))
    .join('\n')
  const articles: StatuteArticle[] = []
  let current: StatuteArticle | null = null
  let chapter: string | undefined
  for (const raw of lines.slice(headerEnd < 0 ? 0 : headerEnd + 1)) {
    const line = raw.trim()
    if (!line || line === INFO_END) continue
    if (line.startsWith('#')) {
      current = null
      if (line.startsWith('## ')) chapter = line.replace(/^#+\s*/, '').replace(/\s+/g, ' ')
      continue
    }
    const m = ARTICLE_START.exec(line)
    if (m) {
      const main = fromChineseNumeral(m[1] as string)
      const sub = m[2] ? fromChineseNumeral(m[2]) : 0
      current = {
        article: sub ? `${main}-${sub}` : String(main),
        ...(chapter ? { chapter } : {}),
        text: line.slice(m[0].length).trim(),
      }
      articles.push(current)
    } else if (current) {
      current.text += '\n' + line
    }
  }
  return { title, header, articles }
}
