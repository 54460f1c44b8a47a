import { marked } from 'marked'
import sanitizeHtml from 'sanitize-html'
import { renderChecklistMarkdown } from './render-markdown.js'
import type { Checklist } from './schema.js'

/**
 * Only structural tags survive; no scripts, styles, event handlers, images or links. Answers typed by
 * a respondent end up in this HTML (and in the lawyer's dashboard), so the sanitiser, not the Markdown
 * escaping, is the guard that matters.
 */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'p',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'code',
    'blockquote',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'sub',
    'br',
    'hr',
  ],
  allowedAttributes: {},
  disallowedTagsMode: 'escape',
}

/** Renders Markdown to HTML with marked and sanitises the result. */
export function renderSafeHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true })
  return sanitizeHtml(html, ALLOWED)
}

/** The checklist as an HTML fragment (no page chrome), sanitised. */
export function renderChecklistHtml(checklist: Checklist): string {
  return renderSafeHtml(renderChecklistMarkdown(checklist))
}
