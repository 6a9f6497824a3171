import Testing
@testable import Verbatim

/// The texts of a document's paragraphs and sentences after the ``Segmenter`` alone.
private func segment(_ text: String, chunkSize: Int = 1 << 20) -> (paragraphs: [String], sentences: [String]) {
    var document = Document(id: "t", text: text)
    var segmenter = Segmenter(rules: .defaults, chunkSize: chunkSize)
    segmenter.process(&document)
    return (document.paragraphs.map { document.string($0) }, document.sentences.map { document.string($0) })
}

@Suite("Segmenter: paragraphs and sentences")
struct SegmenterTests {
    // Paragraphs are lines: blank lines separate them, and so does a single line break
    // (outlets that put one paragraph per line); surrounding white space is trimmed.
    @Test("paragraphs", arguments: [
        // Blank lines between paragraphs.
        ("One.\n\nTwo.", ["One.", "Two."]),
        // One paragraph per line, no blank lines (003_wire-digest style).
        ("One.\nTwo.\nThree.", ["One.", "Two.", "Three."]),
        // Several blank lines and white-space-only lines make no empty paragraphs.
        ("One.\n\n \n\t\n\nTwo.", ["One.", "Two."]),
        // Indentation and trailing spaces are not part of the paragraph.
        ("   Indented.   \n", ["Indented."]),
        // CRLF line endings: the \r is white space, not text.
        ("One.\r\nTwo.\r\n\r\nThree.\r\n", ["One.", "Two.", "Three."]),
        // A line with no final period is still its own paragraph.
        ("A headline without a period\nThe story starts.", ["A headline without a period", "The story starts."]),
    ])
    func paragraphs(text: String, expected: [String]) {
        #expect(segment(text).paragraphs == expected)
    }

    // Hard-wrapped text (lines of similar width that do not end a sentence) is one paragraph,
    // so a sentence running over a line break stays one sentence.
    @Test("a hard-wrapped block is one paragraph")
    func wrappedBlock() {
        let text = """
            This is a hard-wrapped paragraph that goes on for a while and
            then continues on the next line without ending the sentence so
            that the segmenter should see one paragraph here. Then another
            sentence follows it.
            """
        let s = segment(text)
        #expect(s.paragraphs == [text])
        #expect(s.sentences.count == 2)
        #expect(s.sentences.last == "Then another\nsentence follows it.")
    }

    // Sentences come from ICU: periods, question and exclamation marks end them.
    @Test("sentences via ICU")
    func icuSentences() {
        #expect(segment("It rained all day. Did anyone stay dry? Nobody did!").sentences
                == ["It rained all day.", "Did anyone stay dry?", "Nobody did!"])
    }

    // ICU breaks after `U.S.`, `Gen.`, `Sen.` and initials before a capital; the merge pass
    // driven by rules/abbreviations.tsv keeps those sentences whole.
    @Test("abbreviations and initials stay inside their sentence", arguments: [
        ("U.S. Secretary of State John Kerry met Lavrov.", ["U.S. Secretary of State John Kerry met Lavrov."]),
        ("Gen. Smith spoke. Sen. Warren replied.", ["Gen. Smith spoke.", "Sen. Warren replied."]),
        ("John F. Kennedy spoke in Berlin. The crowd cheered.", ["John F. Kennedy spoke in Berlin.", "The crowd cheered."]),
        // `U.S.` can also end a sentence: before a pronoun it does.
        ("He lives in the U.S. He likes it.", ["He lives in the U.S.", "He likes it."]),
    ])
    func abbreviations(text: String, expected: [String]) {
        #expect(segment(text).sentences == expected)
    }

    // A line break always ends a sentence, even without a period (a headline, a dateline).
    @Test("sentences never cross a paragraph boundary")
    func sentencesStayInParagraphs() {
        #expect(segment("No full stop here\nNext line.").sentences == ["No full stop here", "Next line."])
    }

    /// Several paragraphs, multibyte text (“ ” é Сергей), an abbreviation, a blank-line gap,
    /// an indented line and a hard-wrapped block.
    static let chunkText = """
        “Сергей Лавров arrived,” the café owner said. Gen. Smith spoke.

        The U.S. Secretary of State John Kerry met him. “We are close,” he said é.
        A second line. And a third one.


          Indented paragraph with trailing spaces.   

        This is a hard-wrapped paragraph that goes on for a while and
        then continues on the next line without ending the sentence so
        that the segmenter should see one paragraph here. Then another
        sentence follows it. Сергей said “Да” and é left the room at
        noon.
        """

    // ICU is fed in chunks of about `chunkSize` bytes cut at line breaks (never inside a
    // wrapped paragraph, never inside a multibyte character): the sentences must not
    // depend on where the cuts fall, down to a chunk of one byte.
    @Test("the same sentences at every chunk size", arguments: [1, 7, 64, 1 << 20])
    func sameSentencesAtEveryChunkSize(chunkSize: Int) {
        let s = segment(Self.chunkText, chunkSize: chunkSize)
        #expect(s.sentences == [
            "“Сергей Лавров arrived,” the café owner said.",
            "Gen. Smith spoke.",
            "The U.S. Secretary of State John Kerry met him.",
            "“We are close,” he said é.",
            "A second line.",
            "And a third one.",
            "Indented paragraph with trailing spaces.",
            "This is a hard-wrapped paragraph that goes on for a while and\nthen continues on the next line without ending the sentence so\nthat the segmenter should see one paragraph here.",
            "Then another\nsentence follows it.",
            "Сергей said “Да” and é left the room at\nnoon.",
        ])
        #expect(s.paragraphs.count == 5)
    }

    // The same byte ranges too, through the whole pipeline (which passes chunkSize on).
    @Test("chunked ranges equal unchunked ranges", arguments: [1, 2, 3, 5, 13, 100])
    func sameRangesThroughPipeline(chunkSize: Int) {
        let whole = Fixture.analyse(Self.chunkText)
        let chunked = Fixture.analyse(Self.chunkText, chunkSize: chunkSize)
        #expect(chunked.sentences == whole.sentences)
        #expect(chunked.paragraphs == whole.paragraphs)
        #expect(chunked.attributions == whole.attributions)
    }

    // Empty input and white space only: no paragraphs, no sentences, no trap.
    @Test("empty text gives no paragraphs or sentences", arguments: ["", "\n", " \n\n\t\r\n"])
    func empty(text: String) {
        for chunkSize in [1, 1 << 20] {
            let s = segment(text, chunkSize: chunkSize)
            #expect(s.paragraphs.isEmpty)
            #expect(s.sentences.isEmpty)
        }
    }
}
