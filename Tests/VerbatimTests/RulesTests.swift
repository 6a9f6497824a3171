import Foundation
import Testing
@testable import Verbatim

/// Writes `files` (name → text) into a fresh temporary directory and returns its path.
private func ruleDirectory(_ files: [String: String]) throws -> String {
    let dir = try Fixture.temporaryDirectory("verbatim-rules")
    for (name, text) in files {
        try text.write(toFile: (dir as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return dir
}

/// The description of the error `RuleSet.load` throws for this directory, or nil if it loads.
private func loadError(_ files: [String: String]) throws -> String? {
    let dir = try ruleDirectory(files)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    do {
        _ = try RuleSet.load(overriding: dir)
        return nil
    } catch {
        return String(describing: error)
    }
}

@Suite("Rules: loading rules/ strictly")
struct RulesTests {
    static let rulesDirectory = Fixture.packageRoot + "/rules"

    // Every file of the package's rules/ parses as it is on disk (loading the directory as an
    // override reads each one), and rules/ holds no file the loader does not know.
    @Test("every file of rules/ parses")
    func everyRuleFileParses() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.rulesDirectory)
            .filter { !$0.hasPrefix(".") }.sorted()
        #expect(names == RuleSet.files.keys.sorted())
        #expect(throws: Never.self) { try RuleSet.load(overriding: Self.rulesDirectory) }
    }

    // The built-in (embedded) rules load and hold what the stages rely on.
    @Test("the built-in rules load")
    func defaults() {
        let r = RuleSet.defaults
        #expect(r.cueVerbs["said"] == RuleSet.CueVerb(lemma: "say", cueClass: .speech))
        #expect(r.cueVerbs["according to"] != nil)
        #expect(r.abbreviations.isSuperset(of: ["Gen.", "Sen.", "U.S."]))
        #expect(r.titles.contains("Sen."))
        #expect(r.pronouns["he"] == RuleSet.Pronoun(gender: .male, plural: false, subject: true))
        #expect(r.quoteMarks.contains(RuleSet.QuoteMarkPair(open: "“", close: "”", single: false)))
        #expect(r.quoteMarks.contains(RuleSet.QuoteMarkPair(open: "‘", close: "’", single: true)))
        #expect(r.boilerplate.contains("follow"))
    }

    // A file in the override directory replaces the built-in file of that name, whole; the
    // other files stay built in.
    @Test("an override directory replaces one file")
    func overrideOneFile() throws {
        let dir = try ruleDirectory(["cue-verbs.tsv": "form\tlemma\tclass\nproclaimed\tproclaim\tspeech\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try RuleSet.load(overriding: dir)
        #expect(r.cueVerbs == ["proclaimed": RuleSet.CueVerb(lemma: "proclaim", cueClass: .speech)])
        #expect(r.cueVerbs["said"] == nil)
        #expect(r.abbreviations == RuleSet.defaults.abbreviations)
        // And the pipeline uses it.
        let d = Pipeline(rules: r).analyse(InputDocument(id: "t", text: "“We are close,” Kerry proclaimed."))
        #expect(d.attributions.first.flatMap { $0.cue.map(d.string) } == "proclaimed")
    }

    // Comments, blank lines and CRLF line endings are allowed anywhere.
    @Test("comments, blank lines and CRLF are accepted")
    func commentsAndCRLF() throws {
        let text = "# a comment\r\n\r\nform\tlemma\tclass\r\n# another\r\nproclaimed\tproclaim\tspeech\r\n"
        #expect(try loadError(["cue-verbs.tsv": text]) == nil)
    }

    // Every bad file is an error that names `rules/FILE:LINE` (line numbers count comments
    // and blank lines, so they point at the line in an editor).
    @Test("a bad rule file names its file and line", arguments: [
        // Not sorted: `added` after `said`.
        ("cue-verbs.tsv", "form\tlemma\tclass\nsaid\tsay\tspeech\nadded\tadd\tspeech\n", "rules/cue-verbs.tsv:3:"),
        // Not sorted, below comments and a blank line.
        ("titles.tsv", "# titles\n\ntitle\nSen.\nGen.\n", "rules/titles.tsv:5:"),
        // Wrong header.
        ("cue-verbs.tsv", "verb\tlemma\tclass\nsaid\tsay\tspeech\n", "rules/cue-verbs.tsv:1:"),
        // Header with a missing column.
        ("pronouns.tsv", "pronoun\tgender\n", "rules/pronouns.tsv:1:"),
        // Wrong column count.
        ("titles.tsv", "title\nSen.\tx\n", "rules/titles.tsv:2:"),
        ("cue-verbs.tsv", "form\tlemma\tclass\nsaid\tsay\n", "rules/cue-verbs.tsv:2:"),
        // A duplicate row.
        ("abbreviations.tsv", "abbreviation\nGen.\nGen.\n", "rules/abbreviations.tsv:3:"),
        // A stray space in a field.
        ("abbreviations.tsv", "abbreviation\nGen. \n", "rules/abbreviations.tsv:2:"),
        // A bad value in a column checked after parsing.
        ("cue-verbs.tsv", "form\tlemma\tclass\nsaid\tsay\tshouting\n", "rules/cue-verbs.tsv:2:"),
        ("quote-marks.tsv", "open\tclose\tkind\n“\t”\ttriple\n", "rules/quote-marks.tsv:2:"),
    ])
    func badFile(file: String, text: String, location: String) throws {
        let message = try loadError([file: text])
        #expect(message?.hasPrefix(location) == true, "\(message ?? "loaded without error")")
    }

    // A file the loader does not know (a typo in a name) is an error naming that file: it
    // would otherwise be silently ignored.
    @Test("an unknown file name is an error")
    func unknownFile() throws {
        let message = try loadError(["cue-verb.tsv": "form\tlemma\tclass\n"])
        #expect(message?.hasPrefix("rules/cue-verb.tsv") == true, "\(message ?? "loaded without error")")
    }

    // A file with comments only has no header.
    @Test("a file without a header is an error")
    func noHeader() throws {
        let message = try loadError(["titles.tsv": "# nothing here\n"])
        #expect(message?.hasPrefix("rules/titles.tsv") == true, "\(message ?? "loaded without error")")
    }

    // A missing directory is an error, not the defaults.
    @Test("a missing rules directory is an error")
    func missingDirectory() {
        #expect(throws: RuleError.self) { try RuleSet.load(overriding: "/nonexistent/verbatim-rules") }
    }
}
