import Foundation
@testable import Verbatim

/// Shared helpers of the stage, record and end-to-end tests.
enum Fixture {
    /// The package root: three levels up from this file (`Tests/VerbatimTests/TestSupport.swift`).
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs the per-document stages with the built-in rules over one inline text.
    static func analyse(_ text: String, chunkSize: Int = 1 << 20) -> Document {
        Pipeline(rules: .defaults, chunkSize: chunkSize).analyse(InputDocument(id: "t", text: text))
    }

    /// One attribution as text: what the assertions compare (never raw offsets).
    struct Found: Equatable, CustomStringConvertible {
        var text: String
        var pieces: [String]
        var mention: String?
        var name: String?
        var entity: String?
        var resolution: String?
        var cue: String?

        var description: String {
            "\(text.debugDescription) pieces=\(pieces) mention=\(mention ?? "nil") name=\(name ?? "nil") cue=\(cue ?? "nil")"
        }
    }

    /// The attributions of an inline text, as ``Found`` values.
    static func attributions(_ text: String) -> [Found] {
        let d = analyse(text)
        return d.attributions.map { a in
            Found(text: a.text, pieces: a.spans.map { d.string($0) }, mention: a.speaker.map { d.string($0.mention) },
                  name: a.speaker?.name, entity: a.speaker?.entity, resolution: a.speaker?.resolution.rawValue,
                  cue: a.cue.map { d.string($0) })
        }
    }

    /// A fresh empty directory under the system's temporary directory.
    static func temporaryDirectory(_ prefix: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
