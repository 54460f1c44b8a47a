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

/** A built index in flat arrays; the postings of term t are [offsets[t], offsets[t+1]) of docs and tfs. */
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

/**
 * An inverted index scored with BM25F: term frequencies are combined across fields with per-field
 * weights and length normalisation before the usual BM25 saturation, so a term in a title counts more
 * than the same term in a long summary without one field drowning the others.
 *
 * The postings live in four flat typed arrays (CSR layout: offsets into docs and tfs per term), built in
 * two passes — a forward index per document, then the inverted arrays — so memory stays proportional to
 * the number of postings even at 100× the bundled knowledge base, and a cache can store the arrays as
 * they are. A query walks only the postings of its own terms.
 */
export class LexicalIndex<F extends string> {
  readonly size: number
  readonly ids: string[]
  private readonly termIds = new Map<string, number>()
  private readonly data: IndexSnapshot
  private scores: Float64Array | undefined

  /** Builds the index; or, given a snapshot of an identical build, restores it without tokenising. */
  constructor(
    documents: Array<IndexDocument<F>>,
    weights: Record<F, FieldWeights>,
    snapshot?: IndexSnapshot,
    private readonly k1 = 1.2,
  ) {
    this.size = documents.length
    this.ids = documents.map((d) => d.id)
    if (snapshot) {
      if (snapshot.ids.length !== this.size || snapshot.ids.some((id, i) => id !== this.ids[i])) {
        throw new Error('the index snapshot does not match the documents')
      }
      this.data = snapshot
    } else {
      this.data = build(documents, weights, this.termIds)
    }
    if (this.termIds.size === 0) this.data.terms.forEach((term, t) => this.termIds.set(term, t))
  }

  /** Everything the index computed, in flat typed arrays: what a cache stores. */
  snapshot(): IndexSnapshot {
    return this.data
  }

  /** The inverse document frequency of a term, or 0 when no document contains it. */
  idf(term: string): number {
    const t = this.termIds.get(term)
    return t === undefined ? 0 : (this.data.idf[t] as number)
  }

  /** Scores documents for weighted query terms and returns the best `k`, best first; ties by index. */
  search(terms: ReadonlyMap<string, number>, k: number, boosts?: ReadonlyMap<number, number>): ScoredDocument[] {
    const { idf, offsets, docs, tfs } = this.data
    const k1 = this.k1
    // One score array for the life of the index, cleared through `touched` after each query: a query
    // costs its postings, not the size of the corpus.
    const scores = (this.scores ??= new Float64Array(this.size))
    const touched: number[] = []
    for (const [term, queryWeight] of terms) {
      const t = this.termIds.get(term)
      if (t === undefined) continue
      const weight = queryWeight * (idf[t] as number)
      for (let i = offsets[t] as number, end = offsets[t + 1] as number; i < end; i++) {
        const doc = docs[i] as number
        const tf = tfs[i] as number
        if (scores[doc] === 0) touched.push(doc)
        scores[doc] = (scores[doc] as number) + (weight * (tf * (k1 + 1))) / (tf + k1)
      }
    }
    for (const [doc, boost] of boosts ?? []) {
      if (scores[doc] === 0) touched.push(doc)
      scores[doc] = (scores[doc] as number) + boost
    }
    const best = topK(touched, scores, k)
    const result = best.map((index) => ({ index, id: this.ids[index] as string, score: scores[index] as number }))
    for (const doc of touched) scores[doc] = 0
    return result
  }
}

/** The k best documents by score (ties: lower index first), by a bounded min-heap: O(n log k). */
function topK(candidates: number[], scores: Float64Array, k: number): number[] {
  const worse = (a: number, b: number) => (scores[a] as number) < (scores[b] as number) || ((scores[a] as number) === (scores[b] as number) && a > b)
  const heap: number[] = []
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && worse(heap[l] as number, heap[m] as number)) m = l
      if (r < heap.length && worse(heap[r] as number, heap[m] as number)) m = r
      if (m === i) return
      ;[heap[i], heap[m]] = [heap[m] as number, heap[i] as number]
      i = m
    }
  }
  for (const doc of candidates) {
    if ((scores[doc] as number) <= 0) continue
    if (heap.length < k) {
      heap.push(doc)
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1
        if (!worse(heap[i] as number, heap[parent] as number)) break
        ;[heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number]
        i = parent
      }
    } else if (worse(heap[0] as number, doc)) {
      heap[0] = doc
      siftDown(0)
    }
  }
  return heap.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b)
}

function build<F extends string>(
  documents: Array<IndexDocument<F>>,
  weights: Record<F, FieldWeights>,
  termIds: Map<string, number>,
): IndexSnapshot {
  const fields = Object.keys(weights) as F[]
  const terms: string[] = []
  const idOf = (term: string): number => {
    let id = termIds.get(term)
    if (id === undefined) {
      id = terms.length
      terms.push(term)
      termIds.set(term, id)
    }
    return id
  }
  // Pass 1: each field as term ids (compact: the token strings are dropped at once), for the average
  // field lengths.
  const encoded = documents.map((d) => fields.map((f) => Int32Array.from(tokenize(d.fields[f] ?? ''), idOf)))
  // Averaged over the documents that have the field: an imported statute text present on a few
  // documents must not be judged against the many that have none.
  const avgLength = fields.map((_, fi) => {
    const present = encoded.filter((t) => (t[fi] as Int32Array).length > 0)
    return Math.max(1, present.reduce((sum, t) => sum + (t[fi] as Int32Array).length, 0) / Math.max(1, present.length))
  })
  // Pass 2: a forward index (term ids and weighted tfs per document) and document frequencies.
  const forwardTerms: Int32Array[] = []
  const forwardTfs: Float32Array[] = []
  const df = new Int32Array(terms.length)
  encoded.forEach((docFields, docIndex) => {
    const local = new Map<number, number>()
    docFields.forEach((ids, fi) => {
      if (ids.length === 0) return
      const { weight, b } = weights[fields[fi] as F]
      const norm = 1 - b + (b * ids.length) / (avgLength[fi] as number)
      for (const id of ids) local.set(id, (local.get(id) ?? 0) + weight / norm)
    })
    forwardTerms.push(Int32Array.from(local.keys()))
    forwardTfs.push(Float32Array.from(local.values()))
    for (const id of local.keys()) df[id] = (df[id] as number) + 1
    encoded[docIndex] = []
  })
  // Pass 3: the inverted arrays, documents in ascending order within each term.
  const offsets = new Int32Array(terms.length + 1)
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = (offsets[t] as number) + (df[t] ?? 0)
  const total = offsets[terms.length] as number
  const docs = new Int32Array(total)
  const tfs = new Float32Array(total)
  const cursor = offsets.slice(0, terms.length)
  forwardTerms.forEach((ids, doc) => {
    const values = forwardTfs[doc] as Float32Array
    ids.forEach((id, j) => {
      const at = (cursor[id] as number)++
      docs[at] = doc
      tfs[at] = values[j] as number
    })
  })
  const n = documents.length
  const idf = Float64Array.from(terms, (_, t) => Math.log(1 + (n - (df[t] ?? 0) + 0.5) / ((df[t] ?? 0) + 0.5)))
  return { ids: documents.map((d) => d.id), terms, idf, offsets, docs, tfs }
}
