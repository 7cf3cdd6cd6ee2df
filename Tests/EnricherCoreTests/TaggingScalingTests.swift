import ArticleModel
import Foundation
import Testing

@testable import EntityTagging

/// Tagging time grows linearly with the text: texts built to stress each step that used to be
/// quadratic (overlap resolution, linking, bare years, Latin names, title search) are tagged at
/// one size and at four times it.
///
/// Times are compared, not asserted: the larger text must take less than ``maximumRatio`` times
/// as long, where linear work takes about 4 times and the quadratic steps took 16 or more.
@Suite("Tagging scales linearly and refuses texts over the limit", .serialized)
struct TaggingScalingTests {
    let enricher: ArticleEnricher

    /// Linear work gives about 4; quadratic work 16.
    static let maximumRatio = 10.0

    init() throws {
        enricher = try ArticleEnricher()
    }

    /// Texts that stress one step each, made of `count` repetitions of a unit.
    enum Shape: String, CaseIterable, CustomTestStringConvertible {
        /// One paragraph that names one place again and again: many overlapping candidates.
        case repeatedPlace
        /// One paragraph of people with made-up names after a title: many distinct entities.
        case distinctPeople
        /// One paragraph of dates and bare years.
        case dates
        /// Days without a year among dates that state one: each year-less day ranks the stated years.
        case yearlessDates
        /// One run of capitalized Latin words before a title.
        case latinRun
        /// Many short lines, each a possible title, and no body.
        case shortLines

        var testDescription: String { rawValue }

        /// The size of the smaller text, in units.
        var count: Int {
            switch self {
            case .repeatedPlace, .latinRun: 1_500
            case .distinctPeople, .dates, .yearlessDates, .shortLines: 750
            }
        }

        func text(_ count: Int) -> String {
            switch self {
            case .repeatedPlace:
                return String(repeating: "زار الوفد مدينة الرباط ثم ", count: count) + "عاد."
            case .distinctPeople:
                return (0..<count).map { "صرح الوزير " + Self.madeUpName($0) + " بأن " }.joined() + "الأمر انتهى."
            case .dates:
                return String(repeating: "منذ 2012 وحتى 3 مارس 2021 ", count: count) + "تغير الكثير."
            case .yearlessDates:
                return (0..<count).map { "في 15 ماي \(1900 + $0 % 120) ثم في 16 يونيو " }.joined() + "انتهى."
            case .latinRun:
                return String(repeating: "Alpha Beta ", count: count) + "الوزير"
            case .shortLines:
                return (0..<count).map { "تقرير عن " + Self.madeUpName($0) + " في المدينة\n" }.joined()
            }
        }

        /// Two words of letters spelled from `number`, different for every number.
        static func madeUpName(_ number: Int) -> String {
            let letters = Array("بتثجحخدذرزسشصضطظعغفقكمنهي")
            func word(_ value: Int, _ length: Int) -> String {
                var value = value
                return String(
                    (0..<length).map { _ in
                        defer { value /= letters.count }
                        return letters[value % letters.count]
                    })
            }
            return word(number, 4) + " " + word(number * 7 + 3, 5)
        }
    }

    /// The fastest of three taggings of `text`, in seconds.
    func seconds(_ text: String) throws -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = ContinuousClock.now
            _ = try enricher.tag(text: text, publishedAt: Fixtures.publishedAt)
            let elapsed = start.duration(to: .now)
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return best
    }

    @Test("four times the text takes far less than sixteen times the time", .serialized, arguments: Shape.allCases)
    func linear(_ shape: Shape) throws {
        let small = try seconds(shape.text(shape.count))
        let large = try seconds(shape.text(4 * shape.count))
        #expect(
            large / small < Self.maximumRatio,
            "\(shape.rawValue): \(shape.count) units in \(small) s, \(4 * shape.count) in \(large) s")
    }

    /// A one-line article of `sentences` sentences, long enough to be kept as the body.
    func article(sentences: Int) -> RawArticle {
        let body = String(repeating: "زار الوفد مدينة الرباط ثم عاد إلى بلده بعد أيام من اللقاءات. ", count: sentences)
        return RawArticle(
            id: "long", url: "https://example.com/long", title: nil, body: body, publishedAt: Fixtures.publishedAt,
            ingestedAt: Fixtures.publishedAt)
    }

    @Test("an article whose cleaned body is over the limit is refused with ArticleTooLargeError")
    func enrichRefusesLongArticle() throws {
        let tagged = try enricher.enrich(article(sentences: 20), now: Fixtures.publishedAt)
        let length = tagged.body.unicodeScalars.count
        var limited = enricher
        limited.scalarLimit = length
        #expect(try limited.enrich(article(sentences: 20), now: Fixtures.publishedAt).body == tagged.body)
        limited.scalarLimit = length - 1
        #expect(throws: ArticleTooLargeError(scalars: length, limit: length - 1)) {
            try limited.enrich(article(sentences: 20), now: Fixtures.publishedAt)
        }
    }

    @Test("tag(text:) and tag(cleanLines:) refuse texts over the limit too")
    func tagRefusesLongText() throws {
        var limited = enricher
        limited.scalarLimit = 100
        let line = String(repeating: "زار الوفد مدينة الرباط ثم عاد. ", count: 20)
        #expect(throws: ArticleTooLargeError.self) { try limited.tag(text: line, publishedAt: nil) }
        #expect(throws: ArticleTooLargeError.self) { try limited.tag(cleanLines: line, publishedAt: nil) }
        #expect(try !enricher.tag(text: line, publishedAt: nil).isEmpty)
    }

    @Test("the default limit is a million scalars, line breaks between lines not counted")
    func defaultLimit() throws {
        #expect(ArticleEnricher.maximumScalars == 1_000_000)
        let line = String(repeating: "ا", count: 500_000)
        #expect(throws: ArticleTooLargeError(scalars: 1_000_002, limit: 1_000_000)) {
            try enricher.tag(cleanLines: line + "\n" + line + "\n" + "بب", publishedAt: nil)
        }
    }
}
