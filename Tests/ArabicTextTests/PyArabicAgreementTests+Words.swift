import SeededRandom

extension PyArabicAgreementTests {
    /// Letters of the basic Arabic alphabet, every hamza and alef form, ى and ة among them.
    static let letters: [Unicode.Scalar] =
        (0x0621...0x063A).compactMap(Unicode.Scalar.init) + (0x0641...0x064A).compactMap(Unicode.Scalar.init)
        + ["\u{0671}"]  // alef wasla

    /// Tanween, fatha, damma, kasra, shadda, sukun, madda, hamza above and below, superscript alef.
    static let marks: [Unicode.Scalar] = (0x064B...0x0655).compactMap(Unicode.Scalar.init) + ["\u{0670}"]

    /// The isolated lam-alef ligatures, which pyarabic's normalize_ligature handles too.
    static let ligatures: [Unicode.Scalar] = ["\u{FEF5}", "\u{FEF7}", "\u{FEF9}", "\u{FEFB}"]

    /// A few scalars the key folds and pyarabic does not, to exercise the projections.
    static let projected: [Unicode.Scalar] = [
        "\u{0672}", "\u{0673}", "\u{0675}", "\u{06CC}", "\u{06A9}", "\u{06C0}", "\u{06C3}", "\u{06D5}", "\u{0663}",
        "\u{06F7}", "\u{FE8D}", "\u{FEDF}", "\u{FEFC}", "A", "Z", "\u{200C}", "\u{08F0}",
    ]

    static let tatweel: Unicode.Scalar = "\u{0640}"

    /// `count` random words of one to nine letters from a seeded generator: letters with marks
    /// after some (shadda with a haraka, or two marks), tatweel before or after some letters
    /// (so also between a letter and its marks), now and then a ligature or a projected scalar.
    static func generatedWords(count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        func below(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
        func pick(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar { scalars[below(scalars.count)] }

        var words: [String] = []
        words.reserveCapacity(count)
        for _ in 0..<count {
            var word = String.UnicodeScalarView()
            for _ in 0...below(9) {
                if below(12) == 0 { word.append(tatweel) }
                switch below(100) {
                case 0..<3: word.append(pick(ligatures))
                case 3..<7: word.append(pick(projected))
                default: word.append(pick(letters))
                }
                if below(8) == 0 { word.append(tatweel) }
                switch below(10) {
                case 0..<5: break
                case 5..<8: word.append(pick(marks))
                case 8: word.append(contentsOf: ["\u{0651}", pick(marks)])
                default: word.append(contentsOf: [pick(marks), pick(marks)])
                }
            }
            words.append(String(word))
        }
        return words
    }
}
