import { ContentError } from '../shared/yaml-files.js'
import { type KnowledgeBase, collectKnowledgeBase } from '../knowledge/load.js'
import { readOfficialTexts } from '../knowledge/official-texts.js'
import { checkCitationsAgainstOfficialText, checkEntriesAreOwnWords, statuteShingles } from '../knowledge/verify.js'
import { checkCitationVersions } from './check-versions.js'

export interface LintOptions {
  knowledgeDir: string
  /** Folder of official statute texts; checks that need it are skipped (with a note) when absent. */
  lawsDir: string
  /** The assessment date laws must be in force on. */
  asOf: string
  onlyKnowledgeBase?: boolean
}

export interface LintReport {
  problems: string[]
  notes: string[]
  summary: string
}

/** Runs every content check and collects the problems instead of stopping at the first. */
export function lintContent(options: LintOptions): LintReport {
  const problems: string[] = []
  const notes: string[] = []
  let kb: KnowledgeBase
  try {
    const collected = collectKnowledgeBase(options.knowledgeDir)
    kb = collected.kb
    problems.push(...collected.problems)
  } catch (error) {
    return { problems: problemsOf(error), notes, summary: '' }
  }
  const entryCitations = kb.entries.flatMap((e) => [...e.citations, ...e.related].map((ref) => ({ ref, where: e.id })))
  problems.push(...checkCitationVersions(kb, entryCitations, options.asOf))
  const texts = readOfficialTexts(options.lawsDir)
  if (texts) {
    problems.push(...checkCitationsAgainstOfficialText(kb, texts))
    problems.push(...checkEntriesAreOwnWords(kb, statuteShingles(texts)))
  } else {
    notes.push(`${options.lawsDir} is absent: citations were not checked against the official texts`)
  }
  const verified = kb.entries.filter((e) => e.verified).length
  return {
    problems,
    notes,
    summary: `${kb.entries.length} entries, ${verified} verified, ${kb.laws.size} laws`,
  }
}

function problemsOf(error: unknown): string[] {
  if (error instanceof ContentError) return error.problems
  throw error
}
