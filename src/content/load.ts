import path from 'node:path'
import type { ChecklistContent } from '../checklist/build.js'
import { loadKnowledgeBase } from '../knowledge/load.js'
import { loadQuestionnaire } from '../questionnaire/load.js'
import { loadRuleset } from '../rules/load.js'

/**
 * Loads everything under knowledge/ and cross-checks it: the knowledge base, the questionnaire, and the
 * ruleset against both (every rule reads known questions and options; every citation resolves to a
 * knowledge entry). Any inconsistency throws a ContentError, so a broken reference fails start-up and
 * the tests rather than a user's request.
 */
export function loadContent(knowledgeDir: string): ChecklistContent {
  const knowledge = loadKnowledgeBase(knowledgeDir)
  const questionnaire = loadQuestionnaire(path.join(knowledgeDir, 'questionnaire'))
  const ruleset = loadRuleset(path.join(knowledgeDir, 'rules'), questionnaire, (key) =>
    knowledge.byCitation.has(key),
  )
  return { knowledge, questionnaire, ruleset }
}
