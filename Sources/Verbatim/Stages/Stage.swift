/// One step of the pipeline: reads some layers of a ``Document`` and adds one.
///
/// Stages run in order on one document at a time and never look into another stage's state;
/// ``Pipeline`` checks at construction that every stage's requirements are provided by the
/// stages before it.
public protocol DocumentStage {
    /// A short name for diagnostics.
    var name: String { get }
    /// The layers this stage reads.
    var requires: Set<DocumentLayer> { get }
    /// The layer this stage adds.
    var provides: DocumentLayer { get }
    /// Adds ``provides`` to `document`.
    mutating func process(_ document: inout Document)
}
