import ArticleModel
import Foundation
import GRPCHosting
import StorePort
import Testing

@testable import WebDesk

@Suite("Web desk markup")
struct WebDeskMarkupTests {
    @Test("text enters HTML escaped; only HTML values go in as they are")
    func escaping() {
        let scraped = "<script>alert('x')</script> & \"quoted\""
        let html: HTML = "<p title=\"\(scraped)\">\(scraped)</p>"
        #expect(!html.markup.contains("<script>"))
        #expect(
            html.markup
                == "<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;\">"
                + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</p>")
        let inner: HTML = "<b>\("a<b")</b>"
        #expect(("<i>\(inner)</i>" as HTML).markup == "<i><b>a&lt;b</b></i>")
    }

    @Test("mentions are marked at their scalar offsets, paragraphs kept, the body escaped around them")
    func mentionMarks() {
        // A combining mark (shadda) before the mention: offsets count scalars, not characters.
        let body = "شدّ <زار> حموشي فيينا\nفقرة ثانية: فيينا"
        let scalars = Array(body.unicodeScalars)
        func offset(of word: String, from: Int = 0) -> Int {
            let target = Array(word.unicodeScalars)
            return (from...(scalars.count - target.count)).first { Array(scalars[$0..<($0 + target.count)]) == target }!
        }
        let hammouchi = offset(of: "حموشي")
        let vienna = offset(of: "فيينا")
        let secondVienna = offset(of: "فيينا", from: vienna + 1)
        let entities = [
            Entity(
                id: "PERSON:حموشي", type: .person, canonical: "حموشي",
                mentions: [EntityMention(text: "حموشي", start: hammouchi, end: hammouchi + 5)]),
            Entity(
                id: "LOCATION:فيينا", type: .location, canonical: "فيينا",
                mentions: [
                    EntityMention(text: "فيينا", start: vienna, end: vienna + 5),
                    EntityMention(text: "فيينا", start: secondVienna, end: secondVienna + 5),
                ]),
        ]
        let marks = MentionMarkup.marks(of: entities)
        #expect(marks.map(\.start) == [hammouchi, vienna, secondVienna])
        let html = MentionMarkup.html(body: body, marks: marks).markup
        #expect(html.hasPrefix("<p>شدّ &lt;زار&gt; <a class=\"mention t-person\""))
        #expect(html.contains("data-start=\"\(hammouchi)\" data-end=\"\(hammouchi + 5)\""))
        #expect(html.contains("</p>\n<p>فقرة ثانية: <a class=\"mention t-location\""))
        #expect(html.components(separatedBy: "class=\"mention").count == 4)
    }

    @Test("a mark overlapping the one before it or running past the body is left out, not nested or cut")
    func badMarks() {
        let marks = [
            MentionMarkup.Mark(start: 0, end: 4, entityID: "a", type: .person),
            MentionMarkup.Mark(start: 2, end: 6, entityID: "b", type: .location),
            MentionMarkup.Mark(start: 8, end: 40, entityID: "c", type: .date),
        ]
        let html = MentionMarkup.html(body: "abcdefghij", marks: marks).markup
        #expect(
            html == "<p><a class=\"mention t-person\" href=\"/entity?id=a\" data-start=\"0\" data-end=\"4\" "
                + "title=\"شخص\">abcd</a>efghij</p>")
    }

    @Test("form fields: + is a space, percent escapes decode, Arabic round-trips through links")
    func formFields() {
        #expect(
            FormFields.parse("q=%D8%A7%D9%84%D8%AD%D9%85%D9%88%D8%B4%D9%8A+%D9%81%D9%8A%D9%8A%D9%86%D8%A7&x=&y")
                == ["q": "الحموشي فيينا", "x": "", "y": ""])
        let link = DeskLink.search([("q", "a&b=c +"), ("entity", "PERSON:عبد"), ("type", "")])
        let query = String(link.dropFirst("/search?".count))
        #expect(FormFields.parse(query) == ["q": "a&b=c +", "entity": "PERSON:عبد"])
    }

    @Test("a search address: days include the whole `to` day; a bad day, type or order is refused in Arabic")
    func searchRequest() throws {
        let request = try SearchRequest(["q": "فيينا", "from": "2025-05-01", "to": "2025-05-31", "order": "relevance"])
        let search = try request.search()
        #expect(search.publishedFrom == Date(timeIntervalSince1970: 1_746_057_600))
        #expect(search.publishedBefore == Date(timeIntervalSince1970: 1_748_736_000))
        #expect(search.order == .relevance)
        #expect(throws: SearchRequest.Problem.self) { try SearchRequest(["from": "31/05/2025"]) }
        #expect(throws: SearchRequest.Problem.self) { try SearchRequest(["type": "WEAPON"]) }
        #expect(throws: SearchRequest.Problem.self) { try SearchRequest(["order": "oldest"]) }
    }

    @Test("the login form returns only to paths on the desk")
    func loginTarget() {
        #expect(DeskLogin.safeNext("/entity?id=x") == "/entity?id=x")
        #expect(DeskLogin.safeNext("//evil.example/") == "/")
        #expect(DeskLogin.safeNext("/\\evil.example/") == "/")
        #expect(DeskLogin.safeNext("https://evil.example/") == "/")
    }

    @Test("the session cookie proves the token without holding it, and only the right value passes")
    func sessionValue() throws {
        let token = try BearerToken("s3cret-token")
        let value = token.derivedValue(for: "purpose")
        #expect(value.count == 64 && !value.contains("s3cret"))
        #expect(token.matchesDerivedValue(value, for: "purpose"))
        #expect(!token.matchesDerivedValue(value, for: "another purpose"))
        #expect(!token.matchesDerivedValue(String(value.dropLast()), for: "purpose"))
        #expect(try BearerToken("other").derivedValue(for: "purpose") != value)
    }

    @Test("day bars fill empty days; a span over a season becomes months")
    func dayBars() {
        let first = Date(timeIntervalSince1970: 1_747_699_200)  // 2025-05-20
        let days = [DayCount(daysSince1970: 20_228, articles: 2), DayCount(daysSince1970: 20_231, articles: 1)]
        #expect(days[0].day == first)
        #expect(DayChart.bars(days).map(\.articles) == [2, 0, 0, 1])
        #expect(DayChart.bars(days).first?.label == "2025-05-20")
        let monthly = DayChart.bars([
            DayCount(daysSince1970: 20_228, articles: 2), DayCount(daysSince1970: 20_228 + 200, articles: 5),
        ])
        #expect(monthly.count == 8 && monthly.last?.articles == 5)
        #expect(monthly.first?.label == "2025-05")
    }

    @Test("only http and https addresses become links to the original")
    func originLinks() {
        #expect(DeskPages.webAddress("https://example.com/a") == "https://example.com/a")
        #expect(DeskPages.webAddress("javascript:alert(1)") == nil)
        #expect(DeskPages.webAddress(nil) == nil)
    }
}
