import Testing
@testable import Verbatim

/// The quotations of a text after segmentation and quote detection, each as the text of its
/// pieces joined by `|`.
private func quotations(_ text: String) -> [String] {
    quotationLayer(text).texts
}

private func quotationLayer(_ text: String) -> (quotations: [Quotation], texts: [String]) {
    var document = Document(id: "t", text: text)
    var segmenter = Segmenter(rules: .defaults)
    var detector = QuoteDetector(rules: .defaults)
    segmenter.process(&document)
    detector.process(&document)
    let texts = document.quotations.map { q in q.pieces.map { document.string($0) }.joined(separator: "|") }
    return (document.quotations, texts)
}

@Suite("QuoteDetector: quotation marks in context")
struct QuoteDetectorTests {
    // A `’` or `'` inside or at the edge of a word is an apostrophe: it must neither close the
    // real quotation early nor open a new one. Each text holds one real quote.
    @Test("apostrophes are not quotation marks", arguments: [
        // Possessive inside a word.
        ("“Russia’s position is firm,” he said.", "“Russia’s position is firm,”"),
        // Contraction.
        ("“We don’t agree,” she said.", "“We don’t agree,”"),
        // Elided decade at the start of a word, before the quote.
        ("In the ’90s, “nobody cared,” he said.", "“nobody cared,”"),
        // Plural possessive after a letter, with no single quotation open.
        ("Jones’ dog barked. “Go home,” he said.", "“Go home,”"),
        // Straight apostrophe after a plural, with straight double quotes.
        ("\"We differ,\" he said of the States' view.", "\"We differ,\""),
        // All of them in one quote.
        ("“Russia’s view, Jones’ dog and the ’90s don’t matter,” he said.",
         "“Russia’s view, Jones’ dog and the ’90s don’t matter,”"),
    ])
    func apostrophes(text: String, quote: String) {
        #expect(quotations(text) == [quote])
    }

    // A capitalised word in marks between two capitalised words is a nickname inside a name.
    @Test("a nickname inside a name is not a quotation", arguments: [
        ("\"Go home!\" Del. Marcia \"Cia\" Price shouted.", ["\"Go home!\""]),
        ("“Go home!” Marcia “Cia” Price shouted.", ["“Go home!”"]),
        // Not between two names: a quotation.
        ("He called it \"Cia\" Price said.", ["\"Cia\""]),
    ])
    func nickname(text: String, quotes: [String]) {
        #expect(quotations(text) == quotes)
    }

    // Only outermost quotations are kept: the nested ‘no’ stays inside the outer quote.
    @Test("a nested quote stays inside its outer quote")
    func nested() {
        #expect(quotations("“She said ‘no’ to me,” he said.") == ["“She said ‘no’ to me,”"])
    }

    // A paragraph that ends with the quote still open, followed by a paragraph that opens
    // again, is one quotation with one piece per paragraph (the closing mark is only at the end).
    @Test("a quote running over two paragraphs is one quotation with two pieces")
    func multiParagraph() {
        let (q, texts) = quotationLayer("“We will not stop until the job is done.\n\n“And we will win,” he said.")
        #expect(texts == ["“We will not stop until the job is done.|“And we will win,”"])
        #expect(q.first?.paragraphs == [0, 1])
        #expect(q.first?.closed == true)
    }

    // An unclosed double quote closes where its paragraph ends; it never swallows the rest of
    // the document, so the next paragraphs' quotes are still found.
    @Test("an unclosed quote closes at the end of its paragraph")
    func unclosed() {
        let (q, texts) = quotationLayer(
            "She called it “a disaster and walked out.\n\nLater “we won,” he said.\n\n“Another one,” she said.")
        #expect(texts == ["“a disaster and walked out.", "“we won,”", "“Another one,”"])
        #expect(q.map(\.closed) == [false, true, true])
    }

    // The quotation styles of rules/quote-marks.tsv.
    @Test("quotation styles", arguments: [
        // Straight double quotes (ASCII wire copy).
        ("\"A,\" he said.", "\"A,\""),
        // British: single marks outside, punctuation after the closing mark.
        ("‘We are close’, she said.", "‘We are close’"),
        // French guillemets.
        ("«Nous sommes proches», a-t-il dit.", "«Nous sommes proches»"),
        // French typography: spaces inside the guillemets.
        ("« Nous sommes proches », a-t-il dit.", "« Nous sommes proches »"),
        // German and Danish guillemets point inwards.
        ("»Wir sind nah«, sagte er.", "»Wir sind nah«"),
        // German low-high marks.
        ("„Wir sind nah“, sagte er.", "„Wir sind nah“"),
        // NYT typewriter style: two apostrophes as a double mark.
        ("''Quote,'' he said.", "''Quote,''"),
    ])
    func styles(text: String, quote: String) {
        #expect(quotations(text) == [quote])
    }

    // British single quotes: a single mark is speech when it pairs, even with apostrophes
    // inside (`don’t` must not close it).
    @Test("British single quote with an apostrophe inside")
    func britishWithApostrophe() {
        #expect(quotations("‘My farmers don’t eat understandings’, she said.") == ["‘My farmers don’t eat understandings’"])
    }

    // A plural possessive inside single quotes (`ministers’ work`) does not close them when a
    // closing mark follows; with nothing after it, it does (`the Andersons’ farm` is plain text).
    @Test("a possessive inside single quotes", arguments: [
        ("He said: ‘The ministers’ work isn’t over.’", "‘The ministers’ work isn’t over.’"),
        ("He said: 'The ministers' work isn't over.'", "'The ministers' work isn't over.'"),
    ])
    func possessiveInsideSingleQuotes(text: String, quote: String) {
        #expect(quotations(text) == [quote])
    }

    // Tens of thousands of unbalanced marks in one paragraph: the stack is bounded
    // (``QuoteDetector/maxDepth``) and every stage reads a bounded window, so the pipeline
    // returns, and the result stays small: marks that enclose nothing are no quotation, and
    // an open mark left at the paragraph's end makes at most one.
    @Test("50,000 unbalanced marks finish with a bounded result", arguments: [
        // Bare marks, nothing between them.
        String(repeating: "“", count: 50_000),
        // Opening marks before words.
        String(repeating: "“a ", count: 50_000),
        // Closing marks after words.
        String(repeating: "a” ", count: 50_000),
        // Double and single opening marks, alternating (deeper than maxDepth).
        String(repeating: "“a ‘b ", count: 25_000),
    ])
    func unbalanced(text: String) {
        let d = Fixture.analyse(text)
        #expect(d.paragraphs.count == 1)
        #expect(d.quotations.count <= QuoteDetector.maxDepth)
        #expect(d.attributions.count <= 1)
    }

    // No text, no marks: nothing found, nothing trapped.
    @Test("empty text and text without marks", arguments: ["", "\n\n", "Nothing quoted here."])
    func nothing(text: String) {
        #expect(quotations(text).isEmpty)
    }
}
