import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { checkCondition } from '../questionnaire/check-condition.js'
import type { Questionnaire } from '../questionnaire/schema.js'
import { digest } from '../shared/canonical-json.js'
import { citationKey, parseCitation } from '../shared/citation.js'
import { ContentError, readYamlFile } from '../shared/yaml-files.js'
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
  const { ruleset, problems } = collectRuleset(rulesDir, questionnaire, hasEntry)
  if (problems.length || !ruleset) throw new ContentError('the ruleset is inconsistent', problems)
  return ruleset
}

/** Loads what can be loaded and lists every problem (the lint uses this). */
export function collectRuleset(
  rulesDir: string,
  questionnaire: Questionnaire,
  hasEntry: (citation: string) => boolean,
): { ruleset: Ruleset | null; problems: string[] } {
  let index
  try {
    index = readYamlFile(path.join(rulesDir, 'index.yaml'), RulesetIndex)
  } catch (error) {
    if (error instanceof ContentError) return { ruleset: null, problems: error.problems }
    throw error
  }
  const problems: string[] = []
  const rules: Rule[] = []
  for (const f of index.files) {
    const file = path.join(rulesDir, f)
    if (!fs.existsSync(file)) {
      problems.push(`rules file ${f} is missing`)
      continue
    }
    try {
      rules.push(...readYamlFile(file, z.array(Rule)))
    } catch (error) {
      if (!(error instanceof ContentError)) throw error
      problems.push(...error.problems)
    }
  }
  const assembled = assembleRuleset(index.version, rules, questionnaire, hasEntry)
  return { ruleset: assembled.ruleset, problems: [...problems, ...assembled.problems] }
}

/** Assembles and cross-checks a ruleset from parsed rules; throws on any problem. */
export function buildRuleset(
  version: string,
  rules: Rule[],
  questionnaire: Questionnaire,
  hasEntry: (citation: string) => boolean,
): Ruleset {
  const { ruleset, problems } = assembleRuleset(version, rules, questionnaire, hasEntry)
  if (problems.length) throw new ContentError('the ruleset is inconsistent', problems)
  return ruleset
}

function assembleRuleset(
  version: string,
  rules: Rule[],
  questionnaire: Questionnaire,
  hasEntry: (citation: string) => boolean,
): { ruleset: Ruleset; problems: string[] } {
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
  return { ruleset: { version, rules, byId, digest: digest(rules) }, problems }
}
