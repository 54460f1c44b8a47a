import path from 'node:path'
import { z } from 'zod'
import type { Questionnaire } from '../questionnaire/schema.js'
import type { Ruleset } from '../rules/schema.js'
import { Localized } from '../shared/localized.js'
import { readYamlFile } from '../shared/yaml-files.js'

export const Topic = z
  .object({
    id: z.string().regex(/^[a-z]+\.[a-z0-9_]+$/),
    label: Localized,
    /** Context topics describe the firm (profile questions); they are not LEGAL.md probes. */
    context: z.boolean().default(false),
  })
  .strict()
export type Topic = z.output<typeof Topic>

export function loadTopics(knowledgeDir: string): Topic[] {
  return readYamlFile(
    path.join(knowledgeDir, 'topics.yaml'),
    z.object({ topics: z.array(Topic).min(1) }).strict(),
  ).topics
}

export interface TopicCoverage {
  topic: Topic
  questions: string[]
  rules: string[]
  citations: string[]
}

/** Topic → the questions that probe it → the rules that conclude on it → the articles they cite. */
export function computeCoverage(
  topics: Topic[],
  questionnaire: Questionnaire,
  ruleset: Ruleset,
): TopicCoverage[] {
  return topics.map((topic) => {
    const rules = ruleset.rules.filter((r) => r.topics.includes(topic.id))
    return {
      topic,
      questions: questionnaire.questions.filter((q) => q.topics.includes(topic.id)).map((q) => q.id),
      rules: rules.map((r) => r.id),
      citations: [...new Set(rules.flatMap((r) => r.cites))].sort(),
    }
  })
}

/** Topic ids used in the content that topics.yaml does not define. */
export function unknownTopics(topics: Topic[], questionnaire: Questionnaire, ruleset: Ruleset): string[] {
  const known = new Set(topics.map((t) => t.id))
  const problems: string[] = []
  for (const q of questionnaire.questions)
    for (const t of q.topics) if (!known.has(t)) problems.push(`${q.id}: unknown topic ${t}`)
  for (const r of ruleset.rules)
    for (const t of r.topics) if (!known.has(t)) problems.push(`rule ${r.id}: unknown topic ${t}`)
  return problems
}
