import Foundation
import Testing
@testable import Verbatim

/// Runs the per-document stages over one inline text.
fileprivate func analyse(_ text: String) -> Document {
    Pipeline(rules: .defaults).analyse(InputDocument(id: "t", text: text))
}

/// The attributions of a text as (content text, speaker mention, speaker name, cue).
fileprivate func attributions(_ text: String) -> [(text: String, mention: String?, name: String?, cue: String?, pieces: Int)] {
    let d = analyse(text)
    return d.attributions.map { a in
        (a.text, a.speaker.map { d.string($0.mention) }, a.speaker?.name, a.cue.map { d.string($0) }, a.spans.count)
    }
}

@Suite("Segmentation")
struct SegmentationSpec {
    // Paragraphs come from blank lines and from single line breaks (line-per-paragraph text).
    @Test func paragraphs() {
        #expect(analyse("One.\n\nTwo.\nThree.").paragraphs.count == 3)
        #expect(analyse("").paragraphs.isEmpty)
        #expect(analyse("").sentences.isEmpty)
    }

    // ICU splits `U.S. Secretary` and `Gen. Smith`; the abbreviation merge keeps them whole.
    @Test(arguments: [
        ("U.S. Secretary of State John Kerry met Lavrov. They talked.", 2),
        ("Gen. Smith spoke. Sen. Warren replied.", 2),
        ("John F. Kennedy spoke in Berlin. The crowd cheered.", 2),
    ])
    func abbreviationsStayWhole(text: String, sentences: Int) {
        #expect(analyse(text).sentences.count == sentences)
    }

    // Feeding ICU in chunks cut at line breaks gives the same sentences at every chunk size.
    @Test(arguments: [1, 7, 64, 1 << 20])
    func sameSentencesAtEveryChunkSize(chunk: Int) {
        let text = "“Сергей Лавров said.” Café owners agreed.\n\nSecond paragraph here. And more é.\nThird line."
        var whole = Document(id: "a", text: text)
        var chunked = Document(id: "b", text: text)
        var s1 = Segmenter(rules: .defaults, chunkSize: 1 << 20)
        var s2 = Segmenter(rules: .defaults, chunkSize: chunk)
        s1.process(&whole)
        s2.process(&chunked)
        #expect(whole.sentences == chunked.sentences)
        #expect(whole.paragraphs == chunked.paragraphs)
    }
}

@Suite("Quote detection")
struct QuoteDetectionSpec {
    func quotations(_ text: String) -> [String] {
        let d = analyse(text)
        return d.quotations.map { q in q.pieces.map { d.string($0) }.joined(separator: "|") }
    }

    // Apostrophes (Russia’s, don’t, the ’90s, Jones’, States') are not closing marks.
    @Test func apostrophesAreNotMarks() {
        let q = quotations("“Russia’s view, Jones’ dog and the ’90s don’t matter,” he said of the States' view.")
        #expect(q == ["“Russia’s view, Jones’ dog and the ’90s don’t matter,”"])
    }

    // A nested quote stays inside its outer quote.
    @Test func nestedQuoteStaysInside() {
        #expect(quotations("“She told me ‘no’ twice,” he said.") == ["“She told me ‘no’ twice,”"])
    }

    // A quote continued over two paragraphs is one quotation with two pieces.
    @Test func multiParagraphQuote() {
        let d = analyse("“We will go on.\n\n“And we will win,” he said.")
        #expect(d.quotations.count == 1)
        #expect(d.quotations.first?.pieces.count == 2)
    }

    // An unclosed quote closes at the end of its paragraph; later quotes are still found.
    @Test func unclosedQuoteClosesAtParagraphEnd() {
        let q = quotations("She called it “a disaster and left.\n\nThen “later,” he said.")
        #expect(q == ["“a disaster and left.", "“later,”"])
    }

    // Straight, British, guillemet and typewriter-double quotes.
    @Test(arguments: [
        ("\"Yes,\" he said.", "\"Yes,\""),
        ("‘We are close’, she said.", "‘We are close’"),
        ("«Oui», a-t-il dit.", "«Oui»"),
        ("''Quote,'' he said.", "''Quote,''"),
    ])
    func styles(text: String, quote: String) {
        #expect(quotations(text) == [quote])
    }

    // Thousands of unbalanced marks in one paragraph finish (linear time) with a bounded result.
    @Test func unbalancedMarks() {
        let d = analyse(String(repeating: "“", count: 50_000))
        #expect(d.attributions.isEmpty)
    }
}

@Suite("Attribution")
struct AttributionSpec {
    // The basic patterns: cue after the quote (both orders), colon introduction, appositive.
    @Test(arguments: [
        ("“We are close,” Kerry said.", "Kerry", "said"),
        ("“We are close,” said Kerry.", "Kerry", "said"),
        ("Kerry said: “We are close.”", "Kerry", "said:"),
        ("Yuri Barmin, an expert at the Council, told Gazeta: “It is hard.”", "Yuri Barmin", "told"),
        ("According to Smith, “the talks failed.”", "Smith", "According to"),
    ])
    func explicitPatterns(text: String, mention: String, cue: String) {
        let a = attributions(text)
        #expect(a.count == 1)
        #expect(a.first?.mention == mention)
        #expect(a.first?.cue == cue)
    }

    // `“…,” he said`: the pronoun is the mention, resolved to the person named before.
    @Test func pronounResolves() {
        let a = attributions("John Kerry arrived in Geneva.\n\n“We are close,” he said.")
        #expect(a.first?.mention == "he")
        #expect(a.first?.name == "John Kerry")
    }

    // An interrupted quote is one attribution with two spans, text joined by a space.
    @Test(arguments: ["“A start,” he said, “and more.”", "“A start,” he said. “And more.”"])
    func interruptedQuote(text: String) {
        let a = attributions(text)
        #expect(a.count == 1)
        #expect(a.first?.pieces == 2)
    }

    @Test func interruptedQuoteText() {
        #expect(attributions("“A,” he said, “B.”").first?.text == "A, B.")
    }

    // A paragraph that is only a quote continues the previous paragraph's speaker.
    @Test func paragraphContinuation() {
        let a = attributions("“First,” Kerry said.\n\n“Second and last.”")
        #expect(a.count == 1)
        #expect(a.first?.pieces == 2)
    }

    // Scare quotes, quoted titles and headlines are not speech.
    @Test(arguments: [
        "The rebels and their “moderate” fighters left the city.",
        "'Russia’s Influence in Syria' Making US Search for 'Compromise'",
        "Her report ‘Rivers Without Borders’, published last year, estimated the losses.",
    ])
    func notSpeech(text: String) {
        #expect(attributions(text).isEmpty)
    }

    // Titles are stripped and a surname takes the fullest name in the document.
    @Test func names() {
        let a = attributions("Russian Foreign Minister Sergei Lavrov met the press.\n\n“Not yet,” Lavrov said.\n\nU.S. Secretary of State John Kerry said: “Soon.”")
        #expect(a.map(\.name) == ["Sergei Lavrov", "John Kerry"])
        #expect(analyse("U.S. Secretary of State John Kerry said: “Soon.”").attributions.first?.speaker?.entity == "john-kerry")
    }

    // A boilerplate line yields nothing.
    @Test func boilerplate() {
        #expect(attributions("Follow Jane Doe on Twitter @jd “now,” she said").isEmpty)
    }
}
