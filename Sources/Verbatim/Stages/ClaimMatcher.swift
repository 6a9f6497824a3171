/// Cross-source claim matching: gives every quote its claim id.
///
/// Runs once per run, after the per-document stages, fed one document at a time; it keeps
/// state across documents. This first version gives each quote a claim of its own
/// (`c1`, `c2`, …) and reports no matches or clusters.
public final class ClaimMatcher {
    private var next = 0

    public init() {}

    /// Sets the claim of every attribution of `document`; returns the match records found.
    public func add(_ document: inout Document, quoteIDs: [String]) -> [MatchRecord] {
        for k in document.attributions.indices {
            next += 1
            document.attributions[k].claim = "c\(next)"
        }
        return []
    }

    /// The clusters of the run, once every document has been added.
    public func finish() -> [ClusterRecord] { [] }
}
