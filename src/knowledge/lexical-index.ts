import { tokenize } from './tokenize.js'

/** A document to index: an id and named text fields. */
export interface IndexDocument<F extends string> {
  id: string
  fields: Partial<Record<F, string>>
}

export interface FieldWeights {
  /** How much a match in this field counts. */
  weight: number
  /** BM25 length normalisation for this field (0 = none, 1 = full). */
  b: number
}

interface Postings {
  idf: number
  docs: Int32Array
  /** Length-normalised, field-weighted term frequency per document (BM25F). */
  tfs: Float32Array
}

/** A built index in flat arrays; postings of term t are [offsets[t], offsets[t+1]) of docs and tfs. */
export interface IndexSnapshot {
  ids: string[]
  terms: string[]
  idf: Float64Array
  offsets: Int32Array
  docs: Int32Array
  tfs: Float32Array
}

export interface ScoredDocument {
  index: number
  id: string
  score: number
}

const K1 = 1.2

/**
 * An inverted index scored with BM25F: term frequencies are combined across fields with per-field
 * weights and length normalisation before the usual BM25 saturation, so a term in a title counts more
 * than the same term in a long summary without one field drowning the others.
 *
 * Everything is computed at build time into typed arrays; a query only walks the postings of its own
 * terms and accumulates scores in one Float64Array, so it costs microseconds, not a scan of the corpus.
 */
export class LexicalIndex<F extends string> {
  readonly size: number
  readonly ids: string[]
  private readonly postings = new Map<string, Postings>()

  /** Builds the index; or, given a snapshot of an identical build, restores it without tokenising. */
  constructor(documents: Array<IndexDocument<F>>, weights: Record<F, FieldWeights>, snapshot?: IndexSnapshot) {
    this.size = documents.length
    this.ids = documents.map((d) => d.id)
    if (snapshot) {
      if (snapshot.ids.length !== this.size || snapshot.ids.some((id, i) => id !== this.ids[i])) {
        throw new Error('the index snapshot does not match the documents')
      }
      snapshot.terms.forEach((term, t) => {
        const from = snapshot.offsets[t] as number
        const to = snapshot.offsets[t + 1] as number
        this.postings.set(term, { idf: snapshot.idf[t] as number, docs: snapshot.docs.subarray(from, to), tfs: snapshot.tfs.subarray(from, to) })
      })
      return
    }
    const fields = Object.keys(weights) as F[]
    const tokens = documents.map((d) => fields.map((f) => tokenize(d.fields[f] ?? '')))
    const avgLength = fields.map((_, fi) => Math.max(1, tokens.reduce((sum, t) => sum + (t[fi] as string[]).length, 0) / Math.max(1, documents.length)))
    const perTerm = new Map<string, Map<number, number>>()
    tokens.forEach((docFields, docIndex) => {
      docFields.forEach((list, fi) => {
        if (list.length === 0) return
        const { weight, b } = weights[fields[fi] as F]
        const norm = 1 - b + (b * list.length) / (avgLength[fi] as number)
        const counts = new Map<string, number>()
        for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1)
        for (const [term, count] of counts) {
          let docs = perTerm.get(term)
          if (!docs) perTerm.set(term, (docs = new Map()))
          docs.set(docIndex, (docs.get(docIndex) ?? 0) + (weight * count) / norm)
        }
      })
    })
    for (const [term, docs] of perTerm) {
      const n = docs.size
      const idf = Math.log(1 + (this.size - n + 0.5) / (n + 0.5))
      this.postings.set(term, { idf, docs: Int32Array.from(docs.keys()), tfs: Float32Array.from(docs.values()) })
    }
  }

  /** Everything the index computed, in flat typed arrays: what a cache stores. */
  snapshot(): IndexSnapshot {
    const terms = [...this.postings.keys()]
    const offsets = new Int32Array(terms.length + 1)
    let total = 0
    terms.forEach((term, t) => {
      offsets[t] = total
      total += (this.postings.get(term) as Postings).docs.length
    })
    offsets[terms.length] = total
    const docs = new Int32Array(total)
    const tfs = new Float32Array(total)
    const idf = new Float64Array(terms.length)
    terms.forEach((term, t) => {
      const p = this.postings.get(term) as Postings
      docs.set(p.docs, offsets[t] as number)
      tfs.set(p.tfs, offsets[t] as number)
      idf[t] = p.idf
    })
    return { ids: this.ids, terms, idf, offsets, docs, tfs }
  }

  /** The inverse document frequency of a term, or 0 when no document contains it. */
  idf(term: string): number {
    return this.postings.get(term)?.idf ?? 0
  }

  /** Scores documents for weighted query terms and returns the best `k`, best first; ties by index. */
  search(terms: ReadonlyMap<string, number>, k: number, boosts?: ReadonlyMap<number, number>): ScoredDocument[] {
    const scores = new Float64Array(this.size)
    const touched: number[] = []
    for (const [term, queryWeight] of terms) {
      const p = this.postings.get(term)
      if (!p) continue
      for (let i = 0; i < p.docs.length; i++) {
        const doc = p.docs[i] as number
        const tf = p.tfs[i] as number
        if (scores[doc] === 0) touched.push(doc)
        scores[doc] = (scores[doc] as number) + queryWeight * p.idf * ((tf * (K1 + 1)) / (tf + K1))
      }
    }
    for (const [doc, boost] of boosts ?? []) {
      if (scores[doc] === 0) touched.push(doc)
      scores[doc] = (scores[doc] as number) + boost
    }
    const ranked = touched
      .filter((doc) => (scores[doc] as number) > 0)
      .sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b)
      .slice(0, k)
    return ranked.map((index) => ({ index, id: this.ids[index] as string, score: scores[index] as number }))
  }
}
