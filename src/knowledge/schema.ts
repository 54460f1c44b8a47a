import { z } from 'zod'
import { CitationRef } from '../shared/citation.js'
import { Localized } from '../shared/localized.js'

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')

/** Which domain an entry serves; `safety` covers work safety and environmental protection. */
export const KnowledgeDomain = z.enum(['governance', 'ip', 'data', 'criminal', 'labour', 'tax', 'safety', 'general'])
export type KnowledgeDomain = z.infer<typeof KnowledgeDomain>

export const LawStatus = z.enum(['in_force', 'superseded', 'repealed', 'not_yet_in_force'])
export type LawStatus = z.infer<typeof LawStatus>

/**
 * One law, regulation or judicial interpretation, in the version the knowledge base cites.
 * `officialText` names the file in ../shared/laws that holds exactly this version; without it, entries
 * of the law cannot be checked and must say `verified: false`.
 */
export const Law = z
  .object({
    law: z.string().min(2),
    slug: z.string().regex(/^[a-z0-9-]+$/),
    title: Localized,
    kind: z.enum(['law', 'regulation', 'rules', 'judicial_interpretation']),
    version: z.string().min(4),
    /**
     * When this version was adopted or last amended (the latest date in its official header). An
     * imported official text of an earlier date is a superseded version and is refused.
     */
    adopted: IsoDate.optional(),
    effective: IsoDate,
    status: LawStatus,
    officialText: z.string().optional(),
    /**
     * False when the held text may not be the version in force (later amendments not checked): the
     * article numbers and anchors are still checked against it, but entries must stay `verified: false`.
     */
    officialTextCurrent: z.boolean().default(true),
    /** Last day in force, for repealed or superseded laws. */
    until: IsoDate.optional(),
    /** Older versions still met in the wild; citing them (`网络安全法@2016:21`) is a lint error. */
    superseded: z
      .array(
        z
          .object({ version: z.string(), until: IsoDate, officialText: z.string().optional() })
          .strict(),
      )
      .default([]),
    /**
     * Known renumbering traps: an article number that meant `topic` in the superseded version and means
     * something else now. A rule citing `old` while speaking of `topic` is citing from memory of the old law.
     */
    renumbered: z
      .array(z.object({ old: z.string().regex(/^\d+(-\d+)?$/), now: z.string().regex(/^\d+(-\d+)?$/), topic: z.string().min(2) }).strict())
      .default([]),
    note: z.string().optional(),
  })
  .strict()
export type Law = z.output<typeof Law>

export const LawRegistry = z.object({ laws: z.array(Law).min(1) }).strict()

/** One statute article that matters to an SME, in our own words. */
export const ArticleEntry = z
  .object({
    /** Arabic numerals; 之一 written -1. */
    article: z.string().regex(/^\d+(-\d+)?$/),
    domain: KnowledgeDomain,
    title: Localized,
    /** The obligation or rule in plain words: what must be done, by whom, when. */
    summary: Localized,
    /** Who the article binds. */
    binds: Localized.optional(),
    /** What follows a breach: penalty ranges as the article (or its penalty article) states them. */
    consequence: Localized.optional(),
    /** Chinese terms, including the colloquial ways people describe the situation. */
    keywords: z.array(z.string().min(1)).min(3),
    /** English terms. */
    keywordsEn: z.array(z.string().min(1)).min(1),
    /** Short terms that occur in the official article text: the check that the number is right. */
    anchors: z.array(z.string().min(2).max(12)).default([]),
    /** Other articles a reader should see with this one (its penalty article, an interpretation). */
    related: z.array(CitationRef).default([]),
    /** True only when checked by hand against the official text of the version cited. */
    verified: z.boolean(),
  })
  .strict()
export type ArticleEntry = z.output<typeof ArticleEntry>

export const LawFile = z
  .object({
    law: z.string().min(2),
    entries: z.array(ArticleEntry).min(1),
  })
  .strict()

/** A guidance note: how to do something, citing the articles it rests on. */
export const GuidanceEntry = z
  .object({
    id: z.string().regex(/^guide-[a-z0-9-]+$/),
    domain: KnowledgeDomain,
    title: Localized,
    summary: Localized,
    steps: z.array(Localized).min(2),
    cites: z.array(CitationRef).min(1),
    keywords: z.array(z.string().min(1)).min(3),
    keywordsEn: z.array(z.string().min(1)).min(1),
  })
  .strict()
export type GuidanceEntry = z.output<typeof GuidanceEntry>

export const GuidanceFile = z.object({ guidance: z.array(GuidanceEntry).min(1) }).strict()

/** Groups of terms that mean the same thing to a searcher: colloquial, legal and English. */
export const SynonymFile = z
  .object({
    groups: z.array(z.array(z.string().min(1)).min(2)),
  })
  .strict()

export interface Citation {
  law: string
  article: string
  /** 《个人信息保护法》第五十二条 */
  label: string
}

/** A knowledge entry as the rest of the product sees it: article entries and guidance alike. */
export interface KnowledgeEntry {
  id: string
  /** `statute`: imported official text of an article that has no entry of its own. */
  kind: 'article' | 'guidance' | 'statute'
  domain: KnowledgeDomain
  title: Localized
  summary: Localized
  binds?: Localized
  consequence?: Localized
  steps?: Localized[]
  citations: Citation[]
  related: Citation[]
  keywords: string[]
  keywordsEn: string[]
  /** Terms that occur in the official article text (article entries only). */
  anchors: string[]
  law?: { law: string; title: Localized; version: string; effective: string; status: LawStatus }
  verified: boolean
}
