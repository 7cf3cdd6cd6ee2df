import ArticleModel
import EntityTagging
import FixtureFiles
import TaggerTools
import Testing

@Suite("Article gold evaluation")
struct ArticleEntityEvaluationTests {
    static let gold = """
        {"file":"a.txt","published_at":"2025-05-28","entities":[\
        {"type":"PERSON","canonical":"عبد اللطيف حموشي","surfaces":["عبد اللطيف حموشي","الحموشي"]},\
        {"type":"LOCATION","canonical":"فيينا","surfaces":["فيينا"]},\
        {"type":"DATE","canonical":"بين 27 و29 ماي","surfaces":["بين 27 و29 ماي"],"value":"2025-05-27/2025-05-29"}]}
        """

    static func entity(_ type: EntityType, _ canonical: String, _ surfaces: [String], value: String? = nil) -> Entity {
        Entity(
            id: canonical, type: type, canonical: canonical,
            mentions: surfaces.map { EntityMention(text: $0, start: 0, end: $0.unicodeScalars.count) }, value: value)
    }

    @Test("matches by shared surface, ignoring article and proclitics, and scores per type")
    func matches() throws {
        let articles = try ArticleGold.parse(jsonLines: Self.gold)
        var evaluation = ArticleEntityEvaluation()
        evaluation.add(
            gold: articles[0],
            predicted: [
                Self.entity(.person, "عبد اللطيف حموشي", ["عبد اللطيف حموشي", "حموشي"]),
                Self.entity(.location, "فيينا", ["لفيينا", "فيينا"]),
                Self.entity(.location, "النمسا", ["النمسا"]),
                Self.entity(.date, "بين 27 و29 ماي", ["بين 27 و29 ماي"], value: "2025-05-27/2025-05-29"),
            ])
        #expect(
            evaluation.micro.support == 3 && evaluation.micro.predicted == 4 && evaluation.micro.truePositives == 3)
        #expect(evaluation.counts[.location]?.precision == 0.5)
        #expect(evaluation.multiSurface == 1 && evaluation.coreferent == 1)
        #expect(evaluation.dates == 1 && evaluation.datesRight == 1)
        #expect(evaluation.findings.map(\.kind) == [.spurious])
    }

    @Test("a gold surface with a proclitic glued on, as ANERcorp writes them, matches the mention without it")
    func gluedProclitics() throws {
        let gold = ArticleGold(
            file: "corpus.conll", publishedAt: nil,
            entities: [
                .init(type: .location, canonical: "بتونس", surfaces: ["بتونس", "تونس"]),
                .init(type: .organization, canonical: "لريال مدريد", surfaces: ["لريال مدريد"]),
            ])
        var evaluation = ArticleEntityEvaluation()
        evaluation.add(
            gold: gold,
            predicted: [
                Self.entity(.location, "تونس", ["تونس"]),
                Self.entity(.organization, "ريال مدريد", ["ريال مدريد"]),
            ])
        #expect(evaluation.micro.truePositives == 2 && evaluation.findings.isEmpty)
        // بتونس and تونس are one way of writing Tunis, not two for coreference to join.
        #expect(evaluation.multiSurface == 0)
    }

    @Test("an entity split in two, a missed one and a wrong date value are reported")
    func findings() throws {
        let articles = try ArticleGold.parse(jsonLines: Self.gold)
        var evaluation = ArticleEntityEvaluation()
        evaluation.add(
            gold: articles[0],
            predicted: [
                Self.entity(.person, "عبد اللطيف حموشي", ["عبد اللطيف حموشي"]),
                Self.entity(.person, "الحموشي", ["الحموشي"]),
                Self.entity(.date, "بين 27 و29 ماي", ["بين 27 و29 ماي"], value: "2026-05-27/2026-05-29"),
            ])
        #expect(evaluation.coreferent == 0)
        #expect(evaluation.datesRight == 0)
        let kinds = evaluation.findings.map(\.kind)
        #expect(kinds.contains(.split) && kinds.contains(.missed) && kinds.contains(.wrongValue))
        #expect(kinds.contains(.spurious))
    }

    @Test("a line that is not a gold article is an error naming the line")
    func malformed() {
        #expect(throws: ArticleGoldError.self) { try ArticleGold.parse(jsonLines: "\n{\"file\": 3}") }
        do {
            _ = try ArticleGold.parse(jsonLines: "\n{\"file\": 3}")
        } catch {
            #expect(error.line == 2)
        }
    }

    @Test("the seeds' gold parses: 74 entities, dates with values")
    func seedsGold() throws {
        let articles = try ArticleGold.parse(jsonLines: try FixtureFiles.entityGold())
        #expect(articles.count == 5)
        #expect(articles.map(\.entities.count).reduce(0, +) == 74)
        #expect(articles.flatMap(\.entities).filter { $0.type == .date }.allSatisfy { $0.value != nil })
    }

    @Test("the tagger on the seeds' gold: micro F1 ≥ 0.95, every person and place, whole entities, right dates")
    func taggerOnSeeds() throws {
        let enricher = try ArticleEnricher()
        var evaluation = ArticleEntityEvaluation()
        for article in try ArticleGold.parse(jsonLines: try FixtureFiles.entityGold()) {
            let text = try FixtureFiles.seed(String(article.file.prefix(3)))
            evaluation.add(gold: article, predicted: try enricher.tag(text: text, publishedAt: article.publicationDate))
        }
        let findings = evaluation.findings.map { "\($0.kind.rawValue) \($0.file) \($0.type.rawValue) \($0.text)" }
        #expect(evaluation.micro.f1 >= 0.95, "\(findings)")
        #expect(evaluation.counts[.person]?.recall == 1 && evaluation.counts[.location]?.recall == 1, "\(findings)")
        #expect(evaluation.coreferent == evaluation.multiSurface, "\(findings)")
        #expect(evaluation.datesRight == evaluation.dates, "\(findings)")
    }
}
