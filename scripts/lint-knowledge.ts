/**
 * npm run lint:knowledge [-- --kb] [--laws ../shared/laws] [--as-of YYYY-MM-DD]
 *
 * Checks the content under knowledge/ as a reviewer would: schemas and cross-references (the loaders),
 * citations against the official texts, copied statute text, and — unless --kb limits it to the
 * knowledge base — the questionnaire and the ruleset. Exits 1 when anything is wrong.
 */
import path from 'node:path'
import { lintContent } from '../src/content/lint.js'

const args = process.argv.slice(2)
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const root = path.resolve(import.meta.dirname, '..')
const report = lintContent({
  knowledgeDir: path.join(root, 'knowledge'),
  lawsDir: path.resolve(arg('--laws') ?? path.join(root, '..', 'shared', 'laws')),
  asOf: arg('--as-of') ?? new Date().toISOString().slice(0, 10),
  onlyKnowledgeBase: args.includes('--kb'),
})
for (const line of report.notes) console.log(`note: ${line}`)
for (const line of report.problems) console.log(`error: ${line}`)
console.log(
  report.problems.length
    ? `${report.problems.length} problem(s)`
    : `knowledge lint passed (${report.summary})`,
)
process.exit(report.problems.length ? 1 : 0)
