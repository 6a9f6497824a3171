internal import CICU
import Foundation

/// Makes the stable, cross-document id of a speaker from a name: case-, accent- and
/// script-insensitive (ICU `Any-Latin; Latin-ASCII`), words joined by `-`
/// (`Sergei Lavrov` → `sergei-lavrov`, `Staffan de Mistura` → `staffan-de-mistura`).
/// A name that is a variant of another (`Hizballah` of `Hezbollah`, from `rules/aliases.tsv`)
/// gets the id of its canonical name; a short given name (`Joe`, from `rules/nicknames.tsv`)
/// the id of the given name it stands for.
final class EntityID {
    private var transliterator: UnsafeMutableRawPointer?
    private var cache: [String: String] = [:]
    /// The last document's ``scopePrefix(_:)``.
    private var lastScope: (doc: String, prefix: String)?
    /// The slug of each alias variant and the slug of its canonical name.
    private var canonicalSlugs: [String: String] = [:]
    /// The slugs of the canonical names, kept as they are.
    private var canonicalNames: Set<String> = []
    /// Short forms of given names and the given name they stand for (`joe` → `joseph`).
    private let nicknames: [String: String]

    /// - Parameters:
    ///   - aliases: variant → canonical name, as in ``RuleSet/aliases``. Names are
    ///   compared by their slug, so `HIZBALLAH` and `hizballah` are the variant `Hizballah`.
    ///   One step: the canonical name is not looked up again. When two variants have the same
    ///   slug and different canonical names, the variant first in byte order decides.
    ///   - nicknames: short given name → the given name, as in ``RuleSet/nicknames``.
    ///
    /// - Complexity: O(*n*) in the number of aliases, once; ``make(_:)`` then costs one
    ///   more dictionary lookup.
    init(aliases: [String: String] = [:], nicknames: [String: String] = [:]) {
        self.nicknames = nicknames
        for (variant, canonical) in aliases.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let key = slug(variant)
            guard !key.isEmpty, canonicalSlugs[key] == nil else { continue }
            let target = slug(canonical)
            if !target.isEmpty && target != key { canonicalSlugs[key] = target; canonicalNames.insert(target) }
        }
    }

    deinit { if let transliterator { verbatim_transliterator_close(transliterator) } }

    /// The id of `name`. Names seen again hit a cache.
    func make(_ name: String) -> String {
        if let hit = cache[name] { return hit }
        var out = canonical(slug(name))
        // `Joe Biden` is `Joseph Biden`: a short given name opening a name of two words or more.
        if let dash = out.firstIndex(of: "-"), let given = nicknames[String(out[..<dash])] {
            out = given + out[dash...]
        }
        if out.isEmpty { out = "unknown" }
        if cache.count > 50_000 { cache.removeAll() }
        cache[name] = out
        return out
    }

    /// The slug of the canonical name of a slug: through the aliases, without middle initials.
    private func canonical(_ slug: String) -> String {
        var out = slug
        if let canonical = canonicalSlugs[out] {
            out = canonical
        } else if !canonicalNames.contains(out) {
            // Middle initials do not split a person (`Paul D. Ryan` and `Paul Ryan`), unless the
            // aliases name the form with them (`George W. Bush`).
            if Self.hasMiddleInitial(out) {
                let parts = out.split(separator: "-")
                out = ([parts[0]] + parts.dropFirst().dropLast().filter { $0.count > 1 } + [parts[parts.count - 1]]).joined(separator: "-")
            }
            if let canonical = canonicalSlugs[out] { out = canonical }
        }
        return out
    }

    /// Whether a slug has three or more parts and a middle one is a single letter
    /// (`paul-d-ryan`), read on its bytes.
    static func hasMiddleInitial(_ slug: String) -> Bool {
        var parts = 0, length = 0, middleInitial = false
        for c in slug.utf8 {
            if c == 0x2D {
                if parts > 0 && length == 1 { middleInitial = true }
                parts += 1
                length = 0
            } else {
                length += 1
            }
        }
        // `parts` counts the dashes: the last part is never a middle one.
        return parts >= 2 && middleInitial
    }

    /// The id of a speaker known in document `doc` only by a description (`the water
    /// minister`): the description's id after ``scopePrefix(_:)``, so that it is never the id
    /// of a speaker of another document.
    func scoped(_ description: String, in doc: String) -> String {
        scopePrefix(doc) + plain(description)
    }

    /// The start of every id ``scoped(_:in:)`` makes for document `doc`.
    func scopePrefix(_ doc: String) -> String {
        // The descriptions of a document come together: its prefix is made once.
        if let last = lastScope, last.doc == doc { return last.prefix }
        let prefix = plain(doc) + "-"
        lastScope = (doc, prefix)
        return prefix
    }

    /// The slug of a text that names no person (a document id, a description).
    private func plain(_ text: String) -> String {
        let out = slug(text)
        return out.isEmpty ? "unknown" : out
    }

    /// The words of `name` folded to lower-case ASCII and joined by `-`; empty if it has none.
    private func slug(_ name: String) -> String {
        // An ASCII name (the most) on its bytes: each a character, the letters and digits kept
        // (lower case), `'` and `.` dropped, any other run of bytes one dash.
        var name = name
        let asciiSlug: String? = name.withUTF8 { u in
            guard !u.contains(where: { $0 >= 0x80 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(u.count)
            var dash = false
            for c in u {
                if UTF8Text.isASCIIAlnum(c) {
                    if dash && !out.isEmpty { out.append(0x2D) }
                    dash = false
                    out.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                } else if c != 0x27 && c != 0x2E {
                    dash = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        if let asciiSlug { return asciiSlug }
        // Only letters outside ASCII need folding; other symbols (`’`, `“`) drop out anyway.
        // Composed first (`e` + U+0301 is `é`), and mended when it is mojibake.
        let text = name.utf8.contains { $0 >= 0x80 } ? Self.repairingMojibake(name) : name
        let ascii = text.unicodeScalars.allSatisfy { $0.value < 0x80 || !$0.properties.isAlphabetic } ? text : foldToASCII(text)
        var out: [UInt8] = []
        out.reserveCapacity(ascii.utf8.count)
        var dash = false
        for u in ascii.unicodeScalars {
            if UTF8Text.isAlnum(u) && u.value < 0x80 {
                if dash && !out.isEmpty { out.append(0x2D) }
                dash = false
                out.append(UInt8(ascii: u) | (UTF8Text.isUpper(u) ? 0x20 : 0))
            } else if u != "'" && u != "\u{2019}" && u != "." {
                dash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `name` composed (NFC), and, when it is UTF-8 that was read as Latin-1 once or twice
    /// (`FranÃ§ois`, `FranÃ\u{83}Â§ois`), the letters it stood for (`François`). Text with a
    /// letter beyond U+00FF, or that does not decode, is only composed.
    static func repairingMojibake(_ name: String) -> String {
        var s = name.precomposedStringWithCanonicalMapping
        for _ in 0..<2 {
            guard s.unicodeScalars.contains(where: { $0 == "\u{C3}" || $0 == "\u{C2}" }),
                  s.unicodeScalars.allSatisfy({ $0.value < 0x100 }) else { break }
            let bytes = s.unicodeScalars.map { UInt8($0.value) }
            guard let decoded = String(validating: bytes, as: UTF8.self) else { break }
            s = decoded
        }
        return s
    }

    /// Latin letters lose their accents by decomposition (cheap); other scripts go through
    /// ICU's `Any-Latin; Latin-ASCII` (opened only when first needed: it costs ~40 ms).
    private func foldToASCII(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.decomposedStringWithCanonicalMapping.unicodeScalars where u.properties.generalCategory != .nonspacingMark {
            out.append(u)
        }
        let stripped = String(out)
        // Only letters of other scripts need the transliterator; other symbols drop out of the id.
        let otherScripts = stripped.unicodeScalars.contains { $0.value >= 0x80 && $0.properties.isAlphabetic }
        return otherScripts ? toASCII(stripped) : stripped
    }

    private func toASCII(_ s: String) -> String {
        if transliterator == nil {
            let id = Array("Any-Latin; Latin-ASCII".utf16)
            var status: Int32 = 0
            let t = id.withUnsafeBufferPointer { verbatim_transliterator_open($0.baseAddress, Int32($0.count), &status) }
            guard verbatim_icu_failed(status) == 0, let t else { return s }
            transliterator = t
        }
        var buffer = Array(s.utf16)
        let capacity = buffer.count * 4 + 16
        buffer += [UInt16](repeating: 0, count: capacity - buffer.count)
        var length = Int32(s.utf16.count)
        var status: Int32 = 0
        _ = buffer.withUnsafeMutableBufferPointer {
            verbatim_transliterate(transliterator, $0.baseAddress, &length, Int32(capacity), &status)
        }
        guard verbatim_icu_failed(status) == 0 else { return s }
        return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
    }
}

private extension UInt8 {
    init(ascii u: Unicode.Scalar) { self = UInt8(truncatingIfNeeded: u.value) }
}
