import type { Domain } from '../shared/domains.js'
import type { Finding } from './evaluate.js'
import type { Likelihood, Severity } from './schema.js'

/**
 * The scoring model (docs/scoring.md explains the choices):
 *
 * - Each risk finding takes a share of what is left of its domain's 100 points: the weight of its
 *   severity times a likelihood factor. Verify items count half (the gap is possible, not established).
 *   Shares multiply — score = 100 × Π(1 − wᵢ) — so a score never drops below zero and the tenth small
 *   finding costs less than the first.
 * - A domain's level is 高 when any critical risk fired or the score is below 60; 中 when any high
 *   risk fired, any high or critical item awaits verification, or the score is below 85; otherwise 低.
 *   Severity sets a floor, because one critical exposure (a crime, a turnover-based fine) is not offset
 *   by good marks elsewhere — and an unchecked one is not nothing.
 * - The overall level is the worst domain level, for the same reason; the overall score is the mean of
 *   the assessed domains' scores, a summary for trend-watching, not for triage.
 */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 0.4, high: 0.22, medium: 0.1, low: 0.04 }
export const LIKELIHOOD_FACTOR: Record<Likelihood, number> = { high: 1, medium: 0.75, low: 0.5 }
export const VERIFY_FACTOR = 0.5

export type RiskLevel = 'high' | 'medium' | 'low'

export interface DomainScore {
  domain: Domain
  /** 0–100, higher is better; null when the domain was not assessed (no questions answered). */
  score: number | null
  level: RiskLevel | null
  counts: { risk: number; verify: number; good: number }
}

export interface Scores {
  domains: DomainScore[]
  overall: { score: number | null; level: RiskLevel | null }
}

const LEVEL_RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 }

/** The share of a domain's remaining score one finding takes. */
export function findingWeight(f: Pick<Finding, 'kind' | 'severity' | 'likelihood'>): number {
  if (f.kind === 'good') return 0
  const base = SEVERITY_WEIGHT[f.severity] * LIKELIHOOD_FACTOR[f.likelihood]
  return f.kind === 'verify' ? base * VERIFY_FACTOR : base
}

/**
 * Scores each domain from its findings. `assessed` lists the domains in which the respondent answered
 * at least one question; the others get no score rather than a perfect one.
 */
export function scoreFindings(
  findings: Finding[],
  domains: readonly Domain[],
  assessed: ReadonlySet<Domain>,
): Scores {
  const result: DomainScore[] = domains.map((domain) => {
    const own = findings.filter((f) => f.domain === domain)
    const counts = {
      risk: own.filter((f) => f.kind === 'risk').length,
      verify: own.filter((f) => f.kind === 'verify').length,
      good: own.filter((f) => f.kind === 'good').length,
    }
    if (!assessed.has(domain)) return { domain, score: null, level: null, counts }
    const remaining = own.reduce((left, f) => left * (1 - findingWeight(f)), 1)
    const score = Math.round(remaining * 100)
    const risks = own.filter((f) => f.kind === 'risk')
    const serious = own.filter(
      (f) => f.kind !== 'good' && (f.severity === 'high' || f.severity === 'critical'),
    )
    const level: RiskLevel =
      risks.some((f) => f.severity === 'critical') || score < 60
        ? 'high'
        : serious.length > 0 || score < 85
          ? 'medium'
          : 'low'
    return { domain, score, level, counts }
  })
  const scored = result.filter((d) => d.score !== null)
  const overallLevel = scored.reduce<RiskLevel | null>(
    (worst, d) =>
      worst === null || LEVEL_RANK[d.level as RiskLevel] > LEVEL_RANK[worst] ? (d.level as RiskLevel) : worst,
    null,
  )
  const overallScore = scored.length
    ? Math.round(scored.reduce((sum, d) => sum + (d.score as number), 0) / scored.length)
    : null
  return { domains: result, overall: { score: overallScore, level: overallLevel } }
}
