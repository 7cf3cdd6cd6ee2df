import FixtureFiles
import Testing

@testable import ArabicText

@Suite("PageCleaner")
struct PageCleanerTests {
    let cleaner = PageCleaner()

    func clean(_ seed: String) throws -> (page: CleanedPage, text: String, body: String) {
        let text = try FixtureFiles.seed(seed)
        let page = cleaner.clean(text)
        return (page, text, page.paragraphs.map(\.text).joined(separator: "\n"))
    }

    @Test("kept paragraphs are exact slices of the page", arguments: ["000", "001", "002", "003", "004"])
    func slices(seed: String) throws {
        let (page, text, _) = try clean(seed)
        let scalars = Array(text.unicodeScalars)
        #expect(!page.paragraphs.isEmpty)
        for paragraph in page.paragraphs {
            #expect(String(String.UnicodeScalarView(scalars[paragraph.range])) == paragraph.text)
        }
    }

    @Test("000: title from the caption that repeats it; counters, caption and category around the body dropped")
    func seed000() throws {
        let (page, _, body) = try clean("000")
        #expect(
            page.title == "المغرب يبحث علاقات التعاون الأمنى الثنائى على هامش اجتماع رؤساء الاستخبارات والأمن فى فيينا")
        for noise in ["مشاهدة", "صورة مميزة", "التعليقات", "تصنيف", "تعرف على المزيد"] {
            #expect(!body.contains(noise), "kept \(noise)")
        }
        // The article's own section labels are its text, the opening one included.
        #expect(page.paragraphs.first?.text == "مقدمة")
        #expect(page.paragraphs.dropFirst().first?.text.hasPrefix("أنهى المدير العام للأمن الوطني المغربي") == true)
        #expect(body.contains("هذه المناقشات تسلط الضوء على ضرورة تعزيز التعاون الأمني لمواجهة هذه التحديات."))
        #expect(body.contains("\nالتعاون الأمني الثنائي\n"))
        #expect(body.hasSuffix("وترك تعليقاتكم وآرائكم حول هذه التطورات."))
    }

    @Test("001: repeated title; category, image name, author, ad label, counters and comment form dropped")
    func seed001() throws {
        let (page, _, body) = try clean("001")
        #expect(page.title == "حموشي يشارك في منتدى موسكو لكبار المسؤولين الأمنيين والاستخباراتيين من 100 دولة")
        #expect(page.paragraphs.count == 8)
        for noise in ["فيسياسة", "IMG", "اوسار", "إعلان", "زيارة ,", "إضافة تعليق", "بريدك"] {
            #expect(!body.contains(noise), "kept \(noise)")
        }
        #expect(body.hasPrefix("يشارك عبد اللطيف حموشي، المدير العام للأمن الوطني"))
        #expect(body.contains("بين 27 و29 ماي الجاري"))
        #expect(body.hasSuffix("ومواجهة التحديات المعقدة في الساحة الدولية."))
    }

    @Test("002: a page that is all article keeps every line")
    func seed002() throws {
        let (page, text, body) = try clean("002")
        #expect(page.title == nil)
        #expect(body == text.split(separator: "\n").joined(separator: "\n"))
    }

    @Test("003: title repeated three times; radio, site name and glued footer words dropped")
    func seed003() throws {
        let (page, _, body) = try clean("003")
        #expect(page.title == "شراكة أمنية مغربية أمريكية لمواجهة الإرهاب")
        #expect(page.paragraphs.count == 8)
        for noise in ["راديو", "تارودانت بريس", "أخبار ساخنة", "شراكة أمنية مغربية أمريكية", "google"] {
            #expect(!body.contains(noise), "kept \(noise)")
        }
        #expect(body.contains("Esperanza Casteleiro Llamazares"))
    }

    @Test("004: byline and source kept as metadata; the related stories after the source are cut")
    func seed004() throws {
        let (page, _, body) = try clean("004")
        #expect(page.title == nil)
        #expect(page.byline == "أخبارنا المغربية - عبد المومن حاج علي")
        #expect(page.source == "أخبارنا")
        #expect(page.paragraphs.count == 7)
        for noise in ["المصدر", "كلمات دلالية", "إقرأ أيضاً", "حجيرة", "مقالات مشابهة", "•"] {
            #expect(!body.contains(noise), "kept \(noise)")
        }
        #expect(body.hasPrefix("أشادت المنظمة الدولية للشرطة الجنائية (الإنتربول)"))
        #expect(body.hasSuffix("وضمان مستقبل أكثر أماناً واستقراراً للجميع."))
    }

    @Test("furniture of other sites is recognised by kind, not by text")
    func otherSite() {
        let page = """
            الرئيسية » أخبار » دولية
            وفد رسمي يزور العاصمة لبحث التعاون الاقتصادي
            منذ 3 ساعات · 1,250 قراءة
            DSC_0042.jpg
            الصورة: أرشيف
            وفد رسمي يزور العاصمة لبحث التعاون الاقتصادي
            قام وفد رسمي رفيع المستوى بزيارة عمل إلى العاصمة، حيث أجرى مباحثات مع عدد من المسؤولين حول سبل تطوير التعاون الاقتصادي والتجاري بين البلدين.
            محاور الزيارة
            وشملت المباحثات ملفات الاستثمار والطاقة والنقل، إضافة إلى التعاون في مجال التكوين المهني وتبادل الخبرات بين المؤسسات.
            وسيعود الوفد الأسبوع المقبل.
            شارك المقال
            اترك تعليقاً
            مواضيع ذات صلة
            وفد آخر يزور مدينة أخرى لبحث قضايا مختلفة تماما عن هذه الزيارة وما يرتبط بها من ملفات متعددة ومتشعبة.
            """
        let cleaned = cleaner.clean(page)
        #expect(cleaned.title == "وفد رسمي يزور العاصمة لبحث التعاون الاقتصادي")
        let openings = ["قام وفد رسمي", "محاور الزيارة", "وشملت المباحثات", "وسيعود الوفد"]
        #expect(cleaned.paragraphs.count == openings.count)
        for (paragraph, opening) in zip(cleaned.paragraphs, openings) {
            #expect(paragraph.text.hasPrefix(opening))
        }
    }

    @Test("credit lines are kept for tagging apart from the body, in page order with it")
    func creditLines() {
        let page = """
            بقلم: سلمى الوردي
            كتب: أنور الشامي
            عاد الهدوء إلى شوارع المدينة بعد أسبوع من الاحتجاجات المتواصلة.
            وفتحت المحلات أبوابها من جديد صباح اليوم.
            تصوير: نادية الفاسي
            رئيس التحرير: هشام القادري
            رئيس التحرير
            """
        let cleaned = cleaner.clean(page)
        #expect(cleaned.byline == "بقلم: سلمى الوردي")
        #expect(
            cleaned.paragraphs.map(\.text) == [
                "عاد الهدوء إلى شوارع المدينة بعد أسبوع من الاحتجاجات المتواصلة.",
                "وفتحت المحلات أبوابها من جديد صباح اليوم.",
            ])
        // A role without a name after it credits no one.
        #expect(
            cleaned.creditParagraphs.map(\.text) == [
                "كتب: أنور الشامي", "تصوير: نادية الفاسي", "رئيس التحرير: هشام القادري",
            ])
        #expect(cleaned.paragraphsWithCredits.map(\.text.first) == ["ب", "ك", "ع", "و", "ت", "ر"])
    }

    @Test(
        "a short text without page furniture is kept whole",
        arguments: ["زار حموشي فيينا", "زار حموشي فيينا وموسكو والرباط يوم الأحد"])
    func shortText(text: String) {
        let cleaned = cleaner.clean(text)
        #expect(cleaned.paragraphs.map(\.text) == [text])
        #expect(cleaned.title == nil)
    }

    @Test("a known title removes its repeats from the body")
    func knownTitle() {
        let title = "عنوان المقال كما وصل من المصدر"
        let text = "\(title)\nجملة أولى من المقال تكفي لتكون فقرة كاملة من فقرات هذا النص الطويل نسبيا.\n\(title)"
        let cleaned = cleaner.clean(text, knownTitle: title)
        #expect(cleaned.title == title)
        #expect(cleaned.paragraphs.count == 1)
    }
}
