import path from 'node:path'
import { checkCondition } from '../questionnaire/check-condition.js'
import type { Questionnaire } from '../questionnaire/schema.js'
import { digest } from '../shared/canonical-json.js'
import { citationKey, parseCitation } from '../shared/citation.js'
import { ContentError, readYamlFile } from '../shared/yaml-files.js'
import { z } from 'zod'
import { Rule, type Ruleset, RulesetIndex } from './schema.js'

/**
 * Loads knowledge/rules/: index.yaml names the ruleset version and its files, each a list of rules.
 * Cross-checks every rule against the questionnaire (questions, options, operators) and every citation
 * against the knowledge base (`hasEntry`): a citation must resolve to an article entry.
 */
export function loadRuleset(
  rulesDir: string,
  questionnaire: Questionnaire,
  hasEntry: (citation: string) => boolean,
): Ruleset {
  const index = readYamlFile(path.join(rulesDir, 'index.yaml'), RulesetIndex)
  const rules = index.files.flatMap((f) => readYamlFile(path.join(rulesDir, f), z.array(Rule)))
  return buildRuleset(index.version, rules, questionnaire, hasEntry)
}

/** Assembles and cross-checks a ruleset from parsed rules (also used by tests). */
export function buildRuleset(
  version: string,
  rules: Rule[],
  questionnaire: Questionnaire,
  hasEntry: (citation: string) => boolean,
): Ruleset {
  const problems: string[] = []
  const byId = new Map<string, Rule>()
  for (const rule of rules) {
    if (byId.has(rule.id)) problems.push(`duplicate rule id ${rule.id}`)
    byId.set(rule.id, rule)
    problems.push(...checkCondition(rule.when, questionnaire.byId, `rule ${rule.id}`))
    for (const ref of rule.cites) {
      if (!hasEntry(citationKey(parseCitation(ref)))) {
        problems.push(`rule ${rule.id}: cites ${ref}, which resolves to no knowledge entry`)
      }
    }
  }
  if (problems.length) throw new ContentError('the ruleset is inconsistent', problems)
  return { version, rules, byId, digest: digest(rules) }
}
