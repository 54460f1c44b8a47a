import type { KnowledgeEntry } from './schema.js'

export interface SearchHit {
  entry: KnowledgeEntry
  score: number
  /** A short excerpt of the entry's summary around the matched terms. */
  snippet: string
}

/** Knowledge search as the chat and the HTTP layer use it. */
export type SearchKnowledge = (query: string, k: number) => SearchHit[]
