import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.js'
import { REAL_KNOWLEDGE_DIR } from '../fixtures/content.js'
import { GOLDEN_DIR, goldenOf, loadPersonas, runPersona } from '../support/personas.js'

const content = loadContent(REAL_KNOWLEDGE_DIR)
const personas = loadPersonas()

describe('personas: realistic firms with full answer sets', () => {
  it('there are at least 12', () => {
    expect(personas.length).toBeGreaterThanOrEqual(12)
  })

  describe.each(personas.map((p) => [p.id, p] as const))('%s', (_, persona) => {
    it('answers every question it is asked, and only those', async () => {
      const run = await runPersona(content, persona)
      expect(run.missingAnswer, `no answer for ${run.missingAnswer}`).toBeNull()
      expect(run.unusedAnswers, 'answers to questions never asked').toEqual([])
      if (persona.expect.questions) {
        expect(run.asked.length).toBeGreaterThanOrEqual(persona.expect.questions.min)
        expect(run.asked.length).toBeLessThanOrEqual(persona.expect.questions.max)
      }
    })

    it('gets the findings a lawyer expects, and not the ones that cannot concern it', async () => {
      const { checklist } = await runPersona(content, persona)
      const fired = [...checklist.items.map((i) => i.id), ...checklist.good.map((g) => g.id)]
      for (const id of persona.expect.fires) expect(fired, `${id} should fire`).toContain(id)
      for (const id of persona.expect.notFires) expect(fired, `${id} should not fire`).not.toContain(id)
      for (const id of [...persona.expect.fires, ...persona.expect.notFires]) {
        expect(content.ruleset.byId.has(id) || id.startsWith('verify:'), `${id} is a rule`).toBe(true)
      }
    })

    it('matches its golden checklist; the hash only moves with a version bump', async () => {
      const golden = goldenOf(content, await runPersona(content, persona))
      const file = path.join(GOLDEN_DIR, `${persona.id}.json`)
      expect(fs.existsSync(file), `no golden file: run npm run personas:update`).toBe(true)
      const stored = JSON.parse(fs.readFileSync(file, 'utf8'))
      if (JSON.stringify(stored.versions) === JSON.stringify(golden.versions)) {
        expect(
          golden.hash,
          'the checklist hash moved but no version did: bump the ruleset (or questionnaire/knowledge) version, then run npm run personas:update',
        ).toBe(stored.hash)
      }
      expect(
        golden,
        'the golden file is out of date: review the change, then run npm run personas:update',
      ).toEqual(stored)
    })
  })
})
