/// One quote as cross-source matching sees it: from a ``Document``'s attributions, or from a
/// `quote` record of an earlier run (`verbatim match`).
public struct ClaimQuote: Sendable, Equatable {
    public var id: String
    public var doc: String
    public var source: String?
    /// True for a direct quote (`kind` `direct`): a change of its words is a misquote.
    public var direct: Bool
    /// The claim as stated (the quote record's `text`).
    public var text: String
    /// The speaker's entity id, nil when there is none.
    public var speaker: String?
    /// ``text`` normalised (``ClaimNormalizer``).
    public var normalized: String
    /// Where each piece of ``text`` after the first starts (UTF-8 offsets; empty for one
    /// piece): a direct quote told in several quotations (`“A.” “B.”`) repeats another when
    /// one of its quotations is that other whole.
    public var pieceStarts: [Int]

    public init(id: String, doc: String, source: String?, direct: Bool, text: String, speaker: String?,
                normalized: String? = nil, pieceStarts: [Int] = []) {
        self.id = id
        self.pieceStarts = pieceStarts
        self.doc = doc
        self.source = source
        self.direct = direct
        self.text = text
        self.speaker = speaker
        self.normalized = normalized ?? ClaimNormalizer.normalize(text)
    }

    /// Where the pieces of a quote record's `text` start, read back from the lengths of its
    /// `spans` (in code points): each piece is its span less the quotation marks that enclose
    /// it (none, one or two of one or two characters: `“…”`, `''…''`) and less white space runs
    /// made one, and is followed by the joining space. The marks of every piece are chosen so
    /// that the lengths add up to the text's, as few as a piece allows first; when no choice
    /// does (white space was made one), each piece takes the first that puts a space after it.
    /// Empty when the lengths do not fit the text (a boundary is then unknown, never guessed
    /// far off).
    public static func pieceStarts(text: String, spanLengths: [Int]) -> [Int] {
        guard spanLengths.count > 1 else { return [] }
        let scalars = Array(text.unicodeScalars)
        var offsets = [Int](repeating: 0, count: scalars.count + 1)  // scalar index → UTF-8 offset
        for (i, s) in scalars.enumerated() { offsets[i + 1] = offsets[i] + UTF8.width(s) }
        func spaceAt(_ k: Int, after from: Int) -> Bool { k > from && k < scalars.count && scalars[k] == " " }
        // Exact: every piece's marks (0…4 characters) chosen so that the total fits.
        func fit(_ i: Int, _ from: Int) -> [Int]? {
            if i == spanLengths.count - 1 { return (0...4).contains(from + spanLengths[i] - scalars.count) ? [] : nil }
            for marks in [2, 0, 1, 4, 3] where spaceAt(from + spanLengths[i] - marks, after: from) {
                let next = from + spanLengths[i] - marks + 1
                if let rest = fit(i + 1, next) { return [next] + rest }
            }
            return nil
        }
        if spanLengths.count <= 6, let starts = fit(0, 0) { return starts.map { offsets[$0] } }
        var starts: [Int] = []
        var from = 0
        for length in spanLengths.dropLast() {
            guard let space = [length - 2, length - 1, length, length - 3, length - 4].map({ from + $0 })
                .first(where: { spaceAt($0, after: from) }) else { return [] }
            from = space + 1
            starts.append(offsets[from])
        }
        return starts
    }
}

/// Cross-source claim matching: gives every quote its claim id, reports each repeat of an
/// earlier quote of another document as it comes (`match`), and the claims seen in two or
/// more documents when the run ends (`cluster`).
///
/// Reads: quotes one at a time, in the order of the run. Keeps, per quote: its words as
/// hashes (``ClaimShape``, at most ``ClaimVocabulary/maxWords``; held once for the quotes of
/// one text and shape), its ids and its cluster; per
/// cluster: the first quote's text and the members after it. Nothing else grows with the run.
///
/// How a repeat is found, at a cost per quote that does not grow with the quotes seen:
/// 1. candidates: the quote of the same normalised text; the quotes sharing a winnowed word
///    trigram (``ClaimShape/fingerprints(window:)``), the most recent ``postingsRead`` of each,
///    a trigram held by ``postingsKept`` quotes being a stock phrase, no longer indexed or
///    read; the last ``speakerRecent`` quotes of the same speaker (for paraphrase);
/// 2. verification of at most ``candidatesVerified`` of them, most shared fingerprints first,
///    by ``ClaimComparer`` (quotes of the same document are never matched); a candidate by its
///    speaker alone, sharing no fingerprint, by the paraphrase test only;
/// 3. the quote joins the cluster of its best match (`same`, then `contains`/`contained`,
///    then `paraphrase`; then the score; then the earliest), and one `match` record is written
///    for the best quote of each matched cluster, at most ``matchesWritten``.
/// Clusters never merge: a claim id, once written, stays right.
///
/// A cluster is a conflict when two of its quotes have speakers that differ (a joint speaker
/// agrees with each of its members), or when a direct quote repeats another direct quote with
/// words changed (a misquote: the quote and its wording are the cluster's `variants`).
public final class ClaimMatcher {
    static let postingsRead = 32
    static let postingsKept = 256
    static let speakerRecent = 32
    static let candidatesVerified = 48
    static let matchesWritten = 5

    /// What the matcher holds, for a run's report.
    public struct Stats: Sendable {
        public let quotes: Int
        public let clusters: Int
        public let postings: Int
        public let fingerprints: Int
        public let words: Int
        public let matches: Int

        /// An estimate of the memory held, in bytes: the stored words and postings, and the
        /// per-quote, per-cluster and per-fingerprint bookkeeping.
        public var bytes: Int { words * 4 + postings * 8 + fingerprints * 24 + quotes * 140 + clusters * 96 }
    }

    /// A stored quote; its document and speaker are in its ``Brief``.
    private struct Stored {
        var id: String
        var cluster: Int32
        var direct: Bool
        var shape: ClaimShape
    }

    private struct Cluster {
        var text: String
        var quotes: [Int32]
        var variants: [(quote: Int32, text: String)] = []
    }

    /// What candidate selection and verification read of every stored quote, side by side
    /// (24 bytes, no reference counted): a candidate's document, its speaker, whether it is
    /// the same text as the new quote, and whether it has the same shape as another candidate,
    /// found without touching its shape.
    private struct Brief {
        var exact: UInt64
        var words: Int32
        var doc: Int32
        var speaker: Int32
        /// The first stored quote of the same shape (its words then shared): the quote itself,
        /// or the first quote of its text when their shapes are equal.
        var twin: Int32
    }

    private let vocabulary: ClaimVocabulary
    private var quotes: [Stored] = []
    /// Per stored quote, as ``quotes``.
    private var briefs: [Brief] = []
    private var clusters: [Cluster] = []
    private var docs: [String: Int32] = [:]
    private var docNames: [String] = []
    private var docSources: [String?] = []
    /// Per document, the start of the ids of its speakers known only by a description there
    /// (``EntityID/scoped(_:in:)``): they agree or disagree with nobody elsewhere.
    private var docScopes: [String] = []
    private let entityIDs = EntityID()
    private var speakers: [String: Int32] = [:]
    private var speakerNames: [String] = []
    private var exact: [UInt64: Int32] = [:]
    /// Fingerprint → the latest posting (high 32 bits) and the number of postings.
    private var heads = HashTable32(capacity: 1 << 16)
    /// Shared fingerprints per earlier quote while one quote is added (zero otherwise).
    private var hitCount: [Int32] = []
    /// The postings: a quote holding a fingerprint, and the fingerprint's posting before it
    /// (-1: none), side by side (one cache line a posting read).
    private var postings: [(quote: Int32, next: Int32)] = []
    private var bySpeaker: [Int32: [Int32]] = [:]
    private var wordsHeld = 0
    private var matchCount = 0

    /// What the matcher holds now.
    public var stats: Stats {
        Stats(quotes: quotes.count, clusters: clusters.count, postings: postings.count, fingerprints: heads.count,
              words: wordsHeld, matches: matchCount)
    }

    public init(rules: RuleSet) {
        vocabulary = ClaimVocabulary(rules: rules)
    }

    /// Sets the claim of every attribution of `document` (their ids are `quoteIDs`); returns
    /// the match records found.
    public func add(_ document: inout Document, quoteIDs: [String]) -> [MatchRecord] {
        var records: [MatchRecord] = []
        for k in document.attributions.indices {
            let a = document.attributions[k]
            let quote = ClaimQuote(id: quoteIDs[k], doc: document.id, source: document.source, direct: a.kind == .direct,
                                   text: a.text, speaker: a.speaker?.entity, normalized: a.normalized,
                                   pieceStarts: a.pieceStarts)
            let (claim, matches) = add(quote)
            document.attributions[k].claim = claim
            records += matches
        }
        return records
    }

    /// Adds one quote; returns its claim id and the match records it makes.
    public func add(_ quote: ClaimQuote) -> (claim: String, matches: [MatchRecord]) {
        let shape = vocabulary.shape(of: quote.text, normalized: quote.normalized, direct: quote.direct,
                                     pieceStarts: quote.pieceStarts)
        let doc = intern(doc: quote.doc, source: quote.source)
        let named = quote.speaker.flatMap { $0.hasPrefix(docScopes[Int(doc)]) ? nil : $0 }
        let speaker = named.map(intern(speaker:)) ?? -1
        let index = Int32(quotes.count)
        let prints = shape.words.count >= 3 ? shape.fingerprints() : []

        // 1. Candidates, by fingerprints shared. The hot loop reads the postings and the hit
        // counts through buffer pointers: no retain, release or uniqueness check a posting.
        var touched: [Int32] = []
        let sameText = shape.words.count >= 3 ? exact[shape.exact] : nil
        let recent = speaker >= 0 ? bySpeaker[speaker] : nil
        do {
            let heads = self.heads  // one reference for the loop (it ends before the table grows)
            hitCount.withUnsafeMutableBufferPointer { count in
                postings.withUnsafeBufferPointer { postings in
                    func hit(_ q: Int32, _ n: Int32) {
                        if count[Int(q)] == 0 { touched.append(q) }
                        count[Int(q)] += n
                    }
                    if let same = sameText { hit(same, 1 << 20) }
                    for f in prints {
                        guard let head = heads[f] else { continue }
                        guard Int32(truncatingIfNeeded: head) < Self.postingsKept else { continue }
                        var p = Int32(truncatingIfNeeded: head >> 32)
                        var read = 0
                        while p >= 0 && read < Self.postingsRead {
                            hit(postings[Int(p)].quote, 1)
                            p = postings[Int(p)].next
                            read += 1
                        }
                    }
                    if let recent {
                        // Marked -1: a candidate with no fingerprint shared (ranked after those with some).
                        for q in recent where count[Int(q)] == 0 {
                            touched.append(q)
                            count[Int(q)] = -1
                        }
                    }
                }
            }
        }
        var candidates: [(quote: Int32, hits: Int32)] = []
        candidates.reserveCapacity(touched.count)
        var found: [(quote: Int32, relation: ClaimRelation, speakers: SpeakerAgreement)] = []
        do {
            let briefs = self.briefs
            hitCount.withUnsafeMutableBufferPointer { count in
                briefs.withUnsafeBufferPointer { briefs in
                    for q in touched {
                        let n = count[Int(q)]
                        count[Int(q)] = 0
                        if briefs[Int(q)].doc != doc { candidates.append((q, n < 0 ? 0 : n)) }
                    }
                }
            }

            // 2. Verification.
            let ranked = candidates.sorted { $0.hits != $1.hits ? $0.hits > $1.hits : $0.quote < $1.quote }
                .prefix(Self.candidatesVerified)
            // The new quote's trigrams, found when a first candidate is compared (none is, for
            // most quotes).
            var grams: TrigramPositions?
            // The candidates compared so far: a candidate of the same shape as one of them (a
            // story republished word for word: the same twin), with the same speaker agreement,
            // relates to the new quote as it does (`relate` is pure), and is not compared again.
            var compared: [(twin: Int32, agreement: SpeakerAgreement, relation: ClaimRelation?)] = []
            compared.reserveCapacity(ranked.count)
            for (q, hits) in ranked {
                let brief = briefs[Int(q)]
                let agreement = agreement(speaker, brief.speaker)
                let r: ClaimRelation?
                if shape.words.count >= 3 && brief.words >= 3 && shape.exact == brief.exact {
                    // The same text (``ClaimComparer/relate(_:_:_:speakers:)``'s first answer), told
                    // from the brief: an exact repeat's shape is not read at all.
                    r = ClaimRelation(relation: .same, score: 1, verbatim: true)
                } else if shape.words.count < 3 || brief.words < 3 {
                    // Too short to relate (``ClaimComparer/relate(_:_:_:speakers:)``'s first
                    // answer), told from the brief.
                    r = nil
                } else if let same = compared.first(where: { $0.twin == brief.twin && $0.agreement == agreement }) {
                    r = same.relation
                } else if hits == 0 {
                    // A candidate by its speaker alone: the paraphrase test only.
                    r = Self.paraphrase(shape, &quotes[Int(q)])
                    compared.append((brief.twin, agreement, r))
                } else {
                    if grams == nil { grams = TrigramPositions(shape.words) }
                    r = Self.relate(shape, &grams!, &quotes[Int(q)], agreement)
                    compared.append((brief.twin, agreement, r))
                }
                if let r { found.append((q, r, agreement)) }
            }
        }
        func rank(_ r: MatchRelation) -> Int {
            switch r {
            case .same: return 3
            case .contains, .contained: return 2
            case .paraphrase: return 1
            }
        }
        found.sort {
            let (a, b) = ($0.relation, $1.relation)
            if rank(a.relation) != rank(b.relation) { return rank(a.relation) > rank(b.relation) }
            if a.score != b.score { return a.score > b.score }
            return $0.quote < $1.quote
        }

        // 3. Cluster and match records.
        var records: [MatchRecord] = []
        var seen: Set<Int32> = []
        for m in found where records.count < Self.matchesWritten {
            let cluster = quotes[Int(m.quote)].cluster
            guard seen.insert(cluster).inserted else { continue }
            records.append(MatchRecord(a: quote.id, b: quotes[Int(m.quote)].id, relation: m.relation.relation.rawValue,
                                       score: m.relation.score, speakers: m.speakers.rawValue))
        }
        let cluster: Int32
        // A paraphrase joins a cluster only through its first quote: rewordings of rewordings
        // drift, and a claim id is a promise that the claims are one.
        let joins = found.first.map { $0.relation.relation != .paraphrase || clusters[Int(quotes[Int($0.quote)].cluster)].quotes[0] == $0.quote } ?? false
        if joins, let best = found.first {
            cluster = quotes[Int(best.quote)].cluster
            clusters[Int(cluster)].quotes.append(index)
            if quote.direct && quotes[Int(best.quote)].direct && !best.relation.verbatim {
                clusters[Int(cluster)].variants.append((index, quote.text))
            }
        } else {
            cluster = Int32(clusters.count)
            clusters.append(Cluster(text: quote.text, quotes: [index]))
        }

        // 4. Index the new quote.
        // A shape equal to that of the first quote of the same text is that quote's: told by
        // its twin, its words held once.
        var twin = index
        var kept = shape
        if let first = sameText, quotes[Int(first)].shape == shape {
            twin = first
            kept = quotes[Int(first)].shape
        }
        quotes.append(Stored(id: quote.id, cluster: cluster, direct: quote.direct, shape: kept))
        briefs.append(Brief(exact: shape.exact, words: Int32(shape.words.count), doc: doc, speaker: speaker, twin: twin))
        hitCount.append(0)
        if shape.words.count >= 3 && exact[shape.exact] == nil { exact[shape.exact] = index }
        Self.post(prints, of: index, heads: &heads, postings: &postings)
        if speaker >= 0 {
            var recent = bySpeaker[speaker] ?? []
            if recent.count >= Self.speakerRecent { recent.removeFirst() }
            recent.append(index)
            bySpeaker[speaker] = recent
        }
        if twin == index { wordsHeld += shape.words.count + shape.content.count }  // a twin's are shared
        matchCount += records.count
        return (Self.claimID(cluster), records)
    }

    /// The clusters of the run holding quotes of two or more documents, in the order they
    /// were first seen.
    public func finish() -> [ClusterRecord] {
        var out: [ClusterRecord] = []
        for (k, c) in clusters.enumerated() where c.quotes.count > 1 {
            var docIDs: [Int32] = []
            var speakerIDs: [Int32] = []
            for q in c.quotes {
                let s = briefs[Int(q)]
                if !docIDs.contains(s.doc) { docIDs.append(s.doc) }
                if s.speaker >= 0 && !speakerIDs.contains(s.speaker) { speakerIDs.append(s.speaker) }
            }
            guard docIDs.count > 1 else { continue }
            let names = speakerIDs.map { speakerNames[Int($0)] }
            // A surname alone (`reyne`, a transcript label) is the full name it ends (`tomas-reyne`)
            // when both are there: listed once, as the full name.
            let listed = names.filter { n in
                n.contains("+") || !names.contains { m in m.count > n.count && !m.contains("+") && m.hasSuffix("-" + n) } }
            var differ = false
            for i in names.indices { for j in names.indices where j > i && SpeakerAgreement.of(names[i], names[j]) == .different { differ = true } }
            out.append(ClusterRecord(
                id: Self.claimID(Int32(k)), text: c.text, quotes: c.quotes.map { quotes[Int($0)].id },
                docs: docIDs.map { docNames[Int($0)] }, sources: docIDs.map { docSources[Int($0)] },
                speakers: listed, conflict: differ || !c.variants.isEmpty,
                variants: c.variants.map { ClusterRecord.Variant(quote: quotes[Int($0.quote)].id, text: $0.text) }))
        }
        return out
    }

    static func claimID(_ cluster: Int32) -> String { "k\(cluster + 1)" }

    /// ``ClaimComparer/relate(_:_:_:speakers:)`` of the new quote's shape and the stored
    /// quote's. The stored quote comes in as `inout` (the array's element in place, nothing
    /// else holding the array): its shape is borrowed through the exclusive access, where a
    /// read of the element copies it (a retain and a release of each of its arrays).
    private static func relate(_ shape: ClaimShape, _ grams: inout TrigramPositions, _ old: inout Stored,
                               _ agreement: SpeakerAgreement) -> ClaimRelation? {
        ClaimComparer.relate(shape, &grams, old.shape, speakers: agreement)
    }

    /// ``ClaimComparer/paraphrase(_:_:)`` of the new quote's shape and the stored quote's, the
    /// stored one in place (as in ``relate(_:_:_:_:)``).
    private static func paraphrase(_ shape: ClaimShape, _ old: inout Stored) -> ClaimRelation? {
        ClaimComparer.paraphrase(shape, old.shape)
    }

    /// Adds a posting of `quote` for each of its fingerprints not yet held by
    /// ``postingsKept`` quotes. The tables come in as `inout`: one exclusive access to each
    /// for all the fingerprints, not three a fingerprint.
    private static func post(_ prints: [UInt32], of quote: Int32, heads: inout HashTable32,
                             postings: inout [(quote: Int32, next: Int32)]) {
        for f in prints {
            let head = heads[f] ?? (-1 << 32)
            let count = Int32(truncatingIfNeeded: head)
            guard count < postingsKept else { continue }
            postings.append((quote, Int32(truncatingIfNeeded: head >> 32)))
            heads[f] = Int64(postings.count - 1) << 32 | Int64(count + 1)
        }
    }

    private func intern(doc: String, source: String?) -> Int32 {
        // The quotes of a document come together: its id is asked for once, not once a quote.
        if let last = docNames.last, last == doc { return Int32(docNames.count - 1) }
        if let d = docs[doc] { return d }
        let d = Int32(docNames.count)
        docs[doc] = d
        docNames.append(doc)
        docSources.append(source)
        docScopes.append(entityIDs.scopePrefix(doc))
        return d
    }

    /// ``SpeakerAgreement/of(_:_:)`` of two interned speakers (-1: none).
    private func agreement(_ a: Int32, _ b: Int32) -> SpeakerAgreement {
        if a < 0 || b < 0 { return .unknown }
        if a == b { return .same }
        return SpeakerAgreement.of(speakerNames[Int(a)], speakerNames[Int(b)])
    }

    private func intern(speaker: String) -> Int32 {
        if let s = speakers[speaker] { return s }
        let s = Int32(speakerNames.count)
        speakers[speaker] = s
        speakerNames.append(speaker)
        return s
    }
}
