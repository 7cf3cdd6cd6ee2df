import Testing

@testable import EntityTagging
@testable import TaggerTools

@Suite("CliticJoiner")
struct CliticJoinerTests {
    @Test("split proclitics and enclitics rejoin their words, which keep their tags")
    func joins() {
        let sentence = LabeledSentence(
            tokens: ["و", "الصادرات", "ان", "ه", "ل", "الامن", "و", "ب", "مصر", "."],
            tags: [
                .outside, .outside, .outside, .outside, .outside, .outside, .outside, .outside, .begin(.location),
                .outside,
            ]
        )
        let joined = CliticJoiner.joined(sentence)
        #expect(joined.tokens == ["والصادرات", "انه", "للامن", "وبمصر", "."])
        #expect(joined.tags == [.outside, .outside, .outside, .begin(.location), .outside])
    }

    @Test("letters inside an entity, and clitics with no word to join, stay apart")
    func keeps() {
        let sentence = LabeledSentence(
            tokens: ["د", "ب", "ا", "ه", "و"],
            tags: [.begin(.organization), .inside(.organization), .inside(.organization), .outside, .outside]
        )
        #expect(CliticJoiner.joined(sentence).tokens == ["د", "ب", "ا", "ه", "و"])
        let numbers = LabeledSentence(tokens: ["ب", "343", "ه"], tags: [.outside, .outside, .outside])
        #expect(CliticJoiner.joined(numbers).tokens == ["ب", "343", "ه"])
    }
}

@Suite("TextOverlap")
struct TextOverlapTests {
    @Test("a re-segmented, re-spelled copy of a held-out sentence overlaps it; other text does not")
    func overlap() {
        let heldOut = LabeledSentence(
            tokens: ["أعلن", "اتحاد", "صناعة", "السيارات", "في", "ألمانيا", "أمس"],
            tags: Array(repeating: .outside, count: 7)
        )
        let overlap = TextOverlap([heldOut])
        let copy = LabeledSentence(
            tokens: ["اعلن", "اتحاد", "صناعة", "السيارات", "في", "المانيا", "امس", "و", "ذلك"],
            tags: Array(repeating: .outside, count: 9)
        )
        let other = LabeledSentence(
            tokens: ["قال", "وزير", "الخارجية", "الفرنسي", "اليوم"],
            tags: Array(repeating: .outside, count: 5)
        )
        #expect(overlap.contains(copy))
        #expect(!overlap.contains(other))
        #expect(!TextOverlap([]).contains(copy))
    }
}
