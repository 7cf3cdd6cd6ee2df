import FixtureFiles
import Testing

@testable import ArabicText

/// The day a page gives for itself, as ``PageCleaner`` reads it into ``CleanedPage/pageDate``.
@Suite("Page date")
struct PageDateTests {
    let cleaner = PageCleaner()

    /// A body long enough to be the article, around `header` lines before it and `footer` after.
    func page(header: [String] = [], opening: String = "", footer: [String] = []) -> String {
        let body = [
            opening
                + "افتتحت البلدية صباح اليوم مكتبة جديدة في وسط المدينة تضم آلاف الكتب وقاعة للمطالعة مفتوحة للتلاميذ والطلبة طيلة أيام الأسبوع.",
            "وقال رئيس المجلس إن المشروع استغرق سنتين من العمل وإن مكتبات أخرى ستفتح في الأحياء البعيدة عن المركز قريبا.",
        ]
        return (header + body + footer).joined(separator: "\n")
    }

    func pageDate(_ text: String) -> String? {
        cleaner.clean(text).pageDate?.iso
    }

    @Test(
        "a publication or update line gives the day in words or digits",
        arguments: [
            ("تاريخ النشر: 12 ماي 2024", "2024-05-12"),
            ("آخر تحديث: الثلاثاء 3 شتنبر 2024 - 10:15", "2024-09-03"),
            ("نشر في 2023-11-30 على الساعة 09:00", "2023-11-30"),
            ("آخر تحديث 07/01/2022", "2022-01-07"),
            ("تاريخ النشر 7.1.2022", "2022-01-07"),
            ("بقلم: سعاد العلوي | آخر تحديث: 5 تشرين الأول 2021", "2021-10-05"),
        ]
    )
    func labelledLine(line: String, iso: String) {
        #expect(pageDate(page(header: ["مكتبة جديدة في المدينة", line])) == iso)
        #expect(pageDate(page(footer: [line])) == iso)
    }

    @Test("a publication line wins over an update line")
    func publicationFirst() {
        let text = page(header: ["آخر تحديث: 20 يونيو 2024", "تاريخ النشر: 18 يونيو 2024"])
        #expect(pageDate(text) == "2024-06-18")
    }

    @Test(
        "a picture named after its day dates the page",
        arguments: ["IMG 20240612 WA0031", "IMG-20240612-WA0031", "IMG_20240612_181500.jpg", "IMG20240612"]
    )
    func imageName(name: String) {
        #expect(pageDate(page(header: ["مكتبة جديدة في المدينة", name])) == "2024-06-12")
    }

    @Test("a picture name with an impossible day is ignored")
    func impossibleImageName() {
        #expect(pageDate(page(header: ["IMG-20241345-WA0031"])) == nil)
    }

    @Test("an agency dateline opening the first paragraph gives the day")
    func paragraphDateline() {
        #expect(pageDate(page(opening: "طنجة في 14 نونبر 2023 (ومع) - ")) == "2023-11-14")
        #expect(pageDate(page(opening: "عمان – 2 أيلول 2020: ")) == "2020-09-02")
    }

    @Test("a date inside the opening sentence is the news, not the page's day")
    func sentenceDateIsNotADateline() {
        #expect(pageDate(page(opening: "أعلنت الوزارة يوم 14 نونبر 2023 أن ")) == nil)
    }

    @Test("a short line before the body holding a date is a dateline")
    func headerDateline() {
        #expect(pageDate(page(header: ["الرباط", "الجمعة 9 فبراير 2024", "مكتبة جديدة في المدينة"])) == "2024-02-09")
    }

    @Test("dates in the other stories after a related-articles heading do not date the page")
    func tailIsIgnored() {
        let text = page(footer: ["اقرأ أيضا", "تاريخ النشر: 1 مارس 2019", "IMG-20190301-WA0001"])
        #expect(pageDate(text) == nil)
    }

    @Test("a page without a day of its own has none, and neither does a year alone")
    func noDate() {
        #expect(pageDate(page()) == nil)
        #expect(pageDate(page(header: ["تقرير سنة 2024"])) == nil)
    }

    @Test("seed 001 is dated by its picture's name; the other seeds give no day")
    func seeds() throws {
        #expect(cleaner.clean(try FixtureFiles.seed("001")).pageDate?.iso == "2025-05-28")
        for seed in ["000", "002", "003", "004"] {
            #expect(cleaner.clean(try FixtureFiles.seed(seed)).pageDate == nil, "seed \(seed)")
        }
    }

    @Test("a page date exists only as a real day of a plausible year")
    func validation() {
        #expect(PageDate(year: 2024, month: 2, day: 29)?.iso == "2024-02-29")
        #expect(PageDate(year: 2023, month: 2, day: 29) == nil)
        #expect(PageDate(year: 1850, month: 1, day: 1) == nil)
        #expect(PageDate(year: 2025, month: 13, day: 1) == nil)
    }
}
