import path from 'node:path'
import type { Localized } from '../shared/localized.js'
import { parseCitation } from '../shared/citation.js'
import { ContentError } from '../shared/yaml-files.js'
import { type KnowledgeBase, collectKnowledgeBase } from '../knowledge/load.js'
import { readOfficialTexts } from '../knowledge/official-texts.js'
import {
  checkCitationsAgainstOfficialText,
  checkEntriesAreOwnWords,
  statuteShingles,
} from '../knowledge/verify.js'
import { collectQuestionnaire } from '../questionnaire/load.js'
import type { Questionnaire } from '../questionnaire/schema.js'
import { collectRuleset } from '../rules/load.js'
import type { Ruleset } from '../rules/schema.js'
import { checkCitationVersions } from './check-versions.js'
import { createSatisfiabilityChecker, gatesOf } from './reachability.js'
import { loadTopics, unknownTopics } from './topics.js'

export interface LintOptions {
  knowledgeDir: string
  /** Folder of official statute texts; checks that need it are skipped (with a note) when absent. */
  lawsDir: string
  /** The assessment date laws must be in force on. */
  asOf: string
  onlyKnowledgeBase?: boolean
}

export interface LintReport {
  problems: string[]
  notes: string[]
  summary: string
}

/** Runs every content check and collects the problems instead of stopping at the first. */
export function lintContent(options: LintOptions): LintReport {
  const problems: string[] = []
  const notes: string[] = []
  let kb: KnowledgeBase
  try {
    const collected = collectKnowledgeBase(options.knowledgeDir)
    kb = collected.kb
    problems.push(...collected.problems)
  } catch (error) {
    if (error instanceof ContentError) return { problems: error.problems, notes, summary: '' }
    throw error
  }
  const entryCitations = kb.entries.flatMap((e) =>
    [...e.citations, ...e.related].map((ref) => ({ ref, where: e.id })),
  )
  problems.push(...checkCitationVersions(kb, entryCitations, options.asOf))
  const texts = readOfficialTexts(options.lawsDir)
  if (texts) {
    problems.push(...checkCitationsAgainstOfficialText(kb, texts))
    problems.push(...checkEntriesAreOwnWords(kb, statuteShingles(texts)))
  } else {
    notes.push(`${options.lawsDir} is absent: citations were not checked against the official texts`)
  }
  problems.push(...untranslated(kb.entries.map((e) => ({ where: e.id, texts: [e.title, e.summary] }))))
  const verified = kb.entries.filter((e) => e.verified).length
  let summary = `${kb.entries.length} knowledge entries (${verified} verified), ${kb.laws.size} laws`
  if (options.onlyKnowledgeBase) return { problems, notes, summary }

  const collectedQuestionnaire = collectQuestionnaire(path.join(options.knowledgeDir, 'questionnaire'))
  problems.push(...collectedQuestionnaire.problems)
  const questionnaire = collectedQuestionnaire.questionnaire
  if (!questionnaire) return { problems, notes, summary }
  const collectedRules = collectRuleset(path.join(options.knowledgeDir, 'rules'), questionnaire, (key) =>
    kb.byCitation.has(key),
  )
  problems.push(...collectedRules.problems)
  const ruleset = collectedRules.ruleset
  problems.push(...lintQuestionnaire(questionnaire, ruleset, notes))
  if (ruleset) {
    problems.push(...lintRuleset(ruleset, questionnaire, kb, options.asOf, notes))
    try {
      problems.push(...unknownTopics(loadTopics(options.knowledgeDir), questionnaire, ruleset))
    } catch (error) {
      if (!(error instanceof ContentError)) throw error
      problems.push(...error.problems)
    }
  }
  summary += `; ${questionnaire.questions.length} questions, ${ruleset?.rules.length ?? 0} rules`
  return { problems, notes, summary }
}

/** Questions no combination of answers reaches, and untranslated texts. */
function lintQuestionnaire(questionnaire: Questionnaire, ruleset: Ruleset | null, notes: string[]): string[] {
  const problems: string[] = []
  const satisfiable = createSatisfiabilityChecker(questionnaire, ruleset?.rules.map((r) => r.when) ?? [])
  for (const q of questionnaire.questions) {
    const gates = gatesOf(q, questionnaire)
    if (gates.length === 0) continue
    const [first, ...rest] = gates
    const verdict = satisfiable(first!, rest)
    if (verdict === 'unsatisfiable')
      problems.push(`${q.id}: no combination of earlier answers shows this question`)
    if (verdict === 'too_complex') notes.push(`${q.id}: its showIf is too complex to check for reachability`)
  }
  problems.push(
    ...untranslated(
      questionnaire.questions.map((q) => ({
        where: q.id,
        texts: [q.text, q.why, ...(q.options ?? []).map((o) => o.label), ...(q.unit ? [q.unit] : [])],
      })),
    ),
  )
  problems.push(
    ...untranslated(
      questionnaire.sections.map((s) => ({
        where: `section ${s.id}`,
        texts: [s.title, ...(s.intro ? [s.intro] : [])],
      })),
    ),
  )
  return problems
}

/** Rules that can never fire, citations of versions not in force, untranslated texts. */
function lintRuleset(
  ruleset: Ruleset,
  questionnaire: Questionnaire,
  kb: KnowledgeBase,
  asOf: string,
  notes: string[],
): string[] {
  const problems: string[] = []
  const satisfiable = createSatisfiabilityChecker(
    questionnaire,
    ruleset.rules.map((r) => r.when),
  )
  for (const rule of ruleset.rules) {
    const verdict = satisfiable(rule.when)
    if (verdict === 'unsatisfiable')
      problems.push(`rule ${rule.id}: can never fire given the options and showIfs`)
    if (verdict === 'too_complex') notes.push(`rule ${rule.id}: too complex to check whether it can fire`)
  }
  problems.push(
    ...checkCitationVersions(
      kb,
      ruleset.rules.flatMap((r) =>
        r.cites.map((ref) => ({ ref: parseCitation(ref), where: `rule ${r.id}` })),
      ),
      asOf,
    ),
  )
  problems.push(...checkRenumberingTraps(ruleset, kb))
  problems.push(
    ...untranslated(
      ruleset.rules.map((r) => ({
        where: `rule ${r.id}`,
        texts: [
          r.title,
          r.finding,
          ...(r.remediation?.steps ?? []),
          ...(r.remediation?.template
            ? [r.remediation.template.title, ...r.remediation.template.outline]
            : []),
        ],
      })),
    ),
  )
  return problems
}

/**
 * The version traps of LEGAL.md, made mechanical: a rule that cites an article number which meant
 * something else in the superseded version, while its own words speak of that old meaning (担保 with
 * 公司法:16, 等级保护 with 网络安全法:21), cites from memory of the old law — unless it also cites the new number.
 */
export function checkRenumberingTraps(
  ruleset: Pick<Ruleset, 'rules'>,
  kb: Pick<KnowledgeBase, 'laws'>,
): string[] {
  const problems: string[] = []
  for (const rule of ruleset.rules) {
    const text = `${rule.title['zh-CN']} ${rule.finding['zh-CN']}`
    const cited = rule.cites.map(parseCitation)
    for (const c of cited) {
      for (const trap of kb.laws.get(c.law)?.renumbered ?? []) {
        const citesNew = cited.some((x) => x.law === c.law && x.article === trap.now)
        if (c.article === trap.old && text.includes(trap.topic) && !citesNew) {
          problems.push(
            `rule ${rule.id}: cites ${c.law}:${trap.old} about ${trap.topic}, the superseded numbering; in the version in force it is ${c.law}:${trap.now}`,
          )
        }
      }
    }
  }
  return problems
}

const CJK = /[\u4e00-\u9fff]/
const CJK_RUN = /[\u4e00-\u9fff]{4,}/

/**
 * Both locales are required by the schemas; this catches the copy-paste kind of missing translation:
 * English text that is still Chinese, or Chinese text with no Chinese in it.
 */
function untranslated(items: Array<{ where: string; texts: Localized[] }>): string[] {
  const problems: string[] = []
  for (const { where, texts } of items) {
    for (const t of texts) {
      if (CJK_RUN.test(t.en))
        problems.push(`${where}: the English text is not translated: "${t.en.slice(0, 40)}"`)
      if (!CJK.test(t['zh-CN']))
        problems.push(`${where}: the Chinese text has no Chinese: "${t['zh-CN'].slice(0, 40)}"`)
    }
  }
  return problems
}
