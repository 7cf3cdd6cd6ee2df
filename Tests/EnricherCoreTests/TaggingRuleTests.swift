import ArticleModel
import Foundation
import Testing

@testable import EntityTagging

/// The tagging rules on sentences written for them, away from the seeds.
@Suite("Tagging rules")
struct TaggingRuleTests {
    let enricher: ArticleEnricher

    init() throws {
        enricher = try ArticleEnricher()
    }

    /// The text's entities; none, with an issue recorded, if the enricher refuses it.
    func tag(_ text: String, publishedAt: Date? = Fixtures.publishedAt) -> [Entity] {
        do {
            return try enricher.tag(text: text, publishedAt: publishedAt)
        } catch {
            Issue.record(error)
            return []
        }
    }

    func entity(_ entities: [Entity], _ type: EntityType, _ canonical: String) -> Entity? {
        entities.first { $0.type == type && $0.canonical == canonical }
    }

    @Test("a person after a title and apposition, then by surname alone, is one entity")
    func titleAndCoreference() throws {
        let entities = tag(
            "أعلن المدير العام للوكالة الوطنية للموانئ، عبد الكريم بنعلي، عن مشروع جديد. وقال بنعلي إن الأشغال ستبدأ قريبا، وأكد لبنعلي الوزير دعمه."
        )
        let person = try #require(entity(entities, .person, "عبد الكريم بنعلي"))
        #expect(person.mentions.map(\.text) == ["عبد الكريم بنعلي", "بنعلي", "بنعلي"])
        #expect(person.id == "PERSON:عبد كريم بنعلي")
    }

    @Test("ل before ال: the mention keeps the article's ل, the canonical writes ال out")
    func contractedArticleSpans() throws {
        let entities = tag(
            "وبعث الوفد رسالة للأمم المتحدة، ثم سلم نسخة منها للسعودية. وشارك في أشغال للجمعية العامة للمنظمة البحرية.")
        let nations = try #require(entity(entities, .organization, "الأمم المتحدة"))
        #expect(nations.mentions.map(\.text) == ["لأمم المتحدة"])
        let saudi = try #require(entity(entities, .location, "السعودية"))
        #expect(saudi.mentions.map(\.text) == ["لسعودية"])
        #expect(!entities.contains { $0.canonical.hasPrefix("أمم") || $0.canonical.hasPrefix("لجمعية") })
    }

    @Test(
        "a venue named after a person, a place or a title and name is one location, its adjective included",
        arguments: [
            ("حطت الطائرة في مطار الحسن الأول الدولي مساء أمس.", "مطار الحسن الأول الدولي"),
            ("جرت المباراة على ملعب طنجة الكبير وسط حضور كثيف.", "ملعب طنجة الكبير"),
            ("استقبل الرئيس ضيوفه في قصر قرطاج صباح اليوم.", "قصر قرطاج"),
            ("أدى المصلون صلاة الجمعة في مسجد الملك فيصل بالمدينة.", "مسجد الملك فيصل"),
            ("فاز الفريق على ملعب رادس بهدف نظيف.", "ملعب رادس"),
            ("هبطت الطائرة في مطار هيثرو بعد تأخر طويل.", "مطار هيثرو"),
        ]
    )
    func venues(text: String, venue: String) throws {
        let entities = tag(text)
        let location = try #require(entity(entities, .location, venue), "\(entities.map(\.canonical))")
        #expect(location.mentions.map(\.text) == [venue])
        #expect(!entities.contains { $0.type == .person }, "\(entities.map(\.canonical))")
    }

    @Test("a head with the article or without a name after it is no venue")
    func notVenues() {
        let entities = tag("وصل الوفد إلى المطار الدولي ثم زار قصر العدالة القديم.")
        #expect(!entities.contains { $0.canonical.contains("المطار") || $0.canonical.contains("قصر") })
        // Words the dictionary knows are not names after a head, unless a list or a rule has them.
        let plain = tag("لعبوا في ملعب جديد قرب فندق فاخر، ثم نقل المصاب إلى مستشفى قريب وسط شارع طويل.")
        #expect(plain.isEmpty, "\(plain.map(\.canonical))")
    }

    @Test("an acronym in brackets after an organization's name is the same organization wherever it is written")
    func acronymCoreference() throws {
        let entities = tag(
            "أصدرت منظمة الدول المصدرة للنفط (أوبك) تقريرها. وتتوقع أوبك ارتفاع الطلب، وقال مسؤول في أوبك إن الإنتاج سيزيد."
        )
        let organization = try #require(entity(entities, .organization, "منظمة الدول المصدرة للنفط"))
        #expect(organization.mentions.map(\.text) == ["منظمة الدول المصدرة للنفط", "أوبك", "أوبك", "أوبك"])
        #expect(entities.filter { $0.type == .organization }.count == 1, "\(entities.map(\.canonical))")
    }

    @Test("a byname in brackets after a person's name is the same person wherever the article writes it")
    func bynames() throws {
        let entities = tag(
            "وقال زكريا عثمان بيلو (كاتاكو) إن قواته لن تنسحب. وأضاف كاتاكو أن الحرب ستنتهي، وحل المرشح أحمد سعيد نوري (الرابع) بعده."
        )
        let person = try #require(entity(entities, .person, "زكريا عثمان بيلو"), "\(entities.map(\.canonical))")
        #expect(person.mentions.map(\.text) == ["زكريا عثمان بيلو", "كاتاكو", "كاتاكو"])
        #expect(!entities.contains { $0.canonical == "الرابع" || $0.canonical == "كاتاكو" })
    }

    @Test("a given name with a surname, and a title before a given name")
    func givenNames() {
        let entities = tag(
            "واستقبل الرئيس إيمانويل ماكرون نظيره السنغالي. وصرحت السيدة سلمى بأن اللقاء مثمر. ووصل خالد مشعال.")
        #expect(entity(entities, .person, "إيمانويل ماكرون") != nil)
        #expect(entity(entities, .person, "سلمى") != nil)
        #expect(entity(entities, .person, "خالد مشعال") != nil)
    }

    @Test("after a title and its organization, a name from abroad that no list holds, with its surname")
    func unlistedNamesAfterTitles() {
        let entities = tag(
            "وأشادت المديرة العامة لمنظمة التجارة العالمية زوليكا نداباني بالاتفاق. ورحب رئيس البنك الإفريقي للتنمية أوبينا كوفي ماتوندا بالقرار."
        )
        #expect(entity(entities, .person, "زوليكا نداباني") != nil, "\(entities.map(\.canonical))")
        #expect(entity(entities, .person, "أوبينا كوفي ماتوندا") != nil, "\(entities.map(\.canonical))")
    }

    @Test("the place of an office, after في or إلى, is among a title's complements")
    func officePlaceBeforeName() {
        let people = tag(
            "والتقى سفير فرنسا في الجزائر ستيفان روماتيه بالوزير، وقال المبعوث الأممي إلى ليبيا كاتو زيمر إن الحوار مستمر."
        )
        .filter { $0.type == .person }.map(\.canonical)
        #expect(Set(people).isSuperset(of: ["ستيفان روماتيه", "كاتو زيمر"]), "\(people)")
    }

    @Test("a definite noun after a name of two words is the verb's object; after one given name, a surname")
    func objectAfterName() {
        let entities = tag("استقبل الأمير مولاي رشيد الوفد في القصر، وقال الرئيس بشار الأسد إن اللقاء مهم.")
        let people = entities.filter { $0.type == .person }.map(\.canonical)
        #expect(people.contains("مولاي رشيد") && people.contains("بشار الأسد"), "\(people)")
        #expect(!people.contains { $0.contains("الوفد") }, "\(people)")
    }

    @Test("a preposition and a dictionary word after a given name are the sentence's, not a surname")
    func prepositionalPhraseAfterName() {
        let people = tag("وأعلن الرئيس سمير لوزراء الحكومة قرارا جديدا، وتأخر المدير خالد بسبب الازدحام.")
            .filter { $0.type == .person }.map(\.canonical)
        #expect(people.contains("سمير") && people.contains("خالد"), "\(people)")
        #expect(!people.contains { $0.contains("لوزراء") || $0.contains("بسبب") }, "\(people)")
    }

    @Test("an honorific with a pronoun stands for a person named elsewhere and is no name")
    func honorificPronouns() {
        let entities = tag("وأكد سموه خلال الاتصال ضرورة وقف إطلاق النار، وأشاد جلالته بالجهود المبذولة.")
        #expect(!entities.contains { $0.canonical.contains("سموه") || $0.canonical.contains("جلالته") })
    }

    @Test("two parts of one name found apart are one person; two people joined by و stay two")
    func adjacentPeople() {
        let people = tag(
            "وسجل أهداف الهلال كل من سالم الدوسري وألكسندر ميتروفيتش (هدفين)، فيما سجل كريستيانو رونالدو هدف النصر الوحيد."
        ).filter { $0.type == .person }.map(\.canonical)
        #expect(people.contains("كريستيانو رونالدو"), "\(people)")
        #expect(people.contains("سالم الدوسري") && people.contains("ألكسندر ميتروفيتش"), "\(people)")
    }

    @Test("a name cut short goes on as the article writes it whole elsewhere")
    func peopleCompleted() {
        let mentions = tag(
            "بحث رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة مع الوفد ملف الكهرباء. وقال عبد الحميد الدبيبة إن الانتخابات ستجرى."
        ).filter { $0.type == .person }.flatMap { $0.mentions.map(\.text) }
        #expect(mentions == ["عبد الحميد الدبيبة", "عبد الحميد الدبيبة"])
    }

    @Test("a listed person after بن is the parent in a child's name, not a mention of its own")
    func listedParent() {
        let people = tag("واستقبل الأمير تركي بن محمد بن سلمان وفد الجامعة في الرياض.")
            .filter { $0.type == .person }.map(\.canonical)
        #expect(!people.contains("محمد بن سلمان"), "\(people)")
    }

    @Test("an unlisted word after a title takes no dictionary word as its surname")
    func unlistedNameWithoutSurname() {
        let people = tag("وقال رئيس الجمعية تتشرن أمس إن الاجتماع انتهى، وأكد المدير زيمبوتا قرار المجلس.")
            .filter { $0.type == .person }.map(\.canonical)
        #expect(!people.contains { $0.contains("أمس") || $0.contains("قرار") }, "\(people)")
    }

    @Test(
        "words that only look like names are not people",
        arguments: [
            "وقال إن الأمر يتعلق على هامش اللقاء. ودعا علي الحكومة إلى الحوار.",
            "وقع الاتفاق علي هامش المؤتمر الذي عقد في الرباط",  // a text that writes على as علي
            "وقال المتحدث باسم الحكومة إن الاجتماع انتهى.",
        ]
    )
    func notPeople(text: String) {
        let people = tag(text).filter { $0.type == .person }.map(\.canonical)
        #expect(people.isEmpty, "\(people)")
    }

    @Test("places carry no proclitics but the article's ل of لل, and share one entity")
    func places() throws {
        let entities = tag("سافر الوفد إلى فيينا، ثم عاد من فيينا بعد زيارته لفيينا وبفيينا وبالرباط وللرباط.")
        let vienna = try #require(entity(entities, .location, "فيينا"))
        #expect(vienna.mentions.map(\.text) == ["فيينا", "فيينا", "فيينا", "فيينا"])
        let rabat = try #require(entity(entities, .location, "الرباط"))
        #expect(rabat.mentions.map(\.text) == ["الرباط", "لرباط"])
        #expect(vienna.id == "LOCATION:فيينا")
    }

    @Test("after a word for a kind of place, a GeoNames name is a place; a common word there is not")
    func placesAfterTheirKind() {
        let locations = tag(
            "وسيطرت القوات على مدينة ود مدني في ولاية الجزيرة، ثم زار الوزير مدينة جديدة بنيت قرب الساحل."
        )
        .filter { $0.type == .location }.map(\.canonical)
        #expect(locations.contains("ود مدني"), "\(locations)")
        #expect(!locations.contains { $0.contains("جديدة") }, "\(locations)")
        // With the article, the word after the head is in construct with it: a name that is also a word is the name.
        let definite = tag("وقالت مصادر في محافظة الحديدة إن الصيادين عادوا، وزار الوزير قرية الأطفال.")
            .filter { $0.type == .location }.map(\.canonical)
        #expect(definite == ["الحديدة"], "\(definite)")
    }

    @Test("a place the trained tagger finds in part is widened to the listed name that covers it")
    func placeNamesWidened() {
        let entities = tag("سيطرت القوات على مدينة ود مدني، واستعاد الجيش مواقع في أم درمان.")
        let places = entities.filter { $0.type == .location }.map(\.canonical)
        #expect(places.contains("ود مدني") && places.contains("أم درمان"), "\(places)")
        #expect(!places.contains("ود") && !places.contains("درمان"), "\(places)")
    }

    @Test("multi-word places and the longest match")
    func longestMatch() {
        let entities = tag(
            "زار الوفد المملكة العربية السعودية والولايات المتحدة الأمريكية ومدينة ليون الفرنسية قبل مليون سنة.")
        #expect(entity(entities, .location, "السعودية")?.mentions.map(\.text) == ["المملكة العربية السعودية"])
        #expect(entity(entities, .location, "الولايات المتحدة")?.mentions.map(\.text) == ["الولايات المتحدة الأمريكية"])
        #expect(entity(entities, .location, "ليون") != nil)
        #expect(entities.filter { $0.type == .location }.count == 3)
    }

    @Test("organizations from head nouns, not from adjectives or plain phrases")
    func organizations() {
        let entities = tag(
            "ترأس وزير الداخلية اجتماع وزارة الداخلية مع مجلس الأمن القومي الروسي والجهاز الأمني في المدينة لمكافحة الجريمة المنظمة العابرة للحدود."
        )
        let organizations = entities.filter { $0.type == .organization }.map(\.canonical)
        #expect(organizations.contains("وزارة الداخلية"))
        #expect(organizations.contains("مجلس الأمن القومي الروسي"))
        #expect(!organizations.contains { $0.contains("المنظمة") || $0.contains("الجهاز") }, "\(organizations)")
    }

    @Test("a head with the article names an organization when its country ends the name, not before a verb")
    func definiteHeadWithCountry() {
        let organizations = tag(
            "وأكد البنك المركزي المصري ارتفاع الاحتياطي، وصوتت الجمعية الوطنية الفرنسية على القانون. وقال إن الإدارة الأميركية ضللت الشعب وإن الوزارة تضع الخطط."
        ).filter { $0.type == .organization }.map(\.canonical)
        #expect(
            Set(organizations).isSuperset(of: ["البنك المركزي المصري", "الجمعية الوطنية الفرنسية"]), "\(organizations)")
        #expect(!organizations.contains { $0.contains("ضللت") || $0.contains("تضع") }, "\(organizations)")
    }

    @Test("after a definite word, an adjective continues a name and a noun does not")
    func nameEndsBeforeNoun() {
        let entities = tag(
            "وتبنت حركة أنصار الدين الهجوم، وقدمت جمعية الهلال الأحمر المصري المساعدات، وأصدر مجلس الأمن الدولي القرار."
        )
        let organizations = entities.filter { $0.type == .organization }.map(\.canonical)
        #expect(
            Set(organizations).isSuperset(of: ["حركة أنصار الدين", "جمعية الهلال الأحمر المصري", "مجلس الأمن الدولي"]),
            "\(organizations)")
        #expect(
            !organizations.contains { ["الهجوم", "المساعدات", "القرار"].contains(where: $0.contains) },
            "\(organizations)")
    }

    @Test(
        "an organization's full extent: joined nouns, a quoted name",
        arguments: [
            ("زار الوفد مركز البحوث والدراسات الاستراتيجية في المدينة.", "مركز البحوث والدراسات الاستراتيجية")
        ]
    )
    func organizationExtent(text: String, canonical: String) {
        let organizations = tag(text).filter { $0.type == .organization }.map(\.canonical)
        #expect(organizations == [canonical])
    }

    @Test(
        "a unit and the body it belongs to (التابع لـ) are two organizations",
        arguments: [
            ("شارك فريق الخبراء التابع للأمم المتحدة في الاجتماع.", ["فريق الخبراء", "الأمم المتحدة"]),
            ("نظم مكتب الاتصال التابع لمنظمة الصحة العالمية ندوة.", ["مكتب الاتصال", "منظمة الصحة العالمية"]),
            ("أدان مجلس حقوق الإنسان التابع للأمم المتحدة القصف.", ["مجلس حقوق الإنسان", "الأمم المتحدة"]),
        ]
    )
    func unitAndBody(text: String, canonicals: [String]) {
        let organizations = tag(text).filter { $0.type == .organization }.map(\.canonical)
        #expect(organizations == canonicals)
    }

    @Test("a name listed without its head after another organization; a head before a listed name")
    func listedOrganizations() {
        let armed = tag("تبنت جماعات مثل داعش والقاعدة هجمات في المنطقة.").filter { $0.type == .organization }
        #expect(armed.map(\.canonical).sorted() == ["تنظيم القاعدة", "داعش"])
        let interpol = tag("أشادت منظمة “الإنتربول” بالتعاون.").filter { $0.type == .organization }
        #expect(interpol.map(\.canonical) == ["الإنتربول"])
    }

    @Test(
        "an institution named after a person is one organization; a government named after one is not",
        arguments: [
            ("نظمت مؤسسة محمد بن راشد آل مكتوم للمعرفة الحفل أمس.", "مؤسسة محمد بن راشد آل مكتوم للمعرفة"),
            ("نقل المصاب إلى معهد ناصر للبحوث والعلاج.", "معهد ناصر للبحوث والعلاج"),
            ("افتتح مركز الملك سلمان للإغاثة مكتبا جديدا.", "مركز الملك سلمان للإغاثة"),
        ]
    )
    func institutionsNamedAfterPeople(text: String, name: String) {
        let organizations = tag(text).filter { $0.type == .organization }.map(\.canonical)
        #expect(organizations == [name])
    }

    @Test("a head followed by a name that is no given name and a verb gives no organization")
    func headBeforeUnknownNameAndVerb() {
        let entities = tag("وكانت مؤسسة جيتس قدمت منحا كبيرة، وانتقدت حكومة نتنياهو القرار.")
        #expect(!entities.contains { $0.type == .organization && $0.canonical.hasPrefix("مؤسسة") })
        #expect(!entities.contains { $0.type == .organization && $0.canonical.hasPrefix("حكومة") })
    }

    @Test("the agency of a dateline is an organization; a country in brackets after a club is not")
    func datelineAgencies() {
        let entities = tag(
            "الرباط (و م ع) - أعلنت الوزارة عن إجراءات جديدة.\n\nتونس - (وات) أكد الرئيس أهمية الحوار.\n\nسلتيك (اسكتلندا) - بنفيكا (البرتغال) 1 - صفر."
        )
        let organizations = entities.filter { $0.type == .organization }.map(\.canonical)
        #expect(Set(organizations).isSuperset(of: ["و م ع", "وات"]), "\(organizations)")
        #expect(!organizations.contains("اسكتلندا") && !organizations.contains("البرتغال"), "\(organizations)")
    }

    @Test("a centre named after a place is a venue, a location")
    func venues() {
        let entities = tag("عقد اللقاء في مركز الرباط الدولي للمؤتمرات.")
        #expect(entities.filter { $0.type == .organization }.isEmpty)
        #expect(entities.contains { $0.type == .location && $0.canonical.hasPrefix("مركز الرباط") })
        let quoted = tag("عقد اللقاء في مركز “الرباط الدولي” للمؤتمرات.")
        #expect(quoted.contains { $0.type == .location && $0.canonical == "مركز الرباط الدولي" }, "\(quoted)")
    }

    @Test("an acronym after an organization is the same organization")
    func acronyms() throws {
        let entities = tag("التقى الوفد مسؤولين من المكتب الوطني للسكك الحديدية (ONCF) صباح اليوم.")
        let office = try #require(entities.first { $0.type == .organization })
        #expect(office.mentions.map(\.text) == ["المكتب الوطني للسكك الحديدية", "ONCF"])
    }

    @Test("an organization written later without its head or nationality is the same organization")
    func organizationShortNames() throws {
        let entities = tag(
            "أعلنت حركة حماس موافقتها على المقترح، وقال مسؤول في حماس إن الرد سلم. وأصدرت وزارة الدفاع الأميركية بيانا، وأكدت وزارة الدفاع فيه أن القوات باقية."
        )
        let hamas = try #require(entities.first { $0.canonical == "حركة حماس" })
        #expect(hamas.mentions.map(\.text) == ["حركة حماس", "حماس"])
        let defense = try #require(entities.first { $0.canonical == "وزارة الدفاع الأميركية" })
        #expect(defense.mentions.map(\.text) == ["وزارة الدفاع الأميركية", "وزارة الدفاع"])
    }

    @Test(
        "dates of every month family and the Hijri months, with and without a year; bare years",
        arguments: [
            ("وصل الوفد يوم 15 شتنبر 2024.", "2024-09-15"),
            ("وصل الوفد يوم 15 سبتمبر.", "2025-09-15"),
            ("وصل الوفد يوم 3 أيلول 2023.", "2023-09-03"),
            ("وصل الوفد يوم 1 كانون الثاني 2026.", "2026-01-01"),
            ("عقد المؤتمر ما بين 6 و8 ماي.", "2025-05-06/2025-05-08"),
            ("عقد المؤتمر من 30 أبريل إلى 2 مايو.", "2025-04-30/2025-05-02"),
            ("عقد المؤتمر يومي 13 و14 يونيو 2022.", "2022-06-13/2022-06-14"),
            ("عقد المؤتمر 27-29 دجنبر 2024.", "2024-12-27/2024-12-29"),
            ("في يوليوز 2025 بدأ العمل.", "2025-07"),
            ("انطلق المشروع عام 2010.", "2010"),
            ("ناقش النواب مشروع قانون المالية لسنة 2026.", "2026"),
            ("وقع الاتفاق في أغسطس الماضي بعد مفاوضات طويلة.", "2024-08"),
            ("عقدت الدورة السابقة في مايو الماضي.", "2024-05"),
            ("يدخل القرار حيز التنفيذ في يناير المقبل.", "2026-01"),
            ("أجريت الانتخابات في 12 ديسمبر من العام الماضي.", "2024-12-12"),
            ("تنطلق الدورة من 12 إلى 15 مايو الجاري في الرباط.", "2025-05-12/2025-05-15"),
            ("وصل الوفد يوم 3 مارس من السنة المقبلة.", "2026-03-03"),
            ("تراجعت الصادرات للعام 2023 بنسبة كبيرة.", "2023"),
            ("تأسست الجمعية منذ 2010 في الرباط.", "2010"),
            ("ارتفعت الصادرات خلال 2024 بنسبة كبيرة.", "2024"),
            ("تعاقد النادي مع المهاجم في صيف 2023 لموسمين.", "2023"),
            ("بدأ الصيام يوم 1 رمضان 1446 هـ.", "2025-03-01"),
            ("حل العيد في 10 ذو الحجة.", "2025-06-06"),
            ("صام المسلمون شهر رمضان 1446.", "2025-03-01/2025-03-29"),
            ("عقد المؤتمر بين 5 و7 شوال 1446.", "2025-04-03/2025-04-05"),
        ]
    )
    func dates(text: String, value: String) throws {
        let date = try #require(tag(text).first { $0.type == .date })
        #expect(date.value == value)
        #expect(date.canonical == value)
    }

    @Test("a day without a year lands in the year nearest the publication across New Year")
    func yearBoundary() throws {
        let january = Date(timeIntervalSince1970: 1_736_121_600)  // 2025-01-06
        let december = try #require(
            tag("اختتم الاجتماع يوم 28 دجنبر.", publishedAt: january).first { $0.type == .date })
        #expect(december.value == "2024-12-28")
    }

    @Test("impossible dates and numbers that are not days are ignored")
    func notDates() {
        let entities = tag("شارك ممثلو 100 دولة في 31 فبراير، و45 ماي ليس تاريخا.")
        #expect(entities.filter { $0.type == .date }.isEmpty)
    }

    @Test(
        "text without any Arabic or with odd scalars never crashes",
        arguments: ["", "   ", "\u{064E}\u{0651}", "👍🏽 ﷺ ﻻ", "abc DEF", "\n\n\n"])
    func oddText(text: String) {
        for entity in tag(text) {
            for mention in entity.mentions {
                #expect(
                    String(String.UnicodeScalarView(Array(text.unicodeScalars)[mention.start..<mention.end]))
                        == mention.text)
            }
        }
    }
}
