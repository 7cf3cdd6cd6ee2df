import ArticleModel
import Testing

@testable import EntityTagging

/// The kinds of names real news writes that lists alone miss, on sentences written for them.
extension TaggingRuleTests {
    func names(_ text: String, _ type: EntityType) -> [String] {
        tag(text).filter { $0.type == type }.map(\.canonical)
    }

    func mentions(_ text: String, _ type: EntityType) -> [String] {
        tag(text).filter { $0.type == type }.flatMap { $0.mentions.map(\.text) }
    }

    @Test(
        "the author of a byline is a person",
        arguments: [
            ("بقلم: سلمى الوردي\nعاد الهدوء إلى شوارع المدينة بعد أسبوع من الاحتجاجات المتواصلة.", "سلمى الوردي"),
            ("كتب: أنور الشامي\nعاد الهدوء إلى شوارع المدينة بعد أسبوع من الاحتجاجات المتواصلة.", "أنور الشامي"),
            ("إعداد - مراد بنسالم\nعاد الهدوء إلى شوارع المدينة بعد أسبوع من الاحتجاجات المتواصلة.", "مراد بنسالم"),
        ]
    )
    func bylines(text: String, author: String) {
        #expect(names(text, .person).contains(author), "\(names(text, .person))")
    }

    @Test(
        "people credited elsewhere on the page are persons: a second author, a masthead, a photographer",
        arguments: [
            "بقلم: سلمى الوردي\nكتب: أنور الشامي\n\(Self.creditedStory)",
            "\(Self.creditedStory)\nرئيس التحرير: أنور الشامي",
            "\(Self.creditedStory)\nتصوير: أنور الشامي",
        ]
    )
    func credits(text: String) {
        #expect(names(text, .person).contains("أنور الشامي"), "\(names(text, .person))")
    }

    private static var creditedStory: String {
        "عاد الهدوء إلى شوارع المدينة بعد أسبوع من الاحتجاجات المتواصلة.\nوفتحت المحلات أبوابها من جديد صباح اليوم."
    }

    @Test("كتب without a colon is the verb, not a byline")
    func writeVerb() {
        #expect(names("كتب الطالب رسالة طويلة إلى أسرته.", .person).isEmpty)
    }

    @Test(
        "titles stay outside a person's mention",
        arguments: [
            ("وقال الملك عبد الله الثاني إن المملكة تدعم الحوار.", "عبد الله الثاني"),
            ("واستقبل الأمير محمد بن سلمان الوفد في الرياض.", "محمد بن سلمان"),
            ("وقال الرئيس عبد المجيد تبون إن الانتخابات ستجري في موعدها.", "عبد المجيد تبون"),
        ]
    )
    func titlesOutside(text: String, name: String) {
        #expect(mentions(text, .person) == [name])
    }

    @Test("name particles (ولد, بن, آل) stay inside the name")
    func particles() {
        #expect(names("استقبل محمد ولد عبد العزيز وفدا من رجال الأعمال.", .person) == ["محمد ولد عبد العزيز"])
        #expect(names("التقى يوسف بن علي بالمسؤولين في الميناء.", .person) == ["يوسف بن علي"])
    }

    @Test(
        "national teams, clubs, outlets and parties are organizations",
        arguments: [
            ("فاز المنتخب التونسي على ضيفه بهدفين نظيفين.", "المنتخب التونسي"),
            ("تأهل منتخب السنغال إلى الدور الثاني.", "منتخب السنغال"),
            ("واجه المنتخب الوطني المغربي لكرة القدم نظيره في الرباط.", "المنتخب الوطني المغربي لكرة القدم"),
            ("تعادل الترجي مع منافسه في الجولة الأخيرة.", "الترجي الرياضي التونسي"),
            ("نشرت صحيفة الأيام تحقيقا مطولا حول الموضوع.", "صحيفة الأيام"),
            ("وبثت قناة الجزيرة التقرير مساء أمس.", "قناة الجزيرة"),
            ("ونقل موقع هسبريس الخبر عن مصادر محلية.", "هسبريس"),
            ("وأعلن حزب الاستقلال دعمه للمبادرة.", "حزب الاستقلال"),
            ("وتبنت جماعة الحوثي الهجوم في بيان.", "جماعة الحوثي"),
        ]
    )
    func organizationsNewsNames(text: String, name: String) {
        #expect(names(text, .organization) == [name])
    }

    @Test("a national team's country is no place of its own, and a team with no country is no name")
    func teamsWithoutPlaces() {
        #expect(names("فاز المنتخب التونسي على ضيفه بهدفين نظيفين.", .location).isEmpty)
        #expect(names("استعد المنتخب الوطني جيدا للمباراة.", .organization).isEmpty)
    }

    @Test("nationality adjectives are not the country")
    func nationalityAdjectives() {
        #expect(names("وصل الوفد إلى العاصمة المغربية الرباط صباح اليوم.", .location) == ["الرباط"])
        #expect(names("وأكد مسؤولون سعوديون ومصريون أن التعاون سيستمر.", .location).isEmpty)
        // السعودية is also the feminine of سعودي: after a definite noun in ة or ات it describes that noun.
        let saudi = "وقالت الحكومة السعودية إن القوات السعودية انسحبت، ثم زار الرئيس الفرنسي السعودية والإمارات."
        #expect(mentions(saudi, .location) == ["السعودية", "الإمارات"])
        #expect(mentions("وصل الوفد إلى المملكة العربية السعودية أمس.", .location) == ["المملكة العربية السعودية"])
    }

    @Test("Latin names in Arabic text are people unless they name an organization or place")
    func latinNames() {
        #expect(names("وانتقد Emmanuel Macron القرار في تغريدة.", .person) == ["Emmanuel Macron"])
        #expect(names("وشاركت United Nations في الاجتماع.", .person).isEmpty)
        #expect(names("وزار الوفد New York الأسبوع الماضي.", .person).isEmpty)
        let text =
            "قال Michael Schumacher إن فريق Ferrari سيعود. وأعلنت شركة Apple عن هاتف جديد، فيما خفضت Dell أسعارها."
        #expect(names(text, .person).contains("Michael Schumacher"))
        #expect(names(text, .person).allSatisfy { !$0.contains("سيعود") })
    }

    @Test(
        "an organization ends where its construct does",
        arguments: [
            ("وقالت وزارة الصحة رفض الطلب غير مبرر.", ["وزارة الصحة"]),
            ("ونشرت صحيفة بريطانية تقريرا عن الحادث.", []),
            ("وأسس رجل أعمال شركة للمقاولات في المدينة.", []),
            ("وأعلن مركز البحوث الزراعية والذي يضم خبراء نتائجه.", ["مركز البحوث الزراعية"]),
        ]
    )
    func organizationEnds(text: String, expected: [String]) {
        #expect(names(text, .organization) == expected)
    }

    @Test("after a given name, a dictionary word is no surname; a listed given name still is")
    func commonWordsAfterGivenNames() {
        #expect(names("وحصل علي تمويل جديد للمشروع.", .person).isEmpty)
        #expect(!names("وقال يوسف يعتقد الجميع أن الحل قريب.", .person).contains("يوسف يعتقد"))
        #expect(names("وصرح علي صالح بأن الموسم كان صعبا.", .person) == ["علي صالح"])
    }

    @Test(
        "a name ends before an inflected dictionary word, a function word or a second dictionary word",
        arguments: [
            ("وكان كريم متقدما بفارق كبير في السباق.", "كريم متقدما"),
            ("وقال الرئيس الفرنسي جاك شيراك آنذاك إن الاتفاق قائم.", "جاك شيراك آنذاك"),
            ("ووافقت الملكة إليزابيث على أن يفتح القصر للزوار.", "إليزابيث على"),
            ("وسدد أبو خالد بقوة فأبعدها الحارس.", "أبو خالد بقوة"),
            ("وقالت المستشارة الألمانية أنغيلا ميركل سيلتقيان غدا.", "أنغيلا ميركل سيلتقيان"),
        ]
    )
    func namesEndBeforeDictionaryWords(text: String, wrong: String) {
        #expect(!names(text, .person).contains(wrong))
    }

    @Test("a compound takes a nisba, not a plain dictionary word, as its surname; حاج joins a name")
    func compoundSurnames() {
        #expect(names("وأعلن أبو بكر البغدادي مسؤوليته عن الهجوم.", .person) == ["أبو بكر البغدادي"])
        #expect(names("وظهر أبو فارس البالغ من العمر سبعين عاما.", .person) == ["أبو فارس"])
        #expect(names("وصرح عبد القادر حاج سعيد للصحافة.", .person) == ["عبد القادر حاج سعيد"])
        #expect(!names("وأدانت المحكمة أبو فارس وأبو الحسن بالتهمة.", .person).contains("أبو فارس وأبو الحسن"))
    }

    @Test("the last word of a name that is a dictionary word with the article is not looked for alone")
    func noCoreferenceOnDictionaryWords() {
        let people = mentions(
            "استقبل الملك عبد الله الثاني الوفد. وفي الشوط الثاني سجل الفريق هدفا. واحتلت مصر المركز الثاني.",
            .person)
        #expect(people == ["عبد الله الثاني"])
    }

    @Test("a city or country that plays a match is its team, an organization; elsewhere it is a place")
    func placesThatNameTeams() {
        let entities = tag("وفاز برشلونة على مدريد بثلاثة أهداف في الدوري. وزار الوفد برشلونة الأسبوع الماضي.")
        #expect(entity(entities, .organization, "برشلونة") != nil)
        #expect(entity(entities, .organization, "مدريد") != nil)
        #expect(entity(entities, .location, "برشلونة") != nil)
        #expect(names("وقال مدرب مصر إن اللاعبين جاهزون.", .organization) == ["مصر"])
    }

    @Test("a word that counts goals is no name and ends none")
    func scoreWords() {
        let text =
            "تأهل فريق النجم الساحلي إلى النهائي بعد فوزه على الأهلي المصري بهدفين لهدف. وفي الدوري الإنجليزي فاز ليفربول على أرسنال بثلاثية، وسجل محمد صلاح هدفين."
        let mentions = mentions(text, .person)
        #expect(!mentions.contains { $0.contains("هدف") || $0.contains("ثلاثية") }, "\(mentions)")
    }

    @Test("a name quoted after its head keeps both quotes; the و after it is no acronym of it")
    func conjunctionBetweenQuotedNames() {
        let text = "وباعت شركة \" نور للاتصالات \" و \" الأفق للإعلام \" حصصها. وقال مديرها و نائبه إن البيع تم."
        #expect(mentions(text, .organization).first == "شركة \" نور للاتصالات \"")
        #expect(names(text, .organization).first == "شركة نور للاتصالات")
        #expect(!mentions(text, .organization).contains("و"))
        #expect(names("وقالت صحيفة \"الصنداي تايمز\" إن الوثائق صحيحة.", .organization) == ["صحيفة الصنداي تايمز"])
    }

    @Test("a listed acronym and its expansion in different sentences are one organization")
    func listedAcronyms() throws {
        let entities = tag("قالت منظمة الدول المصدرة للنفط إن الطلب سيرتفع. وتوقعت أوبك أن تستقر الأسعار.")
        let organization = try #require(entity(entities, .organization, "منظمة الدول المصدرة للنفط"))
        #expect(organization.mentions.map(\.text) == ["منظمة الدول المصدرة للنفط", "أوبك"])
    }
}
