import fs from 'node:fs'
import path from 'node:path'
import { referencedQuestions } from '../conditions/schema.js'
import { ContentError, readYamlFile } from '../shared/yaml-files.js'
import { checkCondition } from './check-condition.js'
import { type Question, type Questionnaire, QuestionnaireIndex, Section } from './schema.js'

/**
 * Loads knowledge/questionnaire/: index.yaml names the version and the section order; each section is
 * `<section>.yaml`. Fails (start-up and tests) on a duplicate id, an id outside its section, a `showIf`
 * naming an unknown or later question, an option that does not exist, or an operator that does not suit
 * the question's type. `showIf` may only look back, so the order of asking is always well defined.
 */
export function loadQuestionnaire(questionnaireDir: string): Questionnaire {
  const { questionnaire, problems } = collectQuestionnaire(questionnaireDir)
  if (problems.length || !questionnaire) throw new ContentError('the questionnaire is inconsistent', problems)
  return questionnaire
}

/** Loads what can be loaded and lists every problem (the lint uses this). */
export function collectQuestionnaire(questionnaireDir: string): {
  questionnaire: Questionnaire | null
  problems: string[]
} {
  let index
  try {
    index = readYamlFile(path.join(questionnaireDir, 'index.yaml'), QuestionnaireIndex)
  } catch (error) {
    if (error instanceof ContentError) return { questionnaire: null, problems: error.problems }
    throw error
  }
  const problems: string[] = []
  const sections: Section[] = []
  for (const id of index.sections) {
    const file = path.join(questionnaireDir, `${id}.yaml`)
    if (!fs.existsSync(file)) {
      problems.push(`questionnaire section ${id}: ${id}.yaml is missing`)
      continue
    }
    try {
      const section = readYamlFile(file, Section)
      if (section.id !== id) problems.push(`${id}.yaml declares section ${section.id}`)
      sections.push(section)
    } catch (error) {
      if (!(error instanceof ContentError)) throw error
      problems.push(...error.problems)
    }
  }
  const assembled = assembleQuestionnaire(index.version, sections)
  return { questionnaire: assembled.questionnaire, problems: [...problems, ...assembled.problems] }
}

/** Assembles and cross-checks a questionnaire from parsed sections; throws on any problem. */
export function buildQuestionnaire(version: string, sections: Section[]): Questionnaire {
  const { questionnaire, problems } = assembleQuestionnaire(version, sections)
  if (problems.length) throw new ContentError('the questionnaire is inconsistent', problems)
  return questionnaire
}

function assembleQuestionnaire(
  version: string,
  sections: Section[],
): { questionnaire: Questionnaire; problems: string[] } {
  const problems: string[] = []
  const byId = new Map<string, Question>()
  const sectionOf = new Map<string, Section>()
  const questions: Question[] = []
  for (const section of sections) {
    if (section.showIf) {
      problems.push(...checkCondition(section.showIf, byId, `section ${section.id} showIf`))
    }
    for (const q of section.questions) {
      if (byId.has(q.id)) problems.push(`duplicate question id ${q.id}`)
      if (!q.id.startsWith(`${section.id}.`))
        problems.push(`${q.id}: ids in section ${section.id} start with "${section.id}."`)
      if (q.showIf) {
        // Checked against the questions before this one only: a showIf may not look ahead.
        const ahead = referencedQuestions(q.showIf).filter((ref) => !byId.has(ref))
        ahead.forEach((ref) => problems.push(`${q.id} showIf: ${ref} is unknown or not asked before ${q.id}`))
        if (ahead.length === 0) problems.push(...checkCondition(q.showIf, byId, `${q.id} showIf`))
      }
      byId.set(q.id, q)
      sectionOf.set(q.id, section)
      questions.push(q)
    }
  }
  return { questionnaire: { version, sections, questions, byId, sectionOf }, problems }
}
