import { Hono } from 'hono'
import { z } from 'zod'
import type { ChatService } from '../../chat/session-service.js'
import { renderChecklistHtml } from '../../checklist/render-html.js'
import { renderChecklistMarkdown } from '../../checklist/render-markdown.js'
import { Locale } from '../../shared/localized.js'
import { DomainError } from '../../shared/errors.js'
import { bearerToken, parseWith, readJson } from '../validate.js'

const StartBody = z
  .object({
    locale: Locale.optional(),
    portal: z.string().trim().min(1).max(100).optional(),
  })
  .strict()

const MessageBody = z.object({ text: z.string().max(4000) }).strict()

const AnswerBody = z
  .object({
    questionId: z.string().min(1).max(100),
    value: z.unknown().optional(),
    unsure: z.literal(true).optional(),
    skip: z.literal(true).optional(),
  })
  .strict()
  .refine((b) => [b.value !== undefined, b.unsure, b.skip].filter(Boolean).length === 1, {
    message: 'send exactly one of value, unsure: true, skip: true',
  })

const ChecklistQuery = z.object({ format: z.enum(['json', 'md', 'html']).default('json') })

/** Session routes (API v1): validate, call one chat-service function, map the result. */
export function sessionRoutes(chat: ChatService) {
  const app = new Hono()

  app.post('/', async (c) => {
    // An empty body is allowed: every field is optional.
    const options = (await c.req.text()).trim() === '' ? {} : await readJson(c, StartBody)
    const started = await chat.start(options)
    return c.json(started, 201)
  })

  app.get('/:id', async (c) => c.json(await chat.view(c.req.param('id'), bearerToken(c))))

  app.post('/:id/messages', async (c) => {
    const token = bearerToken(c)
    const { text } = await readJson(c, MessageBody)
    return c.json(await chat.message(c.req.param('id'), token, text))
  })

  app.post('/:id/answers', async (c) => {
    const token = bearerToken(c)
    const body = await readJson(c, AnswerBody)
    const input = body.skip
      ? { skip: true as const }
      : body.unsure
        ? { unsure: true as const }
        : { value: body.value }
    return c.json(await chat.answer(c.req.param('id'), token, body.questionId, input))
  })

  app.get('/:id/checklist', async (c) => {
    const { format } = parseWith(ChecklistQuery, c.req.query(), 'invalid_query')
    const checklist = await chat.checklist(c.req.param('id'), bearerToken(c))
    if (format === 'md')
      return c.body(renderChecklistMarkdown(checklist), 200, {
        'content-type': 'text/markdown; charset=utf-8',
      })
    if (format === 'html') return c.html(renderChecklistHtml(checklist))
    return c.json(checklist)
  })

  app.all('*', () => {
    throw new DomainError('not_found', 'no such session route')
  })
  return app
}
