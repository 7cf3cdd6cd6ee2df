import ArticleCodec
import ArticleModel
import Foundation
import SeededRandom
import Testing

/// `ArticleCodec`: round trips through the public encode/decode API. Nested suites in the
/// `ArticleCodecTests+*.swift` files cover the wire format, rejection of bad input and fuzzing.
@Suite("ArticleCodec")
struct ArticleCodecTests {
    @Test("RawArticle with every field round-trips exactly")
    func rawArticleAllFields() throws {
        let article = Fixtures.fullRawArticle
        let decoded = try ArticleCodec.decodeRawArticle(ArticleCodec.encode(article))
        #expect(decoded == article)
        #expect(decoded.publishedAt == Fixtures.publishedAt)
        #expect(decoded.ingestedAt == Fixtures.ingestedAt)
    }

    @Test("RawArticle with only required fields keeps its optionals nil")
    func rawArticleRequiredFieldsOnly() throws {
        let article = Fixtures.minimalRawArticle
        let decoded = try ArticleCodec.decodeRawArticle(ArticleCodec.encode(article))
        #expect(decoded == article)
        #expect(decoded.url == nil)
        #expect(decoded.source == nil)
        #expect(decoded.title == nil)
        #expect(decoded.publishedAt == nil)
        #expect(decoded.language == "ar")
    }

    @Test("Empty optional strings stay present and empty, not nil")
    func emptyOptionalStrings() throws {
        var article = Fixtures.minimalRawArticle
        article.url = ""
        article.source = ""
        article.title = ""
        article.language = ""
        let decoded = try ArticleCodec.decodeRawArticle(ArticleCodec.encode(article))
        #expect(decoded == article)
        #expect(decoded.title == "")
    }

    @Test("Arabic text with diacritics, emoji and directional marks survives scalar for scalar")
    func arabicText() throws {
        let article = Fixtures.fullRawArticle
        let decoded = try ArticleCodec.decodeRawArticle(ArticleCodec.encode(article))
        // String == compares canonical equivalence; the scalars must be identical, not just
        // equivalent, because mention offsets count them.
        #expect(Array(decoded.body.unicodeScalars) == Array(article.body.unicodeScalars))
        #expect(Array(decoded.title!.unicodeScalars) == Array(article.title!.unicodeScalars))
        #expect(decoded.body.unicodeScalars.contains("\u{200F}"))
        #expect(decoded.body.unicodeScalars.contains("\u{2067}"))
        #expect(decoded.body.contains("👨‍👩‍👧"))
    }

    @Test(
        "Dates keep sub-second precision",
        arguments: [
            1_748_427_330.123_456_7, 0.5, -1.25, 1_000_000_000.000_001, 4_102_444_800.999_999,
            -62_135_596_800.0, 253_402_300_799.0,
        ]
    )
    func datePrecision(secondsSince1970: Double) throws {
        var article = Fixtures.minimalRawArticle
        article.publishedAt = Date(timeIntervalSince1970: secondsSince1970)
        article.ingestedAt = Date(timeIntervalSince1970: secondsSince1970)
        let decoded = try ArticleCodec.decodeRawArticle(ArticleCodec.encode(article))
        #expect(decoded.publishedAt == article.publishedAt)
        #expect(decoded.ingestedAt == article.ingestedAt)
    }

    /// The wire holds nanoseconds. A `Date` is a `Double` of seconds since 2001-01-01, finer than
    /// a nanosecond only within 2^23 s (97 days) of that instant: outside, dates come back bit for
    /// bit; inside, within a nanosecond.
    @Test("Random dates round-trip bit for bit, or within 1 ns close to 2001-01-01")
    func randomDates() throws {
        var generator = SplitMix64(seed: 20_250_528)
        let exactBeyond = Double(1 << 23)
        for _ in 0..<2_000 {
            var article = Fixtures.minimalRawArticle
            // 1990 … 2100 with a random fraction, and half of them within 2^24 s of 2001-01-01.
            let sinceReferenceDate =
                Bool.random(using: &generator)
                ? Double.random(in: -346_000_000...3_124_000_000, using: &generator)
                : Double.random(in: -2 * exactBeyond...2 * exactBeyond, using: &generator)
            article.ingestedAt = Date(timeIntervalSinceReferenceDate: sinceReferenceDate)
            let decoded = try ArticleCodec.decodeRawArticle(ArticleCodec.encode(article)).ingestedAt
            if abs(sinceReferenceDate) >= exactBeyond {
                #expect(decoded == article.ingestedAt, "\(sinceReferenceDate)")
            } else {
                let error = abs(decoded.timeIntervalSinceReferenceDate - sinceReferenceDate)
                #expect(error < 1e-9, "\(sinceReferenceDate)")
            }
        }
    }

    @Test("EnrichedArticle with entities, mentions and values round-trips exactly")
    func enrichedArticle() throws {
        let article = Fixtures.enrichedArticle
        let decoded = try ArticleCodec.decodeEnrichedArticle(ArticleCodec.encode(article))
        #expect(decoded == article)
        let scalars = Array(decoded.body.unicodeScalars)
        for entity in decoded.entities {
            for mention in entity.mentions {
                #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
            }
        }
    }

    @Test("EnrichedArticle with only required fields keeps its optionals nil")
    func enrichedArticleRequiredFieldsOnly() throws {
        let article = EnrichedArticle(
            articleID: "a1",
            title: "",
            body: "",
            entities: [],
            enrichmentVersion: "v1",
            enrichedAt: Fixtures.enrichedAt
        )
        let decoded = try ArticleCodec.decodeEnrichedArticle(ArticleCodec.encode(article))
        #expect(decoded == article)
        #expect(decoded.url == nil && decoded.source == nil && decoded.publishedAt == nil)
    }

    @Test("A large article round-trips")
    func largeArticle() throws {
        var article = Fixtures.fullRawArticle
        article.body = String(repeating: Fixtures.arabicBody + "\n", count: 10_000)  // about 4 MB of UTF-8
        let bytes = try ArticleCodec.encode(article)
        #expect(bytes.count > 4_000_000)
        #expect(try ArticleCodec.decodeRawArticle(bytes) == article)
    }
}
