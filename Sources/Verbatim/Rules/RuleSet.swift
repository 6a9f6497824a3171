import Foundation

/// The linguistic knowledge of the pipeline, loaded from the files of `rules/`.
///
/// The binary carries the package's `rules/` (embedded at build time); `--rules DIR` replaces
/// any of those files by the file of the same name in DIR. Loading is strict: every problem is
/// a ``RuleError`` naming file and line, found at start-up, never mid-run.
public struct RuleSet: Sendable {
    /// A pair of quotation marks that open and close one quotation.
    public struct QuoteMarkPair: Sendable, Equatable {
        public var open: String
        public var close: String
        /// Single marks (‘ ’) rather than double ones (“ ”).
        public var single: Bool
    }

    /// What kind of statement a cue verb introduces.
    public enum CueClass: String, Sendable {
        case speech, writing, thought, quoting, stance

        /// Quoting and stance verbs (`called it “…”`, `endorsed Clinton`) attribute what
        /// they govern, but never introduce a speaker that the quotations after them go on with.
        public var governsOnly: Bool { self == .quoting || self == .stance }
    }

    /// One inflected form of a cue verb.
    public struct CueVerb: Sendable, Equatable {
        public var lemma: String
        public var cueClass: CueClass
    }

    /// The closed-class words that delimit a speaker's noun phrase.
    public enum WordClass: String, Sendable {
        case determiner, quantifier, modifier, preposition, conjunction, relative, time
    }

    /// What an upper-case label before a colon is when it is not a name (`rules/transcript-labels.tsv`).
    public enum LabelKind: String, Sendable {
        /// A speaker named by role (`MODERATOR`, `Q`).
        case role
        /// An editorial note or headline (`CORRECTION`, `UPDATE`): never a speaker.
        case heading
    }

    /// What a word tells about a cue verb near it in reported speech (`rules/reporting.tsv`).
    public enum ReportingRole: String, Sendable {
        /// `not`, `declined`: the cue reports nothing said.
        case negation
        /// `would`, `if`: what could be said, not what was.
        case hypothetical
        /// `was`, `been`: a passive cue (`was told`), whose subject is not the speaker.
        case passive
        /// `told`, `assured`: a cue form whose addressee stands before the content.
        case addressee
        /// `that`, `whether`: opens the reported clause.
        case opener
        /// `said`, `thinks`: a cue form that takes a clause without `that`.
        case bare
        /// `vowed`, `agreed`: a cue form whose content may be a `to` clause.
        case infinitive
        /// `criticized`, `accused`: a cue form whose content may be a plain object.
        case object
        /// `called`, `branded`: a cue form that labels someone; its content is an object
        /// pronoun and what it is called (`called him a liar`), never a name after it (`a
        /// group called Lashkar`).
        case label
    }

    /// Grammatical gender of a pronoun.
    public enum Gender: String, Sendable { case male, female, neuter, any }

    /// A personal pronoun.
    public struct Pronoun: Sendable, Equatable {
        public var gender: Gender
        public var plural: Bool
        /// A subject form (`he`, `they`), the only ones that can stand before a cue.
        public var subject: Bool
        /// An object form (`him`, `them`).
        public var object: Bool = false
    }

    public var quoteMarks: [QuoteMarkPair]
    /// Cue verbs by form; forms of two words are keyed with one space (`pointed out`).
    public var cueVerbs: [String: CueVerb]
    public var abbreviations: Set<String>
    public var titles: Set<String>
    /// Lower-case particles inside personal names (`de`, `van`, `al`).
    public var nameParticles: Set<String>
    public var pronouns: [String: Pronoun]
    public var functionWords: [String: WordClass]
    /// Lower-case beginnings of boilerplate lines.
    public var boilerplate: [String]
    /// Lower-case words beginning with an apostrophe, written with `'`.
    public var elisions: Set<String>
    /// Transcript labels that are not names, in lower case (`moderator`, `correction`).
    public var transcriptLabels: [String: LabelKind]
    /// Given names and the gender they usually denote (`Sergei` → `.male`), as written;
    /// `.any` for names used for both. Never `.neuter`.
    public var firstNames: [String: Gender]
    /// Honorifics and the gender they denote (`Mr.` → `.male`, `Ms.` → `.female`), as written.
    public var honorifics: [String: Gender]
    /// Name variants and the canonical name of the same entity (`Hizballah` → `Hezbollah`),
    /// both as written. No canonical name is itself a variant.
    public var aliases: [String: String]
    /// Lower-case short forms of given names and the given name they stand for (`joe` →
    /// `joseph`), folded in entity ids.
    public var nicknames: [String: String]
    /// Short closed lists that shape a speaker's phrase (`rules/phrase-words.tsv`).
    public var phraseWords: PhraseWords
    /// Lower-case role nouns and phrases of one to three words and their family, the kind of
    /// post they describe (`foreign minister` and `envoy` → `diplomacy`).
    public var roles: [String: String]
    /// Names of countries, their demonyms, capitals and seats of power, as written, and the
    /// lower-case key of the country (`Moscow`, `Russian`, `Kremlin` → `ru`).
    public var places: [String: String]
    /// Lower-case words and what they tell about a nearby cue verb in reported speech.
    public var reporting: [String: ReportingRole]
    /// Lower-case words with no claim content beyond the function words, pronouns and cue-verb
    /// forms (`are`, `not`, `my`), for cross-source matching.
    public var claimStopwords: Set<String>

    /// The files a rule directory may hold and the columns of each.
    public static let files: [String: [String]] = [
        "abbreviations.tsv": ["abbreviation"],
        "aliases.tsv": ["variant", "canonical"],
        "boilerplate.tsv": ["prefix"],
        "claim-stopwords.tsv": ["word"],
        "cue-verbs.tsv": ["form", "lemma", "class"],
        "elisions.tsv": ["word"],
        "first-names.tsv": ["name", "gender"],
        "function-words.tsv": ["word", "class"],
        "honorifics.tsv": ["honorific", "gender"],
        "pronouns.tsv": ["pronoun", "gender", "number", "case"],
        "quote-marks.tsv": ["open", "close", "kind"],
        "reporting.tsv": ["word", "role"],
        "name-particles.tsv": ["particle"],
        "nicknames.tsv": ["nickname", "given"],
        "phrase-words.tsv": ["word", "list"],
        "places.tsv": ["place", "country"],
        "roles.tsv": ["role", "family"],
        "titles.tsv": ["title"],
        "transcript-labels.tsv": ["label", "kind"],
    ]

    /// The rules built into the binary.
    public static let defaults: RuleSet = {
        do { return try RuleSet(texts: [:]) } catch { fatalError("the built-in rules are broken: \(error)") }
    }()

    /// The built-in rules with every file found in `directory` put in place of its default.
    ///
    /// - Throws: ``RuleError`` for an unknown file name, an unreadable file or any bad line.
    public static func load(overriding directory: String) throws(RuleError) -> RuleSet {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw RuleError(file: directory, line: 0, message: "no such rules directory")
        }
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.sorted() } catch {
            throw RuleError(file: directory, line: 0, message: "cannot list the rules directory")
        }
        var texts: [String: String] = [:]
        for name in names {
            guard files[name] != nil else {
                throw RuleError(file: name, line: 0,
                                message: "unknown rule file (expected one of: \(files.keys.sorted().joined(separator: ", ")))")
            }
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw RuleError(file: name, line: 0, message: "cannot read as UTF-8 text")
            }
            texts[name] = text
        }
        return try RuleSet(texts: texts)
    }

    /// Parses the rule files: `texts` by file name, the embedded defaults for the others.
    init(texts overrides: [String: String]) throws(RuleError) {
        var parsed: [String: RuleFile] = [:]
        let embedded = Dictionary(EmbeddedRules.files.map { ($0.name, $0.text) }, uniquingKeysWith: { a, _ in a })
        for (name, columns) in Self.files {
            guard let text = overrides[name] ?? embedded[name] else {
                throw RuleError(file: name, line: 0, message: "missing from the built-in rules")
            }
            parsed[name] = try RuleFile(name: name, text: text, columns: columns)
        }
        func file(_ name: String) -> RuleFile { parsed[name]! }

        let marks = file("quote-marks.tsv")
        quoteMarks = []
        for (row, line) in zip(marks.rows, marks.lines) {
            guard row[2] == "double" || row[2] == "single" else {
                throw RuleError(file: marks.name, line: line, message: "kind must be double or single, found `\(row[2])`")
            }
            guard row[0].unicodeScalars.count <= 2, row[1].unicodeScalars.count <= 2 else {
                throw RuleError(file: marks.name, line: line, message: "a mark is one or two characters")
            }
            quoteMarks.append(QuoteMarkPair(open: row[0], close: row[1], single: row[2] == "single"))
        }

        let cues = file("cue-verbs.tsv")
        cueVerbs = [:]
        for (row, line) in zip(cues.rows, cues.lines) {
            guard let cls = CueClass(rawValue: row[2]) else {
                throw RuleError(file: cues.name, line: line, message: "class must be speech, writing, thought, quoting or stance")
            }
            guard row[0].split(separator: " ").count <= 2 else {
                throw RuleError(file: cues.name, line: line, message: "a cue form is one or two words")
            }
            cueVerbs[row[0]] = CueVerb(lemma: row[1], cueClass: cls)
        }

        abbreviations = Set(file("abbreviations.tsv").firstColumn)
        titles = Set(file("titles.tsv").firstColumn)
        nameParticles = Set(file("name-particles.tsv").firstColumn)

        let pron = file("pronouns.tsv")
        pronouns = [:]
        for (row, line) in zip(pron.rows, pron.lines) {
            guard let g = Gender(rawValue: row[1]), ["singular", "plural", "any"].contains(row[2]),
                  ["subject", "object", "possessive"].contains(row[3]) else {
                throw RuleError(file: pron.name, line: line,
                                message: "gender (male, female, neuter, any), number (singular, plural, any) or case (subject, object, possessive) unknown")
            }
            pronouns[row[0]] = Pronoun(gender: g, plural: row[2] == "plural", subject: row[3] == "subject", object: row[3] == "object")
        }

        functionWords = try Self.table(file("function-words.tsv")) { (row, fail) throws(RuleError) in
            guard let c = WordClass(rawValue: row[1]) else { throw fail("unknown word class `\(row[1])`") }
            return c
        }
        boilerplate = file("boilerplate.tsv").firstColumn
        elisions = Set(file("elisions.tsv").firstColumn)
        claimStopwords = Set(file("claim-stopwords.tsv").firstColumn)

        transcriptLabels = try Self.table(file("transcript-labels.tsv")) { (row, fail) throws(RuleError) in
            guard let kind = LabelKind(rawValue: row[1]) else { throw fail("kind must be role or heading, found `\(row[1])`") }
            return kind
        }
        firstNames = try Self.table(file("first-names.tsv")) { (row, fail) throws(RuleError) in
            guard !row[0].utf8.contains(0x20), row[0].unicodeScalars.first?.properties.isUppercase == true else {
                throw fail("a first name is one capitalised word, found `\(row[0])`")
            }
            guard let gender = Gender(rawValue: row[1]), gender != .neuter else {
                throw fail("gender must be male, female or any, found `\(row[1])`")
            }
            return gender
        }

        honorifics = try Self.table(file("honorifics.tsv")) { (row, fail) throws(RuleError) in
            guard let gender = Gender(rawValue: row[1]), gender == .male || gender == .female else {
                throw fail("an honorific's gender is male or female, found `\(row[1])`")
            }
            return gender
        }

        let aliasFile = file("aliases.tsv")
        aliases = try Self.table(aliasFile) { (row, fail) throws(RuleError) in
            guard row[0] != row[1] else { throw fail("`\(row[0])` is an alias of itself") }
            return row[1]
        }
        for (row, line) in zip(aliasFile.rows, aliasFile.lines) where aliases[row[1]] != nil {
            throw RuleError(file: aliasFile.name, line: line,
                            message: "the canonical name `\(row[1])` is itself a variant (write its canonical name)")
        }

        nicknames = try Self.table(file("nicknames.tsv")) { (row, fail) throws(RuleError) in
            guard row[0] == row[0].lowercased(), row[1] == row[1].lowercased(), !UTF8Text.containsSpace(row[0]), !UTF8Text.containsSpace(row[1]),
                  row[0] != row[1] else {
                throw fail("a nickname and its given name are two different lower-case words, found `\(row[0])`, `\(row[1])`")
            }
            return row[1]
        }

        let phrase = try Self.table(file("phrase-words.tsv")) { (row, fail) throws(RuleError) in
            guard let list = PhraseWords.List(rawValue: row[1]) else { throw fail("unknown list `\(row[1])`") }
            guard row[0] == row[0].lowercased() else { throw fail("a phrase word is lower case, found `\(row[0])`") }
            return list
        }
        phraseWords = PhraseWords(phrase)

        roles = try Self.table(file("roles.tsv")) { (row, fail) throws(RuleError) in
            let words = row[0].split(separator: " ", omittingEmptySubsequences: false)
            guard row[0] == row[0].lowercased(), (1...3).contains(words.count), !words.contains(where: \.isEmpty) else {
                throw fail("a role is one to three lower-case words, found `\(row[0])`")
            }
            guard row[1] == row[1].lowercased(), !UTF8Text.containsSpace(row[1]) else {
                throw fail("a family is one lower-case word, found `\(row[1])`")
            }
            return row[1]
        }

        places = try Self.table(file("places.tsv")) { (row, fail) throws(RuleError) in
            guard row[1].unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else {
                throw fail("a country key is lower-case letters (ISO 3166 alpha-2: `ru`), found `\(row[1])`")
            }
            return row[1]
        }

        reporting = try Self.table(file("reporting.tsv")) { (row, fail) throws(RuleError) in
            guard let role = ReportingRole(rawValue: row[1]) else {
                throw fail("role must be negation, hypothetical, passive, addressee, opener, bare, infinitive, object or label, found `\(row[1])`")
            }
            return role
        }
    }

    /// The rows of `file` keyed by their first column, each value made by `value` from the row
    /// and a maker of errors at the row's line. A key on two rows is an error at the second.
    private static func table<Value>(
        _ file: RuleFile,
        _ value: (_ row: [String], _ fail: (String) -> RuleError) throws(RuleError) -> Value
    ) throws(RuleError) -> [String: Value] {
        var table: [String: Value] = [:]
        table.reserveCapacity(file.rows.count)
        for (row, line) in zip(file.rows, file.lines) {
            let fail = { (message: String) in RuleError(file: file.name, line: line, message: message) }
            guard table.updateValue(try value(row, fail), forKey: row[0]) == nil else { throw fail("`\(row[0])` is on two rows") }
        }
        return table
    }
}

extension RuleSet {
    /// The closed lists of `rules/phrase-words.tsv`, one set each.
    public struct PhraseWords: Sendable {
        public enum List: String, Sendable {
            case agentSuffix = "agent-suffix", contraction, evidential, evidentialPassive = "evidential-passive", gerundPreposition = "gerund-preposition"
            case auxiliary, focus, holder, holderAdjective = "holder-adjective", impersonal, noun, pair, particle, party, personPlural = "person-plural"
            case poll, singular, subordinator
        }
        /// Noun endings for a doer (`er`, `ist`), without the `-` of the file.
        public var agentSuffixes: [String]
        /// Endings after a subject pronoun, with `'` and with `’` (`'s`, `’s`).
        public var contractions: [String]
        /// Forms of `be`, `have`, `do` and the modals: after a subject, they open its verb.
        public var auxiliaries: Set<String>
        /// Prepositions after which a gerund cue takes its clause's subject (`by saying that`),
        /// beside the subordinators (`while saying that`).
        public var gerundPrepositions: Set<String>
        /// Adverbs that focus the clause after them (`said only that`): no adverbial before it.
        public var focusAdverbs: Set<String>
        /// Verbs that hedge a claim of the writer's own (`seems`, `appeared`): `X seemed to …`.
        public var evidentials: Set<String>
        /// Participles that do so after a form of `be` (`is expected to …`).
        public var passiveEvidentials: Set<String>
        public var holders: Set<String>
        /// Words between a role and its holder's preposition (`familiar` in `people familiar
        /// with the matter`, `close` in `a source close to the campaign`).
        public var holderAdjectives: Set<String>
        public var impersonalFamilies: Set<String>
        /// Cue forms that are as often common nouns (`hope`, `plans`).
        public var nounForms: Set<String>
        /// Openers of a description of two people, as word lists (`both`; `the two`).
        public var pairOpeners: [[String]]
        /// Particles of phrasal verbs (`put out a statement`, `sent out a release`).
        public var particles: Set<String>
        /// Letters of a party tag (`r` of `R-Ky.`), as ASCII bytes in upper case.
        public var partyLetters: Set<UInt8>
        public var personPlurals: Set<String>
        /// Nouns for a poll, whose findings `In a … poll, …` reports (`poll`, `survey`).
        public var pollNouns: Set<String>
        public var singularQuantifiers: Set<String>
        /// Words that open a subordinate clause (`after`, `when`, `because`).
        public var subordinators: Set<String>

        init(_ table: [String: List]) {
            func words(_ l: List) -> [String] { table.filter { $0.value == l }.map(\.key).sorted() }
            agentSuffixes = words(.agentSuffix).map { $0.hasPrefix("-") ? String($0.dropFirst()) : $0 }
            auxiliaries = Set(words(.auxiliary))
            contractions = words(.contraction).flatMap { [$0, $0.replacingOccurrences(of: "'", with: "\u{2019}")] }
            evidentials = Set(words(.evidential))
            focusAdverbs = Set(words(.focus))
            gerundPrepositions = Set(words(.gerundPreposition))
            passiveEvidentials = Set(words(.evidentialPassive))
            holders = Set(words(.holder))
            holderAdjectives = Set(words(.holderAdjective))
            impersonalFamilies = Set(words(.impersonal))
            nounForms = Set(words(.noun))
            pairOpeners = words(.pair).map { $0.split(separator: " ").map(String.init) }
            particles = Set(words(.particle))
            partyLetters = Set(words(.party).compactMap { $0.count == 1 ? $0.uppercased().utf8.first : nil })
            personPlurals = Set(words(.personPlural))
            pollNouns = Set(words(.poll))
            singularQuantifiers = Set(words(.singular))
            subordinators = Set(words(.subordinator))
        }
    }
}
