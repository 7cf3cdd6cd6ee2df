import ArticleModel
import Foundation
import StorePort

extension DeskPages {
    /// Days of articles per day the overview draws, back from the newest article.
    static let overviewDays = 90
    /// The period whose rising entities the overview lists, back from the newest article.
    static let risingDays = 7

    /// The store at a glance: articles per day, the entities that rose most in the last week of the news held, the
    /// sources, and the newest articles.
    ///
    /// Periods end at the newest article, not at the clock: a store replayed from an archive has its own "now".
    func overview() async throws -> HTML {
        async let newestRead = store.searchArticles(ArticleSearch(), limit: 10)
        let stats = try await store.stats()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let newestDay = stats.newestPublished.map { calendar.startOfDay(for: $0) }
        async let daysRead = store.publicationDays(
            mentioning: nil, from: newestDay.map { $0.addingTimeInterval(-Double(Self.overviewDays - 1) * 86_400) })
        var rising: [EntityTrend] = []
        if let newestDay {
            let period = DateInterval(
                start: newestDay.addingTimeInterval(-Double(Self.risingDays - 1) * 86_400),
                end: newestDay.addingTimeInterval(86_400))
            rising = try await store.risingEntities(in: period, limit: 12)
        }
        let (days, newest) = try await (daysRead, newestRead)
        let types = EntityType.allCases.html { type in
            "<li class=\"\(PageLayout.typeClass(type))\">\(PageLayout.label(type)): \(stats.byType[type]?.entities ?? 0)</li>"
        }
        let sources = stats.bySource.prefix(20).html { source in
            let count: HTML = "<span class=\"count\">\(source.articles)</span>"
            guard !source.key.isEmpty else { return "<li>بلا مصدر \(count)</li>" }
            return "<li><a href=\"\(DeskLink.search([("source", source.key)]))\">\(source.key)</a> \(count)</li>"
        }
        let risingList: HTML =
            rising.isEmpty
            ? "<p class=\"empty\">لا كيانات صاعدة.</p>"
            : """
            <ol class="rising">\(rising.html { trend in
                """
                <li>\(PageLayout.entityLink(trend.entity)) <span class="count">\(trend.recentArticles) مقالة \
                (\(trend.earlierArticles) في الأسبوع السابق)</span></li>
                """
            })</ol>
            """
        let period = newestDay.map { "حتى \(PageLayout.day($0))" } ?? ""
        let body: HTML = """
            <section class="totals"><h1>نظرة عامة</h1>
            <p><span id="article-total">\(stats.articles)</span> مقالة · \(stats.entities) كيان</p>
            <ul class="types">\(types)</ul></section>
            <section class="days"><h2>المقالات في اليوم</h2>\(DayChart.svg(days, caption: "آخر \(Self.overviewDays) يومًا \(period)"))</section>
            <section class="rising"><h2>الأكثر صعودًا في آخر \(Self.risingDays) أيام \(period)</h2>\(risingList)</section>
            <section class="sources"><h2>المصادر</h2><ul>\(sources)</ul></section>
            <section class="newest"><h2>أحدث المقالات</h2>\(Self.listings(newest.items))</section>
            """
        return PageLayout.page(title: "نظرة عامة", body: body)
    }
}
