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
        // A gender that is not male, female or any; `neuter` is a pronoun's, never a name's.
        ("first-names.tsv", "name\tgender\nSergei\tmasculine\n", "rules/first-names.tsv:2:"),
        ("first-names.tsv", "name\tgender\nAlex\tneuter\n", "rules/first-names.tsv:2:"),
        // An empty gender column.
        ("first-names.tsv", "name\tgender\nSergei\t\n", "rules/first-names.tsv:2:"),
        // One name with two genders: not a duplicate line, still a duplicate name.
        ("first-names.tsv", "# names\nname\tgender\nJordan\tany\nJordan\tmale\n", "rules/first-names.tsv:4:"),
        // A first name is one capitalised word.
        ("first-names.tsv", "name\tgender\nsergei\tmale\n", "rules/first-names.tsv:2:"),
        ("first-names.tsv", "name\tgender\nMary Ann\tfemale\n", "rules/first-names.tsv:2:"),
        // An alias of itself, and a canonical name that is itself a variant (a chain).
        ("aliases.tsv", "variant\tcanonical\nHezbollah\tHezbollah\n", "rules/aliases.tsv:2:"),
        ("aliases.tsv", "variant\tcanonical\nDaesh\tISIS\nISIS\tIslamic State\n", "rules/aliases.tsv:2:"),
        // One variant with two canonical names.
        ("aliases.tsv", "variant\tcanonical\nUN\tUnited Nations\nUN\tUnited Nations Organization\n", "rules/aliases.tsv:3:"),
        // A role is one to three lower-case words; a family one lower-case word.
        ("roles.tsv", "role\tfamily\nForeign Minister\tdiplomacy\n", "rules/roles.tsv:2:"),
        ("roles.tsv", "role\tfamily\nminister of foreign affairs\tdiplomacy\n", "rules/roles.tsv:2:"),
        ("roles.tsv", "role\tfamily\ndiplomat\tforeign affairs\n", "rules/roles.tsv:2:"),
        // A country key is lower-case letters; one place names one country.
        ("places.tsv", "place\tcountry\nMoscow\tRU\n", "rules/places.tsv:2:"),
        ("places.tsv", "place\tcountry\nMoscow\tru\nMoscow\tus\n", "rules/places.tsv:3:"),
        // A phrase word belongs to a known list, in lower case; short given names likewise.
        ("phrase-words.tsv", "word\tlist\nin\tholders\n", "rules/phrase-words.tsv:2:"),
        ("phrase-words.tsv", "word\tlist\nIn\tholder\n", "rules/phrase-words.tsv:2:"),
        ("nicknames.tsv", "nickname\tgiven\nJoe\tjoseph\n", "rules/nicknames.tsv:2:"),
    ])
    func badFile(file: String, text: String, location: String) throws {
        let message = try loadError([file: text])
        #expect(message?.hasPrefix(location) == true, "\(message ?? "loaded without error")")
    }

    // A bad gender is reported with file, line and the value found, so it can be fixed from
    // the message alone.
    @Test("a bad gender names file, line and value")
    func badGender() throws {
        let text = "# first names\nname\tgender\nSergei\tmale\nValentina\tfemal\n"
        #expect(try loadError(["first-names.tsv": text])
            == "rules/first-names.tsv:4: gender must be male, female or any, found `femal`")
    }

    // The built-in first names, aliases, roles and places load and hold what resolving
    // pronouns and matching descriptions rely on.
    @Test("the built-in names, aliases, roles and places load")
    func namesAliasesRolesPlaces() {
        let r = RuleSet.defaults
        // Transliteration variants of one name, both genders, and names used for both.
        #expect(r.firstNames["Sergei"] == .male)
        #expect(r.firstNames["Sergey"] == .male)
        #expect(r.firstNames["Mohammed"] == .male)
        #expect(r.firstNames["Angela"] == .female)
        #expect(r.firstNames["Yulia"] == .female)
        #expect(r.firstNames["Jordan"] == .any)
        #expect(r.firstNames["Andrea"] == .any)
        #expect(r.firstNames.count >= 2_000)
        #expect(!r.firstNames.values.contains(.neuter))
        // Variants as written; a title whose holder changes is not an alias.
        #expect(r.aliases["Hizballah"] == "Hezbollah")
        #expect(r.aliases["ISIL"] == "Islamic State")
        #expect(r.aliases["POTUS"] == nil)
        // Role words of one kind share a family; of another kind they do not.
        #expect(r.roles["foreign minister"] != nil)
        #expect(r.roles["foreign minister"] == r.roles["diplomat"])
        #expect(r.roles["secretary of state"] == r.roles["envoy"])
        #expect(r.roles["spokeswoman"] == r.roles["spokesman"])
        #expect(r.roles["senator"] == r.roles["lawmakers"])
        #expect(r.roles["senator"] != r.roles["diplomat"])
        // A country's capital, demonym and seat of power give one key; another country's not.
        #expect(r.places["Moscow"] == "ru")
        #expect(r.places["Moscow"] == r.places["Russian"])
        #expect(r.places["Kremlin"] == r.places["Russia"])
        #expect(r.places["Washington"] == r.places["U.S."])
        #expect(r.places["Washington"] != r.places["Moscow"])
        #expect(r.places["Georgia"] == nil)  // left out: mostly the US state in English news
    }

    // The new files are overridden like the others, and a rules directory written before they
    // existed (without them) still loads, with the built-in ones.
    @Test("the new files are overridden, or built in when DIR lacks them")
    func overrideNewFiles() throws {
        let dir = try ruleDirectory(["first-names.tsv": "name\tgender\nKerry\tmale\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try RuleSet.load(overriding: dir)
        #expect(r.firstNames == ["Kerry": .male])
        #expect(r.roles == RuleSet.defaults.roles)

        let old = try ruleDirectory(["titles.tsv": "title\nSen.\n"])
        defer { try? FileManager.default.removeItem(atPath: old) }
        let o = try RuleSet.load(overriding: old)
        #expect(o.titles == ["Sen."])
        #expect(o.firstNames == RuleSet.defaults.firstNames)
        #expect(o.aliases == RuleSet.defaults.aliases)
        #expect(o.places == RuleSet.defaults.places)
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
