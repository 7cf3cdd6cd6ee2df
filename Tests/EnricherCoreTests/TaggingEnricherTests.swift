import ArabicText
import ArticleModel
import FixtureFiles
import Foundation
import StorePort
import Testing

@testable import EntityTagging

@Suite("ArticleEnricher")
struct TaggingEnricherTests {
    let enricher: ArticleEnricher

    init() throws {
        enricher = try ArticleEnricher()
    }

    func raw(_ body: String, title: String? = nil, publishedAt: Date? = Fixtures.publishedAt) -> RawArticle {
        RawArticle(
            id: "a1", url: "https://example.com/a1", title: title, body: body, publishedAt: publishedAt,
            ingestedAt: Fixtures.publishedAt)
    }

    @Test("the enrichment version names the code, the gazetteer data and the trained model")
    func version() throws {
        #expect(enricher.enrichmentVersion.hasPrefix(ArticleEnricher.codeVersion + "+gazetteers."))
        #expect(enricher.enrichmentVersion == (try ArticleEnricher()).enrichmentVersion)
        #expect(enricher.enrichmentVersion.contains("+gazetteers.\(try Gazetteer.bundled().fingerprint)+model."))
        #expect(enricher.enrichmentVersion.hasSuffix(try NERModel.bundled().fingerprint))
    }

    @Test("enrich keeps the cleaned, display-normalized paragraphs and offsets into that body")
    func enrichSeed() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let article = try enricher.enrich(raw(try FixtureFiles.seed("001")), now: now)
        #expect(article.title == "حموشي يشارك في منتدى موسكو لكبار المسؤولين الأمنيين والاستخباراتيين من 100 دولة")
        #expect(article.body.split(separator: "\n").count == 8)
        #expect(article.body.contains("\"FSB\""))
        #expect(!article.body.contains("\u{00A0}"))
        #expect(article.enrichedAt == now)
        #expect(article.enrichmentVersion == enricher.enrichmentVersion)
        let scalars = Array(article.body.unicodeScalars)
        for mention in article.entities.flatMap(\.mentions) {
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
        }
        let tagged = try enricher.tag(text: try FixtureFiles.seed("001"), publishedAt: Fixtures.publishedAt)
        #expect(article.entities.map(\.id) == tagged.map(\.id))
        #expect(article.entities.map { $0.mentions.map(\.text) } == tagged.map { $0.mentions.map(\.text) })
    }

    @Test(
        "the search terms read from the tagger's analysis are those of the stored title and body",
        arguments: ["000", "001", "002", "003", "004"])
    func searchTermsFromTheAnalysis(seed: String) throws {
        let indexed = try enricher.enrichForIndexing(raw(try FixtureFiles.seed(seed)), now: Fixtures.publishedAt)
        let article = indexed.article
        #expect(article == (try enricher.enrich(raw(try FixtureFiles.seed(seed)), now: Fixtures.publishedAt)))
        #expect(indexed.searchTerms == SearchKeys.indexed(article.title + "\n" + article.body))
    }

    @Test("search terms of written text with clitics, Latin, digits and marks match a pass of their own")
    func searchTermsOfWrittenText() throws {
        let body = """
            وقال الرئيسُ للصحفيين في بيروت إن "FSB" والأمم المتحدة ستعقدان لقاءً يوم 12 مايو ٢٠٢٥.
            وبالمقابل، أكّد وزير الخارجية أنّ الاجتماع لن يُعقد قبل الثلاثاء.
            """
        let indexed = try enricher.enrichForIndexing(raw(body, title: "لقاء في بيروت"), now: Fixtures.publishedAt)
        #expect(indexed.searchTerms == SearchKeys.indexed("لقاء في بيروت\n" + indexed.article.body))
        #expect(indexed.searchTerms.split(separator: " ").contains("امم"))
    }

    @Test("a given title wins and its repeats leave the body")
    func givenTitle() throws {
        let body =
            "عنوان الخبر\nزار الوفد فيينا حيث عقد لقاءات مع عدد من المسؤولين في إطار التعاون الثنائي بين البلدين.\n"
        let article = try enricher.enrich(raw(body, title: "عنوان الخبر"), now: Fixtures.publishedAt)
        #expect(article.title == "عنوان الخبر")
        #expect(!article.body.contains("عنوان"))
        #expect(article.entities.map(\.canonical) == ["فيينا"])
    }

    @Test("without a publication date, a day without a year keeps it unknown, not the enrichment time's")
    func undatedArticle() throws {
        let now = Date(timeIntervalSince1970: 1_783_000_000)  // 2026-07-02
        let article = try enricher.enrich(raw("عقد الاجتماع يوم 15 ماي في الرباط.", publishedAt: nil), now: now)
        let date = try #require(article.entities.first { $0.type == .date })
        #expect(date.value == "--05-15")
    }
}
