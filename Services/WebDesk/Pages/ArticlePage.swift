import ArticleModel
import Foundation
import StorePort

extension DeskPages {
    /// One article: its title, source and day, the body with every stored mention highlighted and linked, and its
    /// entities by type. Nil when the store has no such article.
    func article(id: String) async throws -> HTML? {
        guard let article = try await store.article(id: id) else { return nil }
        let origin: HTML =
            Self.webAddress(article.url).map {
                "<a class=\"origin\" href=\"\($0)\" rel=\"noopener noreferrer nofollow\">المصدر الأصلي</a>"
            } ?? ""
        let byType = EntityType.allCases.html { type in
            let entities = article.entities.filter { $0.type == type }
            guard !entities.isEmpty else { return "" }
            return """
                <h3>\(PageLayout.label(type))</h3><ul>\(entities.html { entity in
                    "<li>\(PageLayout.entityLink(id: entity.id, type: type, canonical: entity.canonical, value: entity.value))</li>"
                })</ul>
                """
        }
        let body: HTML = """
            <article class="article" data-id="\(article.articleID)">
            <h1>\(PageLayout.title(article.title))</h1>
            <div class="meta">\(PageLayout.meta(source: article.source, publishedAt: article.publishedAt)) \(origin)</div>
            <div class="body">\(MentionMarkup.html(body: article.body, marks: MentionMarkup.marks(of: article.entities)))</div>
            <footer class="meta">إصدار الإثراء \(article.enrichmentVersion)</footer>
            </article>
            <aside class="entities"><h2>الكيانات</h2>\(byType)</aside>
            """
        return PageLayout.page(title: PageLayout.title(article.title), body: body)
    }

    /// `url` when it is an http or https address: a scraped `javascript:` link must not become one.
    static func webAddress(_ url: String?) -> String? {
        guard let url, let scheme = URLComponents(string: url)?.scheme?.lowercased(),
            ["http", "https"].contains(scheme)
        else { return nil }
        return url
    }
}
