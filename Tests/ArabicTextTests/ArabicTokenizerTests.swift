import Testing

@testable import ArabicText

@Suite("ArabicTokenizer")
struct ArabicTokenizerTests {
    /// A tokenizer whose lexicon knows a few places and names, as the gazetteer would.
    let tokenizer = ArabicTokenizer(lexicon: WordHashSet(["فيينا", "ليون", "بوتين", "يون", "وتين", "المغرب"]))

    /// The scalars of `text` in `range`.
    func slice(_ text: String, _ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[range]))
    }

    @Test("token kinds and source offsets")
    func kinds() {
        let text = "زار حموشي، يوم 27 ماي 2025، مقر “FSB” بـموسكو؟ رابح-رابح 12.5"
        let tokens = tokenizer.tokenize(text)
        let kinds = tokens.map(\.kind)
        #expect(kinds.filter { $0 == .number }.count == 3)
        #expect(kinds.filter { $0 == .latin }.count == 1)
        #expect(tokens.map { slice(text, $0.range) }.contains("FSB"))
        #expect(tokens.map { slice(text, $0.range) }.contains("12.5"))
        #expect(tokens.contains { $0.kind == .punctuation && slice(text, $0.range) == "،" })
        #expect(tokens.contains { $0.kind == .punctuation && slice(text, $0.range) == "-" })
    }

    @Test(
        "proclitics are split when the stem stays whole",
        arguments: [
            ("لفيينا", "فيينا", "فيينا"),
            ("بفيينا", "فيينا", "فيينا"),
            ("والمغرب", "المغرب", "مغرب"),
            ("بالرباط", "الرباط", "رباط"),
            ("للأمن", "أمن", "أمن"),
            ("وبالتالي", "التالي", "تالي"),
            ("لليون", "ليون", "ليون"),
        ]
    )
    func split(word: String, base: String, stem: String) {
        let token = tokenizer.tokenize(word)[0]
        #expect(slice(word, token.range) == word)
        #expect(slice(word, token.baseRange) == base)
        #expect(slice(word, token.stemRange) == stem)
    }

    @Test("stems keep their letters", arguments: ["بوتين", "ليون", "وزارة", "فريق", "الذي", "إلى", "والي", "الله"])
    func keptWhole(word: String) {
        for tokenizer in [tokenizer, ArabicTokenizer()] {
            let token = tokenizer.tokenize(word)[0]
            #expect(token.segmentation == .unsegmented)
            #expect(slice(word, token.stemRange) == word)
        }
    }

    @Test("without a lexicon a bare one-letter proclitic is never split, the article always")
    func defaultSplitting() {
        let plain = ArabicTokenizer()
        #expect(plain.tokenize("لفيينا")[0].segmentation == .unsegmented)
        let definite = plain.tokenize("والمغرب")[0].segmentation
        #expect(definite.conjunction == "و" && definite.article == .written)
        #expect(plain.tokenize("للحموشي")[0].segmentation.article == .contracted)
    }

    @Test("every segmentation of a word, whole word first")
    func segmentations() {
        let readings = tokenizer.segmentations(ofWord: "لليون".unicodeScalars)
        #expect(readings.map(\.stemOffset) == [0, 1, 2])
        #expect(readings[1].preposition == "ل" && readings[1].article == .none)
        #expect(readings[2].article == .contracted)
        #expect(tokenizer.baseForm(ofWord: "للأمن".unicodeScalars, readings[2]) == "الامن")
    }

    @Test("a base form combines a decomposed hamza as the matching key does")
    func decomposedHamza() {
        let word = "والمسو\u{064E}\u{0654}ول".unicodeScalars
        let definite = tokenizer.segmentations(ofWord: word).first { $0.article == .written }
        let base = definite.map { tokenizer.baseForm(ofWord: word, $0) }
        #expect(base.map { Array($0.unicodeScalars) } == Array("المسؤول".unicodeScalars))
        #expect(base == ArabicNormalizer().key("المسو\u{064E}\u{0654}ول"))
    }

    @Test("stem offsets skip diacritics and map back through the normalizer")
    func diacritics() {
        let word = "وَبِالمَغْرِب"
        let token = tokenizer.tokenize(word)[0]
        #expect(slice(word, token.baseRange) == "المَغْرِب")
        #expect(slice(word, token.stemRange) == "مَغْرِب")
    }
}
