import Foundation
import Testing
@testable import Verbatim

@Suite("Rules")
struct RulesSpec {
    // Every built-in rule file parses (a broken one would trap at start-up).
    @Test func builtInRulesLoad() {
        let r = RuleSet.defaults
        #expect(r.cueVerbs["said"]?.lemma == "say")
        #expect(r.abbreviations.contains("Gen."))
        #expect(!r.quoteMarks.isEmpty)
    }

    func ruleDir(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    // A file in --rules DIR replaces the built-in file of the same name.
    @Test func overrideReplacesOneFile() throws {
        let r = try RuleSet.load(overriding: ruleDir(["cue-verbs.tsv": "form\tlemma\tclass\nproclaimed\tproclaim\tspeech\n"]))
        #expect(r.cueVerbs["proclaimed"] != nil)
        #expect(r.cueVerbs["said"] == nil)
        #expect(r.abbreviations.contains("Gen."))
    }

    // Bad rule files are errors that name the file and line.
    @Test(arguments: [
        ("cue-verbs.tsv", "form\tlemma\tclass\nsaid\tsay\tspeech\nadded\tadd\tspeech\n", "rules/cue-verbs.tsv:3"),
        ("cue-verbs.tsv", "verb\tlemma\n", "rules/cue-verbs.tsv:1"),
        ("titles.tsv", "title\nSen.\tx\n", "rules/titles.tsv:2"),
        ("nonsense.tsv", "x\n", "rules/nonsense.tsv"),
    ])
    func badRules(file: String, text: String, location: String) throws {
        let dir = try ruleDir([file: text])
        #expect {
            try RuleSet.load(overriding: dir)
        } throws: { error in
            String(describing: error).hasPrefix(location)
        }
    }
}

@Suite("Records")
struct RecordsSpec {
    func records(_ text: String) -> [[String: Any]] {
        Pipeline(rules: .defaults).process(InputDocument(id: "t", text: text)).map {
            try! JSONSerialization.jsonObject(with: Data($0.json.utf8)) as! [String: Any]
        }
    }

    // Every key of a type is present, null where absent, in the contract's order.
    @Test func keysAndOrder() {
        let lines = Pipeline(rules: .defaults).process(InputDocument(id: "t", text: "“Yes,” said nobody at all.")).map(\.json)
        #expect(lines[0].hasPrefix("{\"type\":\"document\",\"doc\":\"t\",\"source\":null,\"path\":null,\"chars\":"))
        let quote = lines[1]
        let order = ["\"type\"", "\"id\"", "\"doc\"", "\"source\"", "\"kind\"", "\"text\"", "\"spans\"", "\"sentences\"", "\"speaker\"", "\"cue\"", "\"claim\""]
        let positions = order.map { quote.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
    }

    // Offsets are code points of the text as read (emoji and curly quotes count one each).
    @Test func codePointOffsets() {
        let text = "😀 “Go,” Kerry said."
        let r = records(text)
        let spans = r[1]["spans"] as! [[Int]]
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[spans[0][0]..<spans[0][1]])) == "“Go,”")
        #expect(r[0]["chars"] as? Int == scalars.count)
        #expect(r[0]["quotes"] as? Int == 1)
    }

    // JSON escaping of quotes, backslashes, newlines and control characters.
    @Test func escaping() {
        let line = Record.error(ErrorRecord(doc: "a\"b\\c", path: nil, message: "x\ny\u{01}")).json
        #expect(line == #"{"type":"error","doc":"a\"b\\c","path":null,"message":"x\ny\u0001"}"#)
    }
}
