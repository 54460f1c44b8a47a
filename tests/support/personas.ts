import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'
import { createChatService } from '../../src/chat/session-service.js'
import type { ChecklistContent } from '../../src/checklist/build.js'
import type { Checklist } from '../../src/checklist/schema.js'
import { Localized } from '../../src/shared/localized.js'
import { createMemoryStore } from '../../src/store/memory-store.js'
import { steppingClock } from './app.js'

export const PERSONA_DIR = path.join(import.meta.dirname, '..', 'personas')
export const GOLDEN_DIR = path.join(PERSONA_DIR, 'golden')

/** A realistic firm: every answer it gives, and what a lawyer expects its checklist to say. */
export const Persona = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: Localized,
    description: z.string().min(10),
    /** Answers by question id: an option value, a list, true/false, a number, a text, "unsure", or null to skip. */
    answers: z.record(z.string(), z.unknown()),
    expect: z
      .object({
        fires: z.array(z.string()).min(1),
        notFires: z.array(z.string()).default([]),
        /** How many questions the firm should be asked. */
        questions: z.object({ min: z.number().int(), max: z.number().int() }).optional(),
      })
      .strict(),
  })
  .strict()
export type Persona = z.output<typeof Persona>

export function loadPersonas(): Persona[] {
  return fs
    .readdirSync(PERSONA_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => Persona.parse(parse(fs.readFileSync(path.join(PERSONA_DIR, f), 'utf8'))))
}

export interface PersonaRun {
  asked: string[]
  unusedAnswers: string[]
  missingAnswer: string | null
  checklist: Checklist
}

/**
 * Walks a persona through the questionnaire exactly as the chat page does — one structured answer to the
 * current question at a time — and returns the questions asked and the checklist.
 */
export async function runPersona(
  content: ChecklistContent,
  persona: Persona,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<PersonaRun> {
  const chat = createChatService({
    store: createMemoryStore(),
    content,
    now: steppingClock('2026-11-27T02:00:00.000Z'),
    newId: () => `persona-${persona.id}`,
    newToken: () => 'persona-token-xxxxxxxxxxxxxxxxxxxxxxxx',
  })
  const started = await chat.start({ locale })
  const asked: string[] = []
  let question = started.question
  while (question) {
    if (!(question.id in persona.answers)) {
      return {
        asked,
        unusedAnswers: [],
        missingAnswer: question.id,
        checklist: await chat.checklist(started.id, started.token),
      }
    }
    asked.push(question.id)
    const raw = persona.answers[question.id]
    const input =
      raw === null ? { skip: true as const } : raw === 'unsure' ? { unsure: true as const } : { value: raw }
    question = (await chat.answer(started.id, started.token, question.id, input)).question
  }
  return {
    asked,
    unusedAnswers: Object.keys(persona.answers).filter((id) => !asked.includes(id)),
    missingAnswer: null,
    checklist: await chat.checklist(started.id, started.token),
  }
}

/** What a golden file pins: the versions, the hash and the order of the checklist. */
export function goldenOf(content: ChecklistContent, run: PersonaRun) {
  return {
    versions: {
      questionnaire: content.questionnaire.version,
      ruleset: content.ruleset.version,
      knowledge: content.knowledge.version,
    },
    hash: run.checklist.hash,
    questionsAsked: run.asked.length,
    overall: run.checklist.overall.level,
    items: run.checklist.items.map((i) => `${i.urgency} ${i.severity} ${i.id}`),
    good: run.checklist.good.map((g) => g.id),
  }
}
