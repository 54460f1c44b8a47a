import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.js'
import { lintContent } from '../../src/content/lint.js'
import {
  type EvalQuestion,
  normalizeCitation,
  scoreRetrieval,
} from '../../src/knowledge/retrieval-metrics.js'
import { createKnowledgeSearch } from '../../src/knowledge/search.js'
import { REAL_KNOWLEDGE_DIR, SHARED_LAWS_DIR } from '../fixtures/content.js'
import { buildTestApp, client } from '../support/app.js'

const content = loadContent(REAL_KNOWLEDGE_DIR)
const today = '2026-11-27'

describe('the bundled content', () => {
  it('passes the content lint, including citations against the official texts when they are present', () => {
    const report = lintContent({ knowledgeDir: REAL_KNOWLEDGE_DIR, lawsDir: SHARED_LAWS_DIR, asOf: today })
    expect(report.problems).toEqual([])
    if (!fs.existsSync(SHARED_LAWS_DIR))
      expect(report.notes.join(' ')).toContain('not checked against the official texts')
  })

  it('is big enough to be useful', () => {
    expect(content.questionnaire.questions.length).toBeGreaterThanOrEqual(120)
    expect(content.ruleset.rules.length).toBeGreaterThanOrEqual(120)
    expect(content.knowledge.entries.length).toBeGreaterThanOrEqual(400)
    for (const section of ['profile', 'governance', 'ip', 'data', 'criminal', 'labour', 'tax']) {
      expect(
        content.questionnaire.sections.find((s) => s.id === section)?.questions.length,
      ).toBeGreaterThanOrEqual(8)
    }
  })

  it('cites only laws in force, in the version in force', () => {
    for (const rule of content.ruleset.rules) {
      for (const ref of rule.cites) {
        const law = content.knowledge.laws.get(ref.split(':')[0] as string)
        expect(law?.status, `${rule.id} cites ${ref}`).toBe('in_force')
        expect(ref, `${rule.id} pins a version`).not.toContain('@')
      }
    }
  })

  it('asks criminal-risk questions about practices, with a reason, never for a confession', () => {
    const criminal = content.questionnaire.sections.find((s) => s.id === 'criminal')!
    expect(criminal.intro?.['zh-CN']).toBeTruthy()
    for (const q of criminal.questions) {
      expect(q.why['zh-CN'].length, q.id).toBeGreaterThan(10)
      expect(q.text['zh-CN'], q.id).not.toMatch(/是否(曾经)?(行贿|受贿|虚开|逃税|偷税|侵占|挪用|犯罪|违法)/)
    }
  })
})

describe('a conversation over the bundled content', () => {
  it('reaches the checklist answering only with option numbers, and the same answers give the same hash', async () => {
    const { app } = buildTestApp(content)
    const c = client(app)
    const hashes: string[] = []
    for (let run = 0; run < 2; run++) {
      const { id, token } = await c.start()
      let turn: any = null
      let turns = 0
      do {
        // Number questions get a number, text questions a word; every other question the option "1".
        const type = (turn?.json.question ?? { type: 'boolean' }).type
        turn = await c.say(id, token, type === 'number' ? '50' : type === 'text' ? '无' : '1')
        expect(turn.status).toBe(200)
        turns++
      } while (!turn.json.done && turns < 300)
      expect(turn.json.done).toBe(true)
      expect(turn.json.messages.some((m: any) => m.kind === 'summary')).toBe(true)
      const checklist = (await c.call('GET', `/api/v1/sessions/${id}/checklist`, undefined, token)).json
      for (const item of checklist.items) {
        expect(item.citations.length, item.id).toBeGreaterThan(0)
        expect(item.triggers.length, item.id).toBeGreaterThan(0)
      }
      hashes.push(checklist.hash)
    }
    expect(hashes[0]).toBe(hashes[1])
  })
})

describe('knowledge search quality (regression guards; the figures are in docs/retrieval.md)', () => {
  const search = createKnowledgeSearch(content.knowledge)
  const score = (set: EvalQuestion[]) =>
    scoreRetrieval(set, (q) =>
      search.search(q.q, 10).map((h) => h.entry.citations.map((x) => normalizeCitation(x.law, x.article))),
    )

  const devFile = path.join(SHARED_LAWS_DIR, '..', 'eval', 'dev-questions.json')
  it.skipIf(!fs.existsSync(devFile))(
    'finds a right article in the top 5 for at least 90% of the development questions',
    () => {
      expect(score(JSON.parse(fs.readFileSync(devFile, 'utf8'))).hitAtK).toBeGreaterThanOrEqual(0.9)
    },
  )

  it('keeps its level on held-out questions and narratives written without looking at the knowledge base', () => {
    const holdout = JSON.parse(
      fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'retrieval-holdout.json'), 'utf8'),
    )
    expect(score(holdout).hitAtK).toBeGreaterThanOrEqual(0.75)
  })
})
