import type { KnowledgeBase } from '../knowledge/load.js'

export interface CitationUse {
  ref: { law: string; article: string; version?: string }
  where: string
}

/**
 * Checks that each citation names a law in force on the as-of date, in its current version: not a
 * repealed law (合同法), not a superseded version pinned with @ (网络安全法@2016), not a law whose
 * effective date is still ahead.
 */
export function checkCitationVersions(kb: KnowledgeBase, uses: CitationUse[], asOf: string): string[] {
  const problems: string[] = []
  for (const { ref, where } of uses) {
    const law = kb.laws.get(ref.law)
    const cited = `${ref.law}${ref.version ? `@${ref.version}` : ''}:${ref.article}`
    if (!law) {
      problems.push(`${where}: cites ${cited}, but ${ref.law} is not in laws.yaml`)
      continue
    }
    if (law.status === 'repealed' || (law.until && law.until < asOf)) {
      problems.push(`${where}: cites ${cited}, but ${ref.law} is no longer in force on ${asOf}`)
    } else if (law.effective > asOf) {
      problems.push(
        `${where}: cites ${cited}, but ${ref.law} (${law.version}) is not in force until ${law.effective}`,
      )
    }
    if (ref.version && ref.version !== law.version) {
      problems.push(`${where}: cites ${cited}, a superseded version; the version in force is ${law.version}`)
    }
  }
  return problems
}
