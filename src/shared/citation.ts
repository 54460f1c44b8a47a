import { z } from 'zod'
import { toChineseNumeral } from './chinese-numerals.js'

/**
 * A citation written in content as `简称:条号`, e.g. `个人信息保护法:52` or `刑法:253-1` (之一 as -1).
 * A version may be pinned with `@`: `网络安全法@2016:21`. Unpinned citations mean the version in force.
 */
export const CITATION_PATTERN = /^([^:@\s]+)(?:@([^:\s]+))?:(\d+(?:-\d+)?)$/

export const CitationRef = z
  .string()
  .regex(CITATION_PATTERN, 'a citation is written 简称:条号, e.g. 公司法:22')
export type CitationRef = z.infer<typeof CitationRef>

export interface ParsedCitation {
  law: string
  /** Arabic numerals, 之一 written -1. */
  article: string
  /** Only when pinned in the reference; otherwise the version in force is meant. */
  version?: string
}

export function parseCitation(ref: string): ParsedCitation {
  const m = CITATION_PATTERN.exec(ref)
  if (!m) throw new Error(`not a citation: ${ref}`)
  const [, law, version, article] = m as unknown as [string, string, string | undefined, string]
  return version ? { law, article, version } : { law, article }
}

/** The canonical key of a citation, without version: `刑法:253-1`. */
export function citationKey(c: { law: string; article: string }): string {
  return `${c.law}:${c.article}`
}

/** 第二百五十三条之一 */
export function articleLabelZh(article: string): string {
  const [main, sub] = article.split('-')
  return `第${toChineseNumeral(Number(main))}条${sub ? `之${toChineseNumeral(Number(sub))}` : ''}`
}

/** Art. 253-1 */
export function articleLabelEn(article: string): string {
  return `Art. ${article}`
}
