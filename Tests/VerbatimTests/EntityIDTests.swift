import Testing
@testable import Verbatim

@Suite("Entity ids: one id for the variants of a name")
struct EntityIDTests {
    // A fresh instance per test (EntityID caches, so it is not shared across tests).
    let ids = EntityID(aliases: RuleSet.defaults.aliases)

    // With the built-in aliases, a variant gets the id of its canonical name, whatever its
    // case or accents; names that are no variant keep their own id.
    @Test("variants get their canonical name's id", arguments: [
        // The example of the alias file, in three spellings of the variant.
        ("Hizballah", "hezbollah"),
        ("HIZBALLAH", "hezbollah"),
        ("hizballah", "hezbollah"),
        // The canonical name itself.
        ("Hezbollah", "hezbollah"),
        // Variants that differ only by punctuation share a slug with a listed variant.
        ("U.N.", "united-nations"),
        ("UN", "united-nations"),
        ("U.S.", "united-states"), ("US", "united-states"),
        // A transliteration variant of a person's name.
        ("Sergey Lavrov", "sergei-lavrov"),
        // Not a variant: the id is the name's slug.
        ("Sergei Lavrov", "sergei-lavrov"),
        ("Staffan de Mistura", "staffan-de-mistura"),
        // A variant inside a longer name is not the variant: only whole names are compared.
        ("Hizballah official", "hizballah-official"),
    ])
    func aliasIDs(name: String, id: String) {
        #expect(ids.make(name) == id)
    }

    // The acceptance example: two spellings of one group share an id.
    @Test("Hizballah and Hezbollah share an id")
    func sharedID() {
        #expect(ids.make("Hizballah") == ids.make("Hezbollah"))
        #expect(ids.make("Hizballah") != ids.make("Hamas"))
    }

    // Without aliases (the existing `EntityID()`), every name keeps its own slug.
    @Test("without aliases a variant keeps its own id")
    func noAliases() {
        let plain = EntityID()
        #expect(plain.make("Hizballah") == "hizballah")
        #expect(plain.make("Hezbollah") == "hezbollah")
        #expect(plain.make("") == "unknown")
    }

    // Aliases are compared by slug, so the variant may be written in any case or accents; an
    // id asked for twice (the cache) is the same.
    @Test("aliases are compared by slug")
    func slugComparison() {
        let ids = EntityID(aliases: ["Médecins Sans Frontières": "Doctors Without Borders"])
        #expect(ids.make("medecins sans frontieres") == "doctors-without-borders")
        #expect(ids.make("MÉDECINS SANS FRONTIÈRES") == "doctors-without-borders")
        #expect(ids.make("MÉDECINS SANS FRONTIÈRES") == "doctors-without-borders")
        #expect(ids.make("Medecins Sans Frontieres") == "doctors-without-borders")
    }

    // Two variants with one slug and different canonical names: the first in byte order
    // decides, every run (a dictionary's order would change from run to run). A variant with
    // no letters or digits is ignored rather than mapping every nameless speaker.
    @Test("conflicting and empty variants are decided the same way every run")
    func conflicts() {
        let ids = EntityID(aliases: ["UN": "United Nations", "U.N.": "Union", "...": "Someone"])
        #expect(ids.make("UN") == "union")  // `U.N.` sorts before `UN`
        #expect(ids.make("") == "unknown")
        #expect(ids.make("?") == "unknown")
    }

    // A short given name is the given name it stands for (`rules/nicknames.tsv`), with a
    // middle initial or without; alone, or not first, it stays as it is.
    @Test("nicknames fold into the given name", arguments: [
        ("Joe Biden", "joseph-biden"), ("Joseph R. Biden", "joseph-biden"), ("Ben Rhodes", "benjamin-rhodes"),
        ("Benjamin J. Rhodes", "benjamin-rhodes"), ("Joe", "joe"), ("Sen. Joe Manchin", "sen-joe-manchin"),
    ])
    func nicknames(name: String, id: String) {
        let ids = EntityID(nicknames: RuleSet.defaults.nicknames)
        #expect(ids.make(name) == id)
    }

    // Document-scoped ids keep every word of the document id and the description: no alias,
    // nickname or initial rule applies to them.
    @Test("scoped ids are the plain slug of document and description")
    func scoped() {
        let ids = EntityID(aliases: ["UN": "United Nations"], nicknames: ["bill": "william"])
        #expect(ids.scoped("the UN envoy", in: "trump-s-bill") == "trump-s-bill-the-un-envoy")
        #expect(ids.scopePrefix("bill-x") == "bill-x-")
    }

    // UTF-8 read as Latin-1, once or twice, and in decomposed form, is the name it stood for.
    @Test("mojibake names get the id of the name", arguments: [
        "FranÃ§ois Hollande", "FranÃ\u{83}Â§ois Hollande", "FranA\u{0303}\u{0083}A\u{0302}§ois Hollande",
        "Franc\u{0327}ois Hollande",
    ])
    func mojibake(name: String) {
        #expect(EntityID().make(name) == "francois-hollande")
    }
}
