import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager'
import { Document } from '@langchain/core/documents'
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers'
import { type Locale, pick } from '../shared/localized.js'
import type { KnowledgeSearch } from './search.js'

export interface KnowledgeRetrieverInput extends BaseRetrieverInput {
  search: KnowledgeSearch
  /** How many entries to return. */
  k?: number
  /** The language of the page content. */
  locale?: Locale
}

/**
 * The knowledge search as a LangChain retriever, so chains (and a configured model) can ground answers
 * in it. The index stays in our core; this is only an adapter. Each document carries the entry's
 * citations in its metadata, so a chain can cite exactly what was retrieved and nothing else.
 */
export class KnowledgeRetriever extends BaseRetriever {
  static override lc_name() {
    return 'KnowledgeRetriever'
  }
  override lc_namespace = ['legal_checkup', 'retrievers']

  private readonly knowledge: KnowledgeSearch
  private readonly k: number
  private readonly locale: Locale

  constructor(input: KnowledgeRetrieverInput) {
    super(input)
    this.knowledge = input.search
    this.k = input.k ?? 5
    this.locale = input.locale ?? 'zh-CN'
  }

  override async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<Document[]> {
    return this.knowledge.search(query, this.k).map(({ entry, score }) => {
      const labels = entry.citations.map((c) => c.label).join('、')
      return new Document({
        id: entry.id,
        pageContent: `${pick(entry.title, this.locale)}（${labels}）\n${pick(entry.summary, this.locale)}`,
        metadata: {
          id: entry.id,
          kind: entry.kind,
          score,
          verified: entry.verified,
          citations: entry.citations.map(({ law, article, label }) => ({ law, article, label })),
        },
      })
    })
  }
}
