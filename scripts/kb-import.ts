/**
 * npm run kb:import -- <file or folder> [...] [--force]
 *
 * Imports official statute text (the layout of ../shared/laws: a header ending in <!-- INFO END -->, then
 * articles starting 第X条) into the data store — DATA_DIR, never the repository. Imported articles become
 * searchable beside the knowledge base, and an entry's page shows its article's official text. A newer
 * version replaces the older one; an older version is refused unless --force. Restart the server to
 * index what was imported.
 */
import fs from 'node:fs'
import path from 'node:path'
import { loadConfig } from '../src/config.js'
import { loadLawRegistry } from '../src/knowledge/load.js'
import { SupersededTextError, compareImport, prepareStatuteImport } from '../src/knowledge/statute-import.js'
import { openStore } from '../src/store/open.js'

const args = process.argv.slice(2)
const force = args.includes('--force')
const targets = args.filter((a) => !a.startsWith('--'))
if (targets.length === 0) {
  console.error('usage: npm run kb:import -- <file or folder> [...] [--force]')
  process.exit(2)
}
const files = targets.flatMap((t) => {
  if (!fs.existsSync(t)) {
    console.error(`not found: ${t}`)
    process.exit(2)
  }
  return fs.statSync(t).isDirectory()
    ? fs
        .readdirSync(t)
        .filter((f) => f.endsWith('.md') && f !== 'README.md')
        .sort()
        .map((f) => path.join(t, f))
    : [t]
})

const config = loadConfig()
const laws = loadLawRegistry(config.KNOWLEDGE_DIR)
const store = openStore(config)
const stored = new Map((await store.listStatutes()).map((s) => [s.law, s]))
let failures = 0
for (const file of files) {
  try {
    const { record, verdict } = prepareStatuteImport(
      fs.readFileSync(file, 'utf8'),
      file,
      laws,
      new Date().toISOString(),
    )
    const decision = compareImport(stored.get(record.law), record)
    if (decision === 'older' && !force) {
      console.log(
        `skip   ${record.law} ${record.version}: older than the stored ${stored.get(record.law)?.version} (use --force)`,
      )
      continue
    }
    await store.putStatute(record)
    stored.set(record.law, record)
    const note = {
      current: '',
      newer_than_cited: ` (newer than the ${laws.get(record.law)?.version} version the knowledge base cites: searchable on its own, not shown as entries' text; review the entries)`,
      unregistered: ' (not in knowledge/laws.yaml: searchable, but no entry cites it)',
    }[verdict]
    console.log(
      `${decision.padEnd(6)} ${record.law} ${record.version}: ${record.articles.length} articles${note}`,
    )
  } catch (error) {
    if (error instanceof SupersededTextError) {
      console.log(`skip   ${file}: ${error.message}`)
      continue
    }
    failures++
    console.error(`fail   ${file}: ${(error as Error).message}`)
  }
}
await store.close()
console.log(`stored in ${config.DATA_DIR}; restart the server to search the imported text`)
process.exit(failures ? 1 : 0)
