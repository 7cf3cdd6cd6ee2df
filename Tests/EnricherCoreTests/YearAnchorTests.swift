import ArticleModel
import Foundation
import Testing

@testable import EntityTagging

/// Where the year of a date written without one comes from: the publication, the page's own
/// date, the years the text states, a weekday; never the clock.
@Suite("YearAnchor")
struct YearAnchorTests {
    let enricher: ArticleEnricher

    init() throws {
        enricher = try ArticleEnricher()
    }

    /// Noon UTC of a day.
    static func day(_ iso: String) -> Date {
        (try? Date("\(iso)T12:00:00Z", strategy: .iso8601)) ?? .distantPast
    }

    func values(_ text: String, publishedAt: Date? = nil) throws -> [String?] {
        try enricher.tag(text: text, publishedAt: publishedAt).filter { $0.type == .date }.map(\.value)
    }

    /// Two sentences long enough to be an article's body around `sentence`.
    func body(_ sentence: String) -> String {
        "افتتحت البلدية مكتبة جديدة في وسط المدينة تضم آلاف الكتب وقاعة واسعة للمطالعة مفتوحة للتلاميذ والطلبة.\n"
            + sentence + "\n"
    }

    @Test("the publication date gives the year")
    func publication() throws {
        let text = body("وقال رئيس المجلس إن مكتبة ثانية ستفتح أبوابها في 15 ماي أمام القراء.")
        #expect(try values(text, publishedAt: Self.day("2024-03-10")) == ["2024-05-15"])
    }

    @Test("without a publication date, the page's own date gives the year")
    func pageDate() throws {
        let sentence = "وقال رئيس المجلس إن مكتبة ثانية ستفتح أبوابها في 15 ماي أمام القراء."
        #expect(try values("تاريخ النشر: 2 مارس 2023\n" + body(sentence)) == ["2023-05-15"])
        #expect(try values("IMG-20210402-WA0007\n" + body(sentence)) == ["2021-05-15"])
        let raw = RawArticle(
            id: "p1", body: "IMG-20210402-WA0007\n" + body(sentence), ingestedAt: Self.day("2026-01-20"))
        let enriched = try enricher.enrich(raw, now: Self.day("2026-01-20"))
        #expect(enriched.entities.filter { $0.type == .date }.map(\.value) == ["2021-05-15"])
    }

    @Test("a publication date wins over the page's own date")
    func publicationFirst() throws {
        let text = "تاريخ النشر: 2 مارس 2023\n" + body("وستفتح مكتبة ثانية في 15 ماي أمام القراء والباحثين.")
        #expect(try values(text, publishedAt: Self.day("2024-03-10")).contains("2024-05-15"))
    }

    @Test("without any date of the article, the year the text states most often gives it")
    func statedYear() throws {
        let text = body(
            "وانطلقت الأشغال في 3 مارس 2019 وتوقفت في 9 أبريل 2020، ثم استؤنفت في 4 يونيو 2019 وانتهت في 20 شتنبر.")
        #expect(try values(text).last == "2019-09-20")
    }

    @Test("among years stated as often, the nearest gives it")
    func nearestStatedYear() throws {
        let text = body("وانطلقت الأشغال في 3 مارس 2018، وفي 9 أبريل 2020 توقفت، ثم انتهت في 20 شتنبر.")
        #expect(try values(text).last == "2020-09-20")
    }

    @Test("a since-year is not a year the article's days fall in")
    func sinceYear() throws {
        #expect(try values(body("وتعمل الجمعية منذ 2010، وستنظم معرضا في 20 شتنبر.")) == ["2010", "--09-20"])
    }

    @Test("a weekday picks the year in which the day falls on it, near the publication")
    func weekdayNearPublication() throws {
        let text = body("واستقبل الوزير صباح الخميس 15 شتنبر وفدا من الباحثين.")
        #expect(try values(text, publishedAt: Self.day("2025-05-28")) == ["2022-09-15"])
        // In the publication's own year when it fits.
        #expect(try values(text, publishedAt: Self.day("2022-10-01")) == ["2022-09-15"])
    }

    @Test("a weekday picks among the years the text states, before the nearest")
    func weekdayAmongStatedYears() throws {
        let text = body("وزار الوفد المدينة في 2 مارس 2022 ثم في 10 يونيو 2021، وعاد إليها الخميس 15 شتنبر.")
        #expect(try values(text).last == "2022-09-15")
    }

    @Test("a weekday that fits no stated year, and no date of the article, leave the year unknown")
    func weekdayWithoutCandidates() throws {
        #expect(try values(body("وعاد الوفد في 2 مارس 2023، ثم الخميس 15 شتنبر.")).last == "--09-15")
        #expect(try values(body("وعاد الوفد إلى المدينة الخميس 15 شتنبر.")) == ["--09-15"])
    }

    @Test("an article with no date and no year never takes the clock's year")
    func noClock() throws {
        let raw = RawArticle(
            id: "n1", body: body("وعقد الاجتماع يوم 15 ماي بين 27 و29 ماي في الرباط."),
            ingestedAt: Self.day("2026-07-02"))
        let article = try enricher.enrich(raw, now: Self.day("2026-07-02"))
        let dates = article.entities.filter { $0.type == .date }
        #expect(dates.map(\.value) == ["--05-15", "--05-27/--05-29"])
        #expect(dates.map(\.id) == ["DATE:--05-15", "DATE:--05-27/--05-29"])
    }
}
