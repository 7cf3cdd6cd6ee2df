import Testing

@testable import EntityTagging
@testable import TaggerTools

@Suite("EntityScore")
struct EntityScoreTests {
    @Test("exact span and type: a wrong boundary or type is one false positive and one false negative")
    func counts() {
        var score = EntityScore<NERType>()
        // gold: PER 0-2, LOC 3, ORG 5-7; predicted: PER 0-2 (right), LOC 3 as ORG, ORG 5-6 (short)
        score.add(
            gold: [
                .begin(.person), .inside(.person), .outside, .begin(.location), .outside, .begin(.organization),
                .inside(.organization),
            ],
            predicted: [
                .begin(.person), .inside(.person), .outside, .begin(.organization), .outside,
                .begin(.organization), .outside,
            ]
        )
        #expect(score[.person] == .init(truePositives: 1, falsePositives: 0, falseNegatives: 0))
        #expect(score[.location] == .init(truePositives: 0, falsePositives: 0, falseNegatives: 1))
        #expect(score[.organization] == .init(truePositives: 0, falsePositives: 2, falseNegatives: 1))
        #expect(score[.miscellaneous] == .init())
        let micro = score.micro(over: NERType.allCases)
        #expect(micro == .init(truePositives: 1, falsePositives: 2, falseNegatives: 2))
        #expect(micro.precision == 1.0 / 3.0)
        #expect(micro.recall == 1.0 / 3.0)
        #expect(micro.f1 == 1.0 / 3.0)
        #expect(micro.support == 3)
    }

    @Test("F1 is the harmonic mean; empty counts score zero instead of dividing by zero")
    func arithmetic() {
        let counts = EntityScore<NERType>.Counts(truePositives: 6, falsePositives: 2, falseNegatives: 4)
        #expect(counts.precision == 0.75)
        #expect(counts.recall == 0.6)
        #expect(abs(counts.f1 - 2 * 0.75 * 0.6 / (0.75 + 0.6)) < 1e-12)
        let empty = EntityScore<NERType>.Counts()
        #expect(empty.precision == 0 && empty.recall == 0 && empty.f1 == 0)
    }

    @Test("any label and span type: a span found twice in the gold must be predicted twice")
    func generic() {
        struct Mention: Hashable {
            let label: String
            let start: Int
        }
        var score = EntityScore<String>()
        let a = Mention(label: "PERSON", start: 3)
        score.add(gold: [a, a], predicted: [a, Mention(label: "DATE", start: 9)], label: \.label)
        #expect(score["PERSON"] == .init(truePositives: 1, falsePositives: 0, falseNegatives: 1))
        #expect(score["DATE"] == .init(truePositives: 0, falsePositives: 1, falseNegatives: 0))
    }
}
