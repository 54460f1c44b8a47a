import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/load.js'
import { REAL_KNOWLEDGE_DIR } from '../fixtures/content.js'
import { buildTestApp } from '../support/app.js'
import { browserAvailable, launchBrowser, serveOnFreePort } from '../support/browser.js'
import { loadPersonas } from '../support/personas.js'

const available = browserAvailable()

/** Three different firms, walked through the chat page by a browser as their owners would. */
const FIRMS = ['casting-supplier', 'saas-offshore', 'family-cash-fees']

describe.skipIf(!available)('three firms through the chat page, on the bundled content', () => {
  const content = loadContent(REAL_KNOWLEDGE_DIR)
  const personas = loadPersonas().filter((p) => FIRMS.includes(p.id))
  let browser: Browser
  let server: Awaited<ReturnType<typeof serveOnFreePort>>
  let base = ''

  beforeAll(async () => {
    const { app } = buildTestApp(content)
    server = await serveOnFreePort(app.fetch)
    base = server.base
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    server?.close()
  })

  /** Answers the current question with the controls a person would use; returns the next API state. */
  async function answer(page: Page, question: any, value: unknown): Promise<any> {
    const next = page.waitForResponse(
      (r) =>
        /\/api\/v1\/sessions\/[^/]+\/(answers|messages)$/.test(r.url()) && r.request().method() === 'POST',
    )
    const label = (v: unknown) => question.options.find((o: any) => o.value === v)?.label as string
    if (value === 'unsure') await page.getByRole('button', { name: '不确定', exact: true }).click()
    else if (value === null) await page.getByRole('button', { name: '跳过', exact: true }).click()
    else if (question.type === 'multi') {
      for (const v of value as string[])
        await page.getByRole('checkbox', { name: label(v), exact: true }).check()
      await page.getByRole('button', { name: '确认选择' }).click()
    } else if (question.type === 'single' || question.type === 'boolean') {
      await page.getByRole('button', { name: label(value), exact: true }).click()
    } else {
      await page.locator('#reply-input').fill(String(value))
      await page.locator('#reply-input').press('Enter')
    }
    return (await next).json()
  }

  it.each(FIRMS)(
    '%s gets a checklist specific to it',
    async (id) => {
      const persona = personas.find((p) => p.id === id)
      expect(persona, `persona ${id}`).toBeDefined()
      const page = await browser.newPage()
      const first = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/sessions') && r.request().method() === 'POST',
      )
      await page.goto(base)
      let state = await (await first).json()
      let steps = 0
      while (state.question && steps++ < 200)
        state = await answer(page, state.question, persona!.answers[state.question.id])
      expect(state.done).toBe(true)
      await expect.poll(() => page.locator('.message.summary').count()).toBe(1)
      await page.getByRole('button', { name: '查看清单' }).click()
      await expect.poll(() => page.locator('#checklist-body h1').count()).toBe(1)
      // Each item names its rule in the rendered checklist (<code>rule.id</code>); good practice is listed by title.
      const html = await page.locator('#checklist-body').innerHTML()
      const risk = (r: string) => content.ruleset.byId.get(r)?.kind === 'risk'
      for (const rule of persona!.expect.fires.filter(risk))
        expect(html, `${id}: ${rule}`).toContain(`<code>${rule}</code>`)
      // What must not fire is checked on the checklist the page offers for download (a verify item's rule
      // list may name a rule that did not fire).
      const items = await page.evaluate(async () => {
        const { id: sessionId, token } = JSON.parse(
          (globalThis as any).localStorage.getItem('legal-checkup.session') ?? '{}',
        )
        const res = await fetch(`/api/v1/sessions/${sessionId}/checklist`, {
          headers: { authorization: `Bearer ${token}` },
        })
        const checklist = (await res.json()) as { items: Array<{ id: string }>; good: Array<{ id: string }> }
        return [...checklist.items, ...checklist.good].map((i: { id: string }) => i.id)
      })
      for (const rule of persona!.expect.notFires) expect(items, `${id}: ${rule}`).not.toContain(rule)
      await page.close()
    },
    180_000,
  )
})
