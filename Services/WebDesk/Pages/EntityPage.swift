import ArticleModel
import StorePort

extension DeskPages {
    /// One entity: its canonical name and the forms it was written in, its articles over time, those it appears
    /// with (a network, and the places apart), and its articles newest first. Nil when no stored article mentions it.
    func entity(id: String, after token: PageToken?) async throws -> HTML? {
        guard let entity = try await store.entity(id: id) else { return nil }
        // Independent reads, run together: the store reads them on as many connections.
        async let formsRead = store.surfaceForms(of: id, limit: 30)
        async let daysRead = store.publicationDays(mentioning: id, from: nil)
        async let companyRead = store.coOccurrences(
            of: id, type: nil, amongNewest: Self.companyWindow, limit: Self.companyConsidered)
        async let articlesRead = store.articles(mentioning: id, after: token, limit: Self.pageSize)
        let (forms, days, company, articles) = try await (formsRead, daysRead, companyRead, articlesRead)
        let neighbours = Array(company.prefix(12))
        let places = Array(company.filter { $0.entity.type == .location }.prefix(10))
        let value: HTML = entity.value.map { "<p class=\"value\">القيمة: <bdi>\($0)</bdi></p>" } ?? ""
        let next: HTML =
            articles.next.map {
                "<a class=\"next\" rel=\"next\" href=\"\(DeskLink.entity(id, after: $0.value))\">الصفحة التالية</a>"
            } ?? ""
        let exports = DeskLink.query([("entity", id)])
        let scope = entity.articleCount > Self.companyWindow ? " (في أحدث \(Self.companyWindow) مقالة)" : ""
        let body: HTML = """
            <section class="entity-head">
            <h1 class="\(PageLayout.typeClass(entity.type))">\(entity.canonical)</h1>
            <p class="meta">\(PageLayout.label(entity.type)) · \(entity.articleCount) مقالة · \(entity.mentionCount) ذكر</p>
            \(value)
            <h2>صيغ الكتابة</h2>
            <ul class="forms">\(forms.html { "<li><bdi>\($0.text)</bdi> <span class=\"count\">\($0.mentions)</span></li>" })</ul>
            </section>
            <section class="timeline"><h2>الظهور عبر الزمن</h2>\(DayChart.svg(days, caption: "مقالات تذكره في كل فترة"))</section>
            <section class="network"><h2>يظهر مع\(scope)</h2>\(NetworkChart.svg(center: entity, neighbours: neighbours))
            <ol class="co-occurrences">\(neighbours.html { Self.coOccurrence($0) })</ol></section>
            <section class="places"><h2>الأماكن\(scope)</h2>
            <ol class="co-occurrences">\(places.html { Self.coOccurrence($0) })</ol></section>
            <section class="results"><h2>المقالات</h2>
            <p class="exports">تصدير: <a href="/export.csv?\(exports)" download>CSV</a> · \
            <a href="/export.jsonl?\(exports)" download>JSON Lines</a> · \
            <a href="\(DeskLink.search([("entity", id)]))">بحث فيها</a></p>
            \(Self.listings(articles.items))
            \(next)
            </section>
            """
        return PageLayout.page(title: entity.canonical, body: body)
    }

    /// The newest articles of an entity whose company its page shows: the recent company of an entity in tens of
    /// thousands of articles, in the same time as that of any other.
    static let companyWindow = 2_000

    /// The entities it shares most articles with that the page ranks: the network shows the first of them, the
    /// places list the places among them.
    static let companyConsidered = 500

    private static func coOccurrence(_ item: CoOccurrence) -> HTML {
        "<li>\(PageLayout.entityLink(item.entity)) <span class=\"count\">\(item.sharedArticles) مقالة مشتركة</span></li>"
    }
}
