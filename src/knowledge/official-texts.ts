import fs from 'node:fs'
import path from 'node:path'
import { parseStatute } from './statute-parser.js'
import type { OfficialTexts } from './verify.js'

/**
 * Reads and parses every statute file in a folder laid out like ../shared/laws. Returns null when the
 * folder does not exist, so checks that need it can be skipped cleanly on machines without it.
 */
export function readOfficialTexts(lawsDir: string): OfficialTexts | null {
  if (!fs.existsSync(lawsDir)) return null
  const texts = new Map()
  for (const file of fs.readdirSync(lawsDir)) {
    if (!file.endsWith('.md') || file === 'README.md') continue
    texts.set(file, parseStatute(fs.readFileSync(path.join(lawsDir, file), 'utf8')))
  }
  return texts
}
