/**
 * npm run personas:update
 *
 * Rewrites tests/personas/golden/*.json from the current content. Run it after bumping a content version,
 * and review the diff: it is the change in what those firms are told.
 */
import fs from 'node:fs'
import path from 'node:path'
import { loadContent } from '../src/content/load.js'
import { GOLDEN_DIR, goldenOf, loadPersonas, runPersona } from '../tests/support/personas.js'

const content = loadContent(path.resolve(import.meta.dirname, '..', 'knowledge'))
fs.mkdirSync(GOLDEN_DIR, { recursive: true })
for (const persona of loadPersonas()) {
  const run = await runPersona(content, persona)
  if (run.missingAnswer) throw new Error(`${persona.id}: no answer for ${run.missingAnswer}`)
  const golden = goldenOf(content, run)
  fs.writeFileSync(path.join(GOLDEN_DIR, `${persona.id}.json`), `${JSON.stringify(golden, null, 2)}\n`)
  console.log(
    `${persona.id.padEnd(28)} ${String(run.asked.length).padStart(3)} questions  ${String(golden.items.length).padStart(3)} items  ${String(golden.good.length).padStart(2)} good  ${golden.overall}`,
  )
}
