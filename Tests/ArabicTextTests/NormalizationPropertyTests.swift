import Foundation
import Testing

@testable import ArabicText

/// Properties that must hold for every input, checked on many random ones.
@Suite("Normalization properties")
struct NormalizationPropertyTests {
    let normalizer = ArabicNormalizer()
    static let seeds: [UInt64] = Array(1...200)

    @Test("normalizing twice changes nothing, in both forms", arguments: seeds)
    func idempotent(seed: UInt64) {
        var random = RandomText(seed: seed)
        let text = random.string(count: 1 + random.int(below: 400))
        for form in [ArabicNormalizer.Form.display, .matchingKey] {
            let once = normalizer.normalize(text.unicodeScalars, form: form)
            let twice = normalizer.normalize(once.scalars, form: form)
            #expect(twice.scalars == once.scalars, "form \(form), seed \(seed)")
        }
        let keyOfDisplay = normalizer.normalize(normalizer.display(text).scalars, form: .matchingKey)
        #expect(keyOfDisplay.scalars == normalizer.matchingKey(text).scalars, "key(display(x)) == key(x), seed \(seed)")
    }

    @Test("the offset map is in range and never goes back", arguments: seeds)
    func offsetMap(seed: UInt64) {
        var random = RandomText(seed: seed)
        let scalars = random.scalars(count: 1 + random.int(below: 400))
        for form in [ArabicNormalizer.Form.display, .matchingKey] {
            let text = normalizer.normalize(scalars, form: form)
            #expect(text.sourceCount == scalars.count)
            var previous = 0..<0
            for index in 0..<text.count {
                let range = text.sourceRange(at: index)
                #expect(!range.isEmpty && range.lowerBound >= 0 && range.upperBound <= scalars.count)
                #expect(range.lowerBound >= previous.lowerBound && range.upperBound >= previous.upperBound)
                previous = range
            }
            let whole = text.sourceRange(for: 0..<text.count)
            #expect(whole.lowerBound >= 0 && whole.upperBound <= scalars.count)
        }
    }

    @Test("random bytes, decoded with replacement, go through every step", arguments: seeds)
    func randomBytes(seed: UInt64) {
        var random = RandomText(seed: seed)
        let text = String(decoding: random.bytes(count: random.int(below: 2_000)), as: UTF8.self)
        checkEveryStep(text)
    }

    @Test("random Unicode goes through every step", arguments: seeds)
    func randomUnicode(seed: UInt64) {
        var random = RandomText(seed: seed)
        checkEveryStep(random.string(count: random.int(below: 2_000)))
    }

    @Test("a line of a million scalars goes through every step")
    func longLine() {
        var random = RandomText(seed: 7)
        let words = (0..<100).map { _ in random.string(count: 1 + random.int(below: 9)) }
        let line = (0..<100_000).map { words[$0 % words.count] }.joined(separator: " ")
        checkEveryStep(line)
        checkEveryStep(String(repeating: "\u{064E}", count: 200_000))  // marks with no letter
        checkEveryStep(String(repeating: "ـ", count: 200_000) + "ا")
    }

    /// Cleans, normalizes, tokenizes and splits `text`, checking that every range points into it.
    private func checkEveryStep(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        let page = PageCleaner().clean(text)
        for paragraph in page.paragraphs {
            #expect(paragraph.range.upperBound <= scalars.count)
            #expect(String(String.UnicodeScalarView(scalars[paragraph.range])) == paragraph.text)
        }
        let key = normalizer.matchingKey(text)
        for token in ArabicTokenizer().tokenize(key) {
            #expect(token.normalizedRange.upperBound <= key.count)
            #expect(token.range.lowerBound <= token.baseRange.lowerBound)
            #expect(token.baseRange.lowerBound <= token.stemRange.lowerBound)
            #expect(token.stemRange.upperBound <= scalars.count)
        }
        for sentence in SentenceSplitter().sentences(in: key) {
            #expect(!sentence.isEmpty && sentence.upperBound <= key.count)
        }
    }
}
