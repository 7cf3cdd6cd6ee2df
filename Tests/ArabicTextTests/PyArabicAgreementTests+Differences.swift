import Foundation

extension PyArabicAgreementTests {
    /// Where the test projects a difference away.
    enum Stage: Sendable {
        /// On the word before pyarabic sees it, because pyarabic's own rule would make the
        /// difference impossible to undo in its result.
        case beforePyArabic
        /// On pyarabic's result: the key's extra fold, done the same way.
        case afterPyArabic
    }

    /// One way the matching key deliberately differs from pyarabic's functions for the shared
    /// rules (`scripts/pyarabic-key.py`), and how the test projects it away.
    struct DeliberateDifference: Sendable {
        /// What the key does that pyarabic does not, or does otherwise.
        let rule: String
        /// Why the key does it.
        let reason: String
        let stage: Stage
        /// Applies the key's rule to a word (`.beforePyArabic`) or to pyarabic's result.
        let project: @Sendable ([Unicode.Scalar]) -> [Unicode.Scalar]
    }

    /// Every deliberate difference between the matching key and pyarabic 0.6.15.
    static let deliberateDifferences: [DeliberateDifference] = [
        DeliberateDifference(
            rule: "presentation forms → letters (NFKC), beyond pyarabic's four isolated lam-alef ligatures",
            reason: """
                Text copied from PDFs or rendered with contextual glyphs (ﺍﻟﻤﻐﺮﺏ) must meet plain spellings; \
                pyarabic's normalize_ligature knows only U+FEF5, U+FEF7, U+FEF9 and U+FEFB.
                """,
            stage: .beforePyArabic,
            project: eachScalar { scalar in
                let value = scalar.value
                guard (0xFB50...0xFDFF).contains(value) || (0xFE70...0xFEFC).contains(value),
                    ![0xFEF5, 0xFEF7, 0xFEF9, 0xFEFB].contains(value)
                else { return nil }
                let expanded = String(scalar).precomposedStringWithCompatibilityMapping
                return expanded == String(scalar) ? nil : Array(expanded.unicodeScalars)
            }
        ),
        DeliberateDifference(
            rule: "ى → ي (pyarabic's normalize_alef makes it ا)",
            reason: """
                News text writes final yeh both ways (على/علي, مصطفى/مصطفي), so the key folds ى into ي. \
                pyarabic's ALEFAT lists ALEF_MAKSURA, which would merge على (on) with علا (rose). \
                Projected before pyarabic: in its result that ا can no longer be told apart.
                """,
            stage: .beforePyArabic,
            project: replacing(["\u{0649}": "\u{064A}"])
        ),
        DeliberateDifference(
            rule: "a hamza-above mark after و or ي makes ؤ or ئ (pyarabic drops it, leaving و or ي)",
            reason: """
                Unicode composes و + ٔ into ؤ and ي + ٔ into ئ: a text with decomposed hamza is the same text \
                and must get the same key. pyarabic's strip_diacritics drops the mark, so its result depends on \
                the encoding. The key also composes after ى ی ے, which it folds into ي.
                """,
            stage: .beforePyArabic,
            project: composingHamzaAbove
        ),
        DeliberateDifference(
            rule: "ٲ ٳ ٵ → ا (wavy and high hamza alefs)",
            reason: """
                They are alef-with-hamza forms too (Persian and Urdu keyboards); pyarabic's ALEFAT does not \
                list them.
                """,
            stage: .afterPyArabic,
            project: replacing(["\u{0672}": "\u{0627}", "\u{0673}": "\u{0627}", "\u{0675}": "\u{0627}"])
        ),
        DeliberateDifference(
            rule: "Persian and Urdu letters → Arabic (ی ے → ي, ۓ → ئ, ک ڪ → ك, ۀ ہ ۂ ھ ە ۃ → ه)",
            reason: """
                Words typed on Persian or Urdu keyboards (one seed has تعزیز) must meet their Arabic \
                spelling; pyarabic has no such fold. ۃ is a teh marbuta, so it ends as ه like ة, and ۓ is ے \
                with hamza above, so ئ.
                """,
            stage: .afterPyArabic,
            project: replacing([
                "\u{06CC}": "\u{064A}", "\u{06D2}": "\u{064A}", "\u{06A9}": "\u{0643}", "\u{06AA}": "\u{0643}",
                "\u{06C0}": "\u{0647}", "\u{06C1}": "\u{0647}", "\u{06BE}": "\u{0647}", "\u{06D5}": "\u{0647}",
                "\u{06C2}": "\u{0647}", "\u{06C3}": "\u{0647}", "\u{06D3}": "\u{0626}",
            ])
        ),
        DeliberateDifference(
            rule: "Arabic-Indic and Eastern digits → ASCII, ٪ ٫ ٬ → % . ,",
            reason: "Numbers must compare equal whatever digits the site uses; pyarabic's normalizers keep digits.",
            stage: .afterPyArabic,
            project: eachScalar { scalar in
                switch scalar.value {
                case 0x0660...0x0669: return [Unicode.Scalar(UInt8(scalar.value - 0x0660 + 0x30))]
                case 0x06F0...0x06F9: return [Unicode.Scalar(UInt8(scalar.value - 0x06F0 + 0x30))]
                case 0x066A: return ["%"]
                case 0x066B: return ["."]
                case 0x066C: return [","]
                default: return nil
                }
            }
        ),
        DeliberateDifference(
            rule: "ASCII A–Z → a–z",
            reason: "Latin names and acronyms (FSB, Interpol) must match in any case; pyarabic leaves Latin alone.",
            stage: .afterPyArabic,
            project: eachScalar { scalar in
                (0x41...0x5A).contains(scalar.value) ? [Unicode.Scalar(UInt8(scalar.value + 0x20))] : nil
            }
        ),
        DeliberateDifference(
            rule: "quotation marks → \" and '",
            reason: """
                The display form unifies “ ” « » and ‘ ’ so that «داعش» and "داعش" read alike; pyarabic \
                keeps them.
                """,
            stage: .afterPyArabic,
            project: eachScalar { scalar in
                switch scalar.value {
                case 0x201C...0x201F, 0xAB, 0xBB, 0x2033, 0x275D, 0x275E, 0x301D...0x301F, 0xFF02: return ["\""]
                case 0x2018...0x201B, 0x2032, 0x2039, 0x203A, 0xFF07: return ["'"]
                default: return nil
                }
            }
        ),
        DeliberateDifference(
            rule: "invisible characters removed (controls, soft hyphen, zero-width and bidi marks, BOM, U+061C)",
            reason: """
                They do not change the word a reader sees (ZWNJ inside حمو‌شي, a stray RLM), so they must not \
                change its key; pyarabic keeps them.
                """,
            stage: .afterPyArabic,
            project: eachScalar { scalar in
                switch scalar.value {
                case 0x00...0x08, 0x0E...0x1F, 0x7F...0x84, 0x86...0x9F, 0xAD, 0x061C, 0x08E2, 0x180E,
                    0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF:
                    return []
                default:
                    return nil
                }
            }
        ),
        DeliberateDifference(
            rule: "nonspacing marks outside U+0600–U+06FF removed (Arabic Extended-A marks, Latin accents)",
            reason: """
                The key drops marks wherever they sit (U+08D3–U+08FF marks, a combining acute in "café"); \
                pyarabic's DIACRITICS covers only the Arabic block.
                """,
            stage: .afterPyArabic,
            project: eachScalar { scalar in
                !(0x0600...0x06FF).contains(scalar.value) && scalar.properties.generalCategory == .nonspacingMark
                    ? [] : nil
            }
        ),
    ]

    /// A word with the differences that must be projected before pyarabic applied.
    static func beforePyArabic(_ word: String) -> String {
        project(word, stage: .beforePyArabic)
    }

    /// pyarabic's result with the key's extra folds applied.
    static func afterPyArabic(_ result: String) -> String {
        project(result, stage: .afterPyArabic)
    }

    /// Applies the rows of one stage, in table order.
    private static func project(_ text: String, stage: Stage) -> String {
        var scalars = Array(text.unicodeScalars)
        for row in deliberateDifferences where row.stage == stage {
            scalars = row.project(scalars)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// A projection that replaces single scalars; `fold` returns `nil` for scalars it keeps.
    private static func eachScalar(
        _ fold: @escaping @Sendable (Unicode.Scalar) -> [Unicode.Scalar]?
    ) -> @Sendable ([Unicode.Scalar]) -> [Unicode.Scalar] {
        { scalars in scalars.flatMap { fold($0) ?? [$0] } }
    }

    private static func replacing(
        _ table: [Unicode.Scalar: Unicode.Scalar]
    ) -> @Sendable ([Unicode.Scalar]) -> [Unicode.Scalar] {
        eachScalar { scalar in table[scalar].map { [$0] } }
    }

    /// Replaces a hamza-above mark and the letter it follows (across marks, tatweel and
    /// invisible characters, which the key drops) by ؤ or ئ where that letter is a seat.
    @Sendable
    private static func composingHamzaAbove(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let seats: [Unicode.Scalar: Unicode.Scalar] = [
            "\u{0648}": "\u{0624}", "\u{064A}": "\u{0626}", "\u{0649}": "\u{0626}", "\u{06CC}": "\u{0626}",
            "\u{06D2}": "\u{0626}",
        ]
        var result: [Unicode.Scalar] = []
        var letter: Int?
        for scalar in scalars {
            if scalar == "\u{0654}", let index = letter, let composed = seats[result[index]] {
                result[index] = composed
                continue
            }
            let category = scalar.properties.generalCategory
            if scalar != "\u{0640}", category != .nonspacingMark, category != .format, category != .control {
                letter = result.count
            }
            result.append(scalar)
        }
        return result
    }
}
