import FixtureFiles
import Testing

@testable import ArabicText

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    let splitter = SentenceSplitter()

    func sentences(_ text: String) -> [String] {
        let normalized = ArabicNormalizer().display(text)
        return splitter.sentences(in: normalized).map { range in
            String(String.UnicodeScalarView(normalized.scalars[range]))
        }
    }

    @Test(
        "splits at sentence punctuation and paragraph breaks",
        arguments: [
            ("قال الوزير. وأضاف أن", ["قال الوزير.", "وأضاف أن"]),
            ("هل حضر؟ نعم! حضر", ["هل حضر؟", "نعم!", "حضر"]),
            ("الأول؛ الثاني", ["الأول؛", "الثاني"]),
            ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
            ("He left. She stayed? Yes!", ["He left.", "She stayed?", "Yes!"]),
            ("قال: \"انتهى الأمر.\" ثم غادر", ["قال: \"انتهى الأمر.\"", "ثم غادر"]),
            ("حقا؟! لا أصدق", ["حقا؟!", "لا أصدق"]),
            ("انتظر… ثم تكلم", ["انتظر…", "ثم تكلم"]),
        ]
    )
    func splits(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test(
        "does not split numbers, addresses, initials or abbreviations",
        arguments: [
            "ارتفع بنسبة 2.5 في المئة",
            "بلغ ٢٫٥ مليون",
            "راجع الموقع hespress.com للمزيد",
            "التقى د. أحمد بالوزير",
            "met Dr. Smith and J. R. Tolkien",
            "قوات U.S.A في المنطقة",
            "بعد إطلاق خط أكادير دكار.. المغرب عازم على التعاون",
        ]
    )
    func keepsWhole(text: String) {
        #expect(sentences(text).count == 1, "\(sentences(text))")
    }

    @Test("a number ends a sentence when a space follows its dot")
    func numberAtEnd() {
        #expect(sentences("وصل عددهم إلى 25. ثم غادروا") == ["وصل عددهم إلى 25.", "ثم غادروا"])
    }

    @Test("empty and blank text has no sentences")
    func empty() {
        #expect(sentences("").isEmpty)
        #expect(sentences(" \n\n  . ").count == 1)
        #expect(sentences("  \n \n").isEmpty)
    }

    @Test("the seed articles split into their sentences, each within one paragraph")
    func seeds() throws {
        let text = try FixtureFiles.seed("002")
        let normalized = ArabicNormalizer().display(text)
        let ranges = splitter.sentences(in: normalized)
        #expect(ranges.count >= 25)
        for range in ranges {
            #expect(!normalized.scalars[range].contains("\n"))
        }
    }
}
