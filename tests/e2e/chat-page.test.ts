import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtureContent } from '../fixtures/content.js'
import { buildTestApp } from '../support/app.js'
import { browserAvailable, launchBrowser, serveOnFreePort } from '../support/browser.js'

const available = browserAvailable()

describe.skipIf(!available)('the chat page in a real browser', () => {
  let browser: Browser
  let server: Awaited<ReturnType<typeof serveOnFreePort>>
  let base = ''

  beforeAll(async () => {
    const { app } = buildTestApp(fixtureContent())
    server = await serveOnFreePort(app.fetch)
    base = server.base
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    server?.close()
  })

  it('runs a conversation with buttons and typed replies, announces messages, and shows the checklist', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    await page.goto(base)
    await expect.poll(() => page.locator('.message.question').count()).toBe(1)
    expect(await page.getAttribute('#messages', 'aria-live')).toBe('polite')
    expect(await page.locator('label[for="reply-input"]').count()).toBe(1)

    await page.getByRole('button', { name: '是', exact: true }).click() // structured answer
    await expect.poll(() => page.locator('.message.question').last().textContent()).toContain('员工人数')
    await page.locator('#reply-input').fill('150') // typed answer, sent with Enter
    await page.locator('#reply-input').press('Enter')
    await expect.poll(() => page.locator('.message.question').last().textContent()).toContain('渠道')
    await page.getByRole('checkbox', { name: '手机应用' }).check()
    await page.getByRole('button', { name: '确认选择' }).click()
    await expect.poll(() => page.getByRole('progressbar').getAttribute('aria-valuenow')).not.toBe('0')

    // A free question mid-way, then the questionnaire goes on.
    await page.locator('#reply-input').fill('我们的隐私政策要写哪些内容？')
    await page.getByRole('button', { name: '发送' }).click()
    await expect.poll(() => page.locator('.message.knowledge').count()).toBe(1)

    for (const label of ['工商登记模板']) await page.getByRole('button', { name: label }).click()
    await expect.poll(() => page.locator('.message.question').last().textContent()).toContain('需要说明')
    await page.locator('#reply-input').fill('<img src=x onerror="window.__pwned=1">')
    await page.locator('#reply-input').press('Enter')
    await expect.poll(() => page.locator('.message.question').last().textContent()).toContain('告知')
    await page.getByRole('button', { name: '没有', exact: true }).click()
    await expect.poll(() => page.locator('.message.question').last().textContent()).toContain('负责人')
    await page.getByRole('button', { name: '否', exact: true }).click()
    await expect.poll(() => page.locator('.message.summary').count()).toBe(1)

    await page.getByRole('button', { name: '查看清单' }).click()
    await expect
      .poll(() => page.locator('#checklist-body h1').textContent())
      .toContain('法治体检合规整改清单')
    expect(await page.locator('#checklist-body').textContent()).toContain('《个人信息保护法》第五十二条')
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.locator('#checklist-body img').count()).toBe(0)
    await page.getByRole('button', { name: '关闭' }).click()

    // The session survives a reload.
    await page.reload()
    await expect.poll(() => page.locator('.message.summary').count()).toBe(1)
    await page.screenshot({ path: 'data/chat-page.png', fullPage: true }).catch(() => undefined)
    expect(errors, errors.join('\n')).toEqual([])
  })

  it('switches the interface and the conversation to English', async () => {
    const page = await browser.newPage()
    await page.goto(base)
    await expect.poll(() => page.locator('.message.question').count()).toBe(1)
    await page.getByRole('button', { name: 'English' }).click()
    await expect
      .poll(() => page.locator('.message.question').last().textContent())
      .toContain("Do you process customers' personal information?")
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.getByRole('button', { name: 'Checklist' }).count()).toBe(1)
  })
})
