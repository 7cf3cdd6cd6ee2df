import ArticleModel
import Foundation
import StorePort

/// The frame every page shares: Arabic, right to left, the stylesheet and script of the desk's own assets, the
/// navigation and the search box.
enum PageLayout {
    static func page(title: String, query: String = "", body: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="ar" dir="rtl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · أخبار</title>
        <link rel="stylesheet" href="/assets/desk.css">
        <script src="/assets/desk.js" defer></script>
        </head>
        <body>
        <header class="masthead">
        <a class="brand" href="/">أخبار</a>
        <nav><a href="/">نظرة عامة</a> <a href="/search">بحث</a></nav>
        <form class="searchbox" action="/search" method="get" role="search">
        <input type="search" name="q" value="\(query)" placeholder="ابحث في المقالات أو عن اسم" aria-label="بحث">
        <button type="submit">بحث</button>
        </form>
        </header>
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    /// The Arabic name of an entity type, as the pages label it.
    static func label(_ type: EntityType) -> String {
        switch type {
        case .person: "شخص"
        case .organization: "منظمة"
        case .location: "مكان"
        case .date: "تاريخ"
        }
    }

    /// The class that colours an entity type, the same in highlights, lists and charts.
    static func typeClass(_ type: EntityType) -> String {
        "t-" + type.rawValue.lowercased()
    }

    /// A day as pages show it: ISO 8601, read the same by every reader of Arabic news.
    static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }

    /// An article's source and day, as lists and the article page show them.
    static func meta(source: String?, publishedAt: Date?) -> String {
        [source ?? "", publishedAt.map(day) ?? "بلا تاريخ"].filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// An entity's name linked to its page, coloured by type; a date shows its normalized value too.
    static func entityLink(id: String, type: EntityType, canonical: String, value: String?) -> HTML {
        // A value is ISO 8601, read left to right inside the Arabic line.
        let shownValue: HTML = value.map { $0 == canonical ? "" : " <bdi dir=\"ltr\">(\($0))</bdi>" } ?? ""
        return
            "<a class=\"entity \(typeClass(type))\" href=\"\(DeskLink.entity(id))\"><bdi>\(canonical)</bdi>\(shownValue)</a>"
    }

    /// An article's title, or a placeholder for a page whose title the cleaner did not find.
    static func title(_ title: String) -> String {
        title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "بلا عنوان" : title
    }

    static func entityLink(_ entity: EntitySummary) -> HTML {
        entityLink(id: entity.id, type: entity.type, canonical: entity.canonical, value: entity.value)
    }

    /// A message page for what was asked and not found, or refused.
    static func notice(_ title: String, _ message: String) -> HTML {
        page(title: title, body: "<section class=\"notice\"><h1>\(title)</h1><p>\(message)</p></section>")
    }
}
