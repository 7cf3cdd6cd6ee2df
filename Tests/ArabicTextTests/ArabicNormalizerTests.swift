import FixtureFiles
import Foundation
import SeededRandom
import Testing

@testable import ArabicText

@Suite("ArabicNormalizer")
struct ArabicNormalizerTests {
    let normalizer = ArabicNormalizer()

    @Test(
        "display normalization",
        arguments: [
            ("\u{FEFB}", "لا"),  // lam-alef ligature
            ("\u{FDF2}", "الله"),
            ("\u{FE8D}\u{FEDF}\u{FEE4}\u{FB95}\u{FEAE}\u{FE8F}", "المگرب"),  // contextual forms
            ("تعزیز", "تعزيز"),  // Persian yeh
            ("کتاب", "كتاب"),  // keheh
            ("خانۀ", "خانه"),
            ("الأخــبــار", "الأخبار"),  // tatweel
            ("حمو\u{200C}شي\u{200F}", "حموشي"),  // zero-width non-joiner, right-to-left mark
            ("\u{202B}نص\u{202C}", "نص"),  // embedding controls
            ("“FSB” و«داعش» و”القاعدة”", "\"FSB\" و\"داعش\" و\"القاعدة\""),
            ("‘نعم’", "'نعم'"),
            ("a\u{00A0}\u{2009} \tb", "a b"),
            ("سطر\r\nسطر\rسطر", "سطر\nسطر\nسطر"),
            ("٢٠٢٥ و۲۰۲۵ و١٢٫٥٪", "2025 و2025 و12.5%"),
            ("مُمَثِّلاً", "مُمَثِّلاً"),  // diacritics stay for display
            ("أإآٱ ى ة", "أإآٱ ى ة"),
        ]
    )
    func display(input: String, expected: String) {
        #expect(normalizer.display(input).string == expected)
    }

    @Test(
        "matching key",
        arguments: [
            ("إقرأ أيضاً:", "اقرا ايضا:"),
            ("عبد اللطيف الحمّوشي", "عبد اللطيف الحموشي"),
            ("أحمد إبراهيم آدم ٱلله", "احمد ابراهيم ادم الله"),
            ("على المدرسة", "علي المدرسه"),
            ("FSB Interpol", "fsb interpol"),
            ("وَالمَغْرِب", "والمغرب"),
            ("\u{FEF7}", "لا"),  // lam with alef with hamza above
            ("مسؤول ومسو\u{0654}ول", "مسؤول ومسؤول"),  // precomposed and decomposed hamza
            ("شيء بريئة بريي\u{0654}ة سي\u{064F}\u{0654}ل", "شيء بريئه بريئه سئل"),
            ("ۓ ے\u{0654} ۂ ہ\u{0654}", "ئ ئ ه ه"),
        ]
    )
    func matchingKey(input: String, expected: String) {
        // Compare scalars: String's == would take a decomposed hamza for the precomposed letter.
        #expect(Array(normalizer.matchingKey(input).string.unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test("canonically equivalent texts share a key: decomposed hamza and madda, reordered marks")
    func canonicalEquivalence() throws {
        let samples = [
            "مسؤول", "شيء", "بريئة", "سُئِلَ", "رُؤْيَة", "أُمّ", "إِسلام", "آمن", "هٰذا", "ۓ", "ۂ", "ۀ", "خانۀ", "گئے",
            "\u{FE8A}\u{FE86}",  // yeh and waw with hamza, presentation forms
        ]
        for sample in try samples + [FixtureFiles.seed("000"), FixtureFiles.seed("003")] {
            let composed = normalizer.matchingKey(sample.precomposedStringWithCanonicalMapping).string
            let decomposed = normalizer.matchingKey(sample.decomposedStringWithCanonicalMapping).string
            #expect(Array(composed.unicodeScalars) == Array(decomposed.unicodeScalars), "\(sample)")
        }
    }

    @Test("maps normalized scalars back to the source, marks and tatweel included")
    func offsetMap() {
        let source = "بِفيــينا"
        let key = normalizer.matchingKey(source)
        #expect(key.string == "بفيينا")
        // ب and its kasra are source scalars 0..<2; the first ي absorbs the tatweel run.
        #expect(key.sourceRange(at: 0) == 0..<2)
        #expect(key.sourceRange(for: 1..<6) == 2..<9)
        #expect(key.sourceRange(for: 0..<key.count) == 0..<source.unicodeScalars.count)
        #expect(key.sourceRange(for: 3..<3) == key.sourceRange(at: 3).lowerBound..<key.sourceRange(at: 3).lowerBound)
        #expect(key.sourceRange(for: key.count..<key.count) == 9..<9)
        #expect(key.normalizedRange(forSourceRange: 2..<9) == 1..<6)
    }

    @Test("a ligature expands to scalars that all map to the ligature")
    func ligatureOffsets() {
        let text = normalizer.display("ب\u{FDF2}ب")
        #expect(text.string == "بالله" + "ب")
        #expect((1...4).allSatisfy { text.sourceRange(at: $0) == 1..<2 })
        #expect(text.sourceRange(at: 5) == 2..<3)
    }

    @Test("offset maps are monotonic and in range; normalizing twice changes nothing", arguments: Self.samples)
    func properties(sample: String) {
        for form in [ArabicNormalizer.Form.display, .matchingKey] {
            let text = normalizer.normalize(sample.unicodeScalars, form: form)
            Self.checkMap(text, sourceCount: sample.unicodeScalars.count)
            #expect(normalizer.normalize(text.scalars, form: form).scalars == text.scalars)
        }
        #expect(
            normalizer.matchingKey(normalizer.display(sample).string).string == normalizer.matchingKey(sample).string)
    }

    @Test("random scalars never crash and keep every property")
    func randomText() {
        var generator = SplitMix64(seed: 0x5EED)
        let pools: [ClosedRange<UInt32>] = [
            0x0600...0x06FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF, 0x0300...0x036F, 0x1F300...0x1FAFF,
            0x2000...0x206F, 0x0000...0x007F, 0x0750...0x077F, 0x08A0...0x08FF,
        ]
        for _ in 0..<300 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                let pool = pools.randomElement(using: &generator)!
                if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &generator)) { view.append(scalar) }
            }
            let sample = String(view)
            for form in [ArabicNormalizer.Form.display, .matchingKey] {
                let text = normalizer.normalize(sample.unicodeScalars, form: form)
                Self.checkMap(text, sourceCount: view.count)
                #expect(normalizer.normalize(text.scalars, form: form).scalars == text.scalars)
            }
        }
    }

    static let samples = [
        "", " ", "\u{064E}\u{0651}", "ـــ", "\u{200F}\u{200E}", "abc", "👨‍👩‍👧 فيينا 🇲🇦", "\r\n\r\n",
        "«المغرب» – ٢٠٢٥ \u{FEFB}\u{FDFA} وَالمَغْرِب", "َبداية بحركة", "IMG 20250528 WA0088", "تعزیز کار ۀ ە",
    ]

    static func checkMap(_ text: NormalizedText, sourceCount: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        var previous = 0..<0
        for index in 0..<text.count {
            let range = text.sourceRange(at: index)
            #expect(
                range.lowerBound >= previous.lowerBound && range.upperBound >= previous.upperBound,
                sourceLocation: sourceLocation)
            #expect(
                range.lowerBound >= 0 && range.upperBound <= sourceCount && !range.isEmpty,
                sourceLocation: sourceLocation)
            previous = range
        }
        #expect(text.sourceCount == sourceCount, sourceLocation: sourceLocation)
    }
}
