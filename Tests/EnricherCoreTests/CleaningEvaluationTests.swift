import EntityTagging
import FixtureFiles
import TaggerTools
import Testing

@Suite("Cleaning gold")
struct CleaningEvaluationTests {
    static let seeds = ["000", "001", "002", "003", "004"]

    @Test("the cleaner keeps every title and body line of the seeds and drops at least 95% of the rest")
    func seeds() throws {
        var evaluation = CleaningEvaluation()
        for seed in Self.seeds {
            let gold = try CleaningGold(parsing: try FixtureFiles.cleaningGold(seed))
            try evaluation.add(page: try FixtureFiles.seed(seed), gold: gold, name: seed)
        }
        #expect(evaluation.mustKeep >= 40 && evaluation.mustDrop >= 30)
        #expect(evaluation.keepRecall == 1, "\(evaluation.misses)")
        #expect(evaluation.dropRecall >= 0.95, "\(evaluation.misses)")
    }

    @Test("scores a small page by hand")
    func handCounted() throws {
        let page =
            "عنوان الخبر الرئيسي في صحيفة اليوم\n\n· 12 مشاهدة\n"
            + "قال المتحدث إن الاجتماع انتهى باتفاق شامل بين الأطراف كلها بعد مفاوضات طويلة جرت في العاصمة.\n"
            + "إضافة تعليق"
        let gold = try CleaningGold(
            parsing: """
                title\tعنوان الخبر الرئيسي في صحيفة اليوم
                drop\t· 12 مشاهدة
                body\tقال المتحدث إن الاجتماع انتهى باتفاق شامل بين الأطراف كلها بعد مفاوضات طويلة جرت في العاصمة.
                drop\tإضافة تعليق
                """)
        var evaluation = CleaningEvaluation()
        try evaluation.add(page: page, gold: gold, name: "hand")
        #expect(evaluation.mustKeep == 2 && evaluation.mustDrop == 2)
        #expect(evaluation.kept == 2 && evaluation.dropped == 2)
    }

    @Test("a row without a known label is refused with its row number")
    func malformed() {
        #expect(throws: CleaningGoldError(row: 2, problem: .malformedRow)) {
            try CleaningGold(parsing: "body\tسطر\nkeep\tسطر آخر")
        }
        #expect(throws: CleaningGoldError(row: 1, problem: .malformedRow)) {
            try CleaningGold(parsing: "body سطر بلا فاصل")
        }
    }

    @Test("gold rows must follow the page's lines")
    func mismatch() throws {
        let gold = try CleaningGold(parsing: "body\tسطر أول\nbody\tسطر ثالث")
        var evaluation = CleaningEvaluation()
        #expect(throws: CleaningGoldError(row: 2, problem: .differsFromPage(pageLine: "سطر ثان"))) {
            try evaluation.add(page: "سطر أول\n\nسطر ثان", gold: gold, name: "p")
        }
        #expect(throws: CleaningGoldError(row: 1, problem: .pageLineNotLabelled(pageLine: "سطر ثان"))) {
            try evaluation.add(page: "سطر أول\nسطر ثان", gold: try CleaningGold(parsing: "body\tسطر أول"), name: "p")
        }
        #expect(throws: CleaningGoldError(row: 2, problem: .missingFromPage)) {
            try evaluation.add(page: "سطر أول", gold: gold, name: "p")
        }
    }
}
