internal import EntityTagging

/// Re-attaches the clitics that a clitic-segmented corpus writes as tokens of their own
/// (NewsFANE: و الصادرات, ان ه), so that its sentences look like the running text the tagger
/// reads (والصادرات, انه).
///
/// Only untagged clitics are joined, and enclitics only to untagged words: the letters of an
/// acronym (د ب ا) stay apart.
public enum CliticJoiner {
    /// Conjunctions and prepositions, joined to the word after them.
    static let proclitics: Set<String> = ["و", "ف", "ب", "ل", "ك"]
    /// Object and possessive pronouns, joined to the word before them.
    static let enclitics: Set<String> = ["ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا", "ي"]

    /// The sentence with its split clitics joined; a joined word keeps its own tag.
    public static func joined(_ sentence: LabeledSentence) -> LabeledSentence {
        var tokens: [String] = []
        var tags: [BIOTag] = []
        var pending = ""
        for (index, (token, tag)) in zip(sentence.tokens, sentence.tags).enumerated() {
            let next = sentence.tokens.indices.contains(index + 1) ? sentence.tokens[index + 1] : ""
            if tag == .outside, proclitics.contains(token), startsWithArabicLetter(next) {
                pending += token
                continue
            }
            if pending.isEmpty, tag == .outside, enclitics.contains(token), let last = tokens.last,
                tags.last == .outside, endsWithArabicLetter(last)
            {
                tokens[tokens.count - 1] = last + token
                continue
            }
            // ل before the article drops the article's alef: ل + الأمن = للأمن.
            let word = pending.hasSuffix("ل") && token.hasPrefix("ال") ? pending + token.dropFirst() : pending + token
            pending = ""
            tokens.append(word)
            tags.append(tag)
        }
        return LabeledSentence(tokens: tokens, tags: tags)
    }

    private static func startsWithArabicLetter(_ word: String) -> Bool {
        word.unicodeScalars.first.map(isArabicLetter) ?? false
    }

    private static func endsWithArabicLetter(_ word: String) -> Bool {
        word.unicodeScalars.last.map(isArabicLetter) ?? false
    }

    private static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0621...0x064A).contains(scalar.value)
    }
}
