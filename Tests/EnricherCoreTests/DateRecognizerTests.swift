import ArticleModel
import Foundation
import Testing

@testable import EntityTagging

/// The forms of dates the tagger reads, on sentences written for them. Articles here have no
/// publication date, so a day without a year keeps its year unknown.
@Suite("DateRecognizer")
struct DateRecognizerTests {
    let enricher: ArticleEnricher

    init() throws {
        enricher = try ArticleEnricher()
    }

    /// Expects `text` to hold one date, written as `mention`, of value `value`.
    func expectOneDate(in text: String, mention: String, value: String) throws {
        let found = try dates(text)
        #expect(found.map(\.value) == [value])
        #expect(found.first?.mentions.map(\.text) == [mention])
    }

    /// The text's dates, tagged as a clean line without a publication date.
    func dates(_ text: String, publishedAt: Date? = nil) throws -> [Entity] {
        try enricher.tag(cleanLines: text, publishedAt: publishedAt).filter { $0.type == .date }
    }

    @Test(
        "day, month and year in every month family",
        arguments: [
            ("افتتح المعرض يوم 15 شتنبر 2024 بالمدينة.", "2024-09-15"),
            ("افتتح المعرض يوم 15 سبتمبر 2024 بالمدينة.", "2024-09-15"),
            ("افتتح المعرض يوم 15 أيلول 2024 بالمدينة.", "2024-09-15"),
            ("انعقدت الجلسة في 5 تشرين الأول 2021 بحضور النواب.", "2021-10-05"),
            ("صدر القرار في 9 ماي 2023 بعد نقاش طويل.", "2023-05-09"),
        ]
    )
    func dayMonthYear(text: String, value: String) throws {
        #expect(try dates(text).map(\.value) == [value])
    }

    @Test(
        "day and month without a year and nothing to settle it keep the year unknown",
        arguments: [
            ("افتتح المعرض في 3 يوليوز وسط إقبال كبير.", "--07-03"),
            ("تنطلق العطلة في 20 غشت حسب البلاغ.", "--08-20"),
            ("وصلت البعثة في 2 نونبر إلى المدينة.", "--11-02"),
            ("يختتم الموسم في 31 دجنبر كما جرت العادة.", "--12-31"),
            ("عاد الفريق في 12 كانون الثاني من جولته.", "--01-12"),
            ("تبدأ الامتحانات في 7 يونيو المقبل.", "--06-07"),
            ("ولد الطفل في 29 فبراير حسب السجل.", "--02-29"),
        ]
    )
    func dayMonth(text: String, value: String) throws {
        #expect(try dates(text).map(\.value) == [value])
    }

    @Test(
        "ranges are one mention, with or without their year",
        arguments: [
            ("تحتضن المدينة الملتقى بين 27 و29 ماي الجاري.", "بين 27 و29 ماي", "--05-27/--05-29"),
            ("يقام المهرجان من 6 إلى 8 ماي المقبل.", "من 6 إلى 8 ماي", "--05-06/--05-08"),
            ("زار الوفد البلد يومي 13 و14 يونيو 2022 للتشاور.", "يومي 13 و14 يونيو 2022", "2022-06-13/2022-06-14"),
            ("تمتد العطلة من 28 دجنبر إلى 3 يناير كل سنة.", "من 28 دجنبر إلى 3 يناير", "--12-28/--01-03"),
            ("تمتد العطلة من 28 دجنبر 2023 إلى 3 يناير.", "من 28 دجنبر 2023 إلى 3 يناير", "2023-12-28/2024-01-03"),
        ]
    )
    func ranges(text: String, mention: String, value: String) throws {
        try expectOneDate(in: text, mention: mention, value: value)
    }

    @Test(
        "days written in digits, day first or year first",
        arguments: [
            "صدر المرسوم بتاريخ 15/09/2022 في الجريدة الرسمية.",
            "صدر المرسوم بتاريخ 2022-09-15 في الجريدة الرسمية.",
            "صدر المرسوم بتاريخ 15-9-2022 في الجريدة الرسمية.",
            "صدر المرسوم بتاريخ 15.09.2022 في الجريدة الرسمية.",
        ]
    )
    func digits(text: String) throws {
        let found = try dates(text)
        #expect(found.map(\.value) == ["2022-09-15"])
        #expect(found.first?.mentions.count == 1)
    }

    @Test("numbers that cannot be days are not dates")
    func notDigitDates() throws {
        #expect(try dates("بلغت النسبة 31/02/2022 حسب جدول خاطئ، والرمز 2022-13-01 ليس يوما.").isEmpty)
        #expect(try dates("نجح 15 / 9 / 2022 متسابقا.").isEmpty)
    }

    @Test("a weekday written with the day is part of the mention; a bare weekday is no date")
    func weekdayMention() throws {
        let found = try dates("استقبل الوزير صباح الخميس 15 شتنبر 2022 ضيفه، ثم سافر يوم الأحد.")
        #expect(found.map(\.value) == ["2022-09-15"])
        #expect(found.first?.mentions.map(\.text) == ["صباح الخميس 15 شتنبر 2022"])
        let withComma = try dates("انطلقت الدورة يوم الإثنين، 6 ماي بالعاصمة.")
        #expect(withComma.first?.mentions.map(\.text) == ["يوم الإثنين، 6 ماي"])
    }

    @Test("Hijri days are Gregorian days once their year is known; without one they have no value")
    func hijri() throws {
        #expect(try dates("بدأ الصيام يوم 1 رمضان 1446 هـ في أغلب البلدان.").map(\.value) == ["2025-03-01"])
        #expect(try dates("حل العيد في 10 ذو الحجة هذه السنة.").isEmpty)
        let stated = try dates("بدأ الصيام يوم 1 رمضان 1446 هـ، وحل العيد في 1 شوال.")
        #expect(stated.map(\.value) == ["2025-03-01", "2025-03-30"])
    }

    @Test(
        "numbers in parentheses and a comma before the year",
        arguments: [
            (
                "تنعقد الدورة يومي (3) و (4) مارس (2021) بالعاصمة.", "يومي (3) و (4) مارس (2021)",
                "2021-03-03/2021-03-04"
            ),
            ("الخميس, 11 مارس, 2021", "الخميس, 11 مارس, 2021", "2021-03-11"),
            ("وقع الاتفاق في 8 يناير، 2019 بعد مفاوضات.", "8 يناير، 2019", "2019-01-08"),
        ]
    )
    func marksInDates(text: String, mention: String, value: String) throws {
        try expectOneDate(in: text, mention: mention, value: value)
    }

    @Test("a month after شهر is a date: of the year the text states, else of an unknown year")
    func monthAlone() throws {
        let stated = try dates("صدر القانون سنة 2021، ودخل حيز التنفيذ في شهر يوليوز الموالي.")
        #expect(stated.map(\.value) == ["2021", "2021-07"])
        #expect(stated.last?.mentions.map(\.text) == ["شهر يوليوز"])
        #expect(try dates("تنطلق الحملة خلال شهر أكتوبر.").map(\.value) == ["--10"])
        #expect(try dates("زارنا أصدقاء في أكتوبر.").isEmpty)
    }

    @Test(
        "decades, with their century or without, as TIMEX3 writes them",
        arguments: [
            ("عرفت البلاد جفافا قاسيا في ثمانينات القرن الماضي.", "ثمانينات القرن الماضي", "198"),
            ("ازدهرت الصناعة في الستينيات قبل أن تتراجع.", "الستينيات", "196"),
            ("شيد الجسر في سبعينيات القرن التاسع عشر.", "سبعينيات القرن التاسع عشر", "187"),
            ("انتشرت الإذاعة في عشرينات القرن العشرين.", "عشرينات القرن العشرين", "192"),
        ]
    )
    func decades(text: String, mention: String, value: String) throws {
        try expectOneDate(in: text, mention: mention, value: value)
    }

    @Test("an age in decades, and العشرينات without a century, are not dates")
    func notDecades() throws {
        #expect(try dates("توفي الكاتب وهو في الأربعينات من عمره.").isEmpty)
        #expect(try dates("عاش الفنان العشرينات متنقلا بين المدن.").isEmpty)
    }

    @Test(
        "a month named in two families is one date, its year read after both names",
        arguments: [
            ("وصل الوفد إلى المدينة في 14 آب (أغسطس) 2024 مساء.", "14 آب (أغسطس) 2024", "2024-08-14"),
            ("تجري الانتخابات في 12 تشرين الأول/أكتوبر 2025 كما أعلن.", "12 تشرين الأول/أكتوبر 2025", "2025-10-12"),
            ("افتتح المعرض يوم 23 يوليو/تموز 2024 بحضور الوزير.", "23 يوليو/تموز 2024", "2024-07-23"),
            ("ولد الشاعر في 3 كانون الثاني (يناير) 1990 بقرية صغيرة.", "3 كانون الثاني (يناير) 1990", "1990-01-03"),
            ("انتهت المهلة في شباط (فبراير) 2023 دون اتفاق.", "شباط (فبراير) 2023", "2023-02"),
        ]
    )
    func twoMonthNames(text: String, mention: String, value: String) throws {
        try expectOneDate(in: text, mention: mention, value: value)
    }

    @Test("two names of different months are not one month")
    func differentMonthNames() throws {
        let found = try dates("تمتد الدورة من آذار (مايو) 2024 حسب نص فيه خطأ.")
        #expect(found.map { $0.mentions.map(\.text) } != [["آذار (مايو) 2024"]])
    }

    @Test(
        "days written as ordinals before من and the month",
        arguments: [
            ("تغيرت المنطقة كثيرا منذ السابع من أكتوبر 2023 حسب المراقبين.", "السابع من أكتوبر 2023", "2023-10-07"),
            ("ما زال العالم يذكر هجمات الحادي عشر من سبتمبر 2001 جيدا.", "الحادي عشر من سبتمبر 2001", "2001-09-11"),
            (
                "احتفلت العائلة في الخامس والعشرين من ديسمبر 2022 بالعيد.", "الخامس والعشرين من ديسمبر 2022",
                "2022-12-25"
            ),
            (
                "انتهت السنة المالية في الواحد والثلاثين من مارس 2024 بعجز.", "الواحد والثلاثين من مارس 2024",
                "2024-03-31"
            ),
            ("صدر القرار يوم الخميس الثاني من مايو 2019 بعد نقاش.", "يوم الخميس الثاني من مايو 2019", "2019-05-02"),
            ("يدخل القانون حيز التنفيذ في الأول من يناير المقبل.", "الأول من يناير", "--01-01"),
        ]
    )
    func ordinalDays(text: String, mention: String, value: String) throws {
        try expectOneDate(in: text, mention: mention, value: value)
    }

    @Test("an ordinal after a definite noun, or without its month, is no day")
    func notOrdinalDays() throws {
        #expect(try dates("سجلت المبيعات ارتفاعا في الأسبوع الأول من يناير حسب التقرير.").isEmpty)
        #expect(try dates("حل الفريق في المركز الثالث من أصل عشرين فريقا.").isEmpty)
        #expect(try dates("الحادي من الشهر لا يعني شيئا هنا.").isEmpty)
    }

    @Test(
        "a span of years is one date",
        arguments: [
            ("تغطي الخطة الفترة من 2025 إلى 2030 في كل الجهات.", "من 2025 إلى 2030", "2025/2030"),
            ("تضاعف عدد الطلاب ما بين 2010 و2015 بشكل لافت.", "ما بين 2010 و2015", "2010/2015"),
            ("تراجع إنتاج القمح بين 2016 و2019 بنسبة الربع.", "بين 2016 و2019", "2016/2019"),
            ("تراجع إنتاج القمح بين عامي 2016 و2019 في السهول.", "بين عامي 2016 و2019", "2016/2019"),
            ("ارتفعت الإيجارات خلال عامي 2021 و2022 في المدن الكبرى.", "عامي 2021 و2022", "2021/2022"),
        ]
    )
    func yearSpans(text: String, mention: String, value: String) throws {
        try expectOneDate(in: text, mention: mention, value: value)
    }

    @Test("two numbers that count something are no span of years")
    func countsAreNoYears() throws {
        #expect(try dates("ارتفع عدد المشاركين من 1950 إلى 2000 مشارك هذا الموسم.").isEmpty)
        #expect(try dates("وتراوحت الأسعار بين 1200 و1900 درهم للمتر.").isEmpty)
    }

    @Test("the dual names two years, a span only when they follow each other")
    func yearPairs() throws {
        let values = try dates("وأجريت الانتخابات في عامي 2014 و2019 في موعدها.").compactMap(\.value)
        #expect(!values.contains("2014/2019"), "\(values)")
    }
}
