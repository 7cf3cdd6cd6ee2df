import ArticleModel
import StorePort

extension DeskPages {
    /// Search with filters: the entities the words name, how many articles match, one page of them, exports.
    func search(_ request: SearchRequest) async throws -> HTML {
        let search = try request.search()
        guard request != SearchRequest() else {
            return PageLayout.page(title: "بحث", body: Self.filters(request))
        }
        let named =
            request.text.isEmpty || request.after != nil
            ? [] : try await store.entities(named: request.text, type: nil, limit: 6)
        let filterEntity = try await request.entityID.isEmpty ? nil : store.entity(id: request.entityID)
        let count = try await store.countArticles(search, upTo: Self.countLimit)
        let page = try await store.searchArticles(search, after: request.after, limit: Self.pageSize)
        let countText = count >= Self.countLimit ? "أكثر من \(Self.countLimit) مقالة" : "\(count) مقالة"
        let entities: HTML =
            named.isEmpty
            ? ""
            : """
            <section class="named"><h2>كيانات بهذا الاسم</h2><ul>\(named.html { entity in
                "<li>\(PageLayout.entityLink(entity)) <span class=\"count\">\(entity.articleCount) مقالة</span></li>"
            })</ul></section>
            """
        let filterNote: HTML =
            filterEntity.map { "<p class=\"filter\">التي تذكر \(PageLayout.entityLink($0))</p>" } ?? ""
        let next: HTML =
            page.next.map { token in
                var parameters = request.parameters
                parameters.append(("after", token.value))
                return "<a class=\"next\" rel=\"next\" href=\"\(DeskLink.search(parameters))\">الصفحة التالية</a>"
            } ?? ""
        let exports = DeskLink.query(request.parameters)
        let body: HTML = """
            \(Self.filters(request))
            \(entities)
            <section class="results">
            <h1>نتائج البحث</h1>
            \(filterNote)
            <p class="count" id="result-count" data-count="\(count)">\(countText)</p>
            <p class="exports">تصدير: <a href="/export.csv?\(exports)" download>CSV</a> · \
            <a href="/export.jsonl?\(exports)" download>JSON Lines</a></p>
            \(Self.listings(page.items))
            \(next)
            </section>
            """
        return PageLayout.page(title: request.text.isEmpty ? "بحث" : request.text, query: request.text, body: body)
    }

    /// Articles as a result list: title linked, source, day, snippet.
    static func listings(_ items: [ArticleListing]) -> HTML {
        guard !items.isEmpty else { return "<p class=\"empty\">لا مقالات.</p>" }
        return """
            <ol class="listings">\(items.html { item in
                """
                <li class="listing" data-id="\(item.id)"><a class="title" href="\(DeskLink.article(item.id))">\(PageLayout.title(item.title))</a>
                <div class="meta">\(PageLayout.meta(source: item.source, publishedAt: item.publishedAt))</div>
                <p class="snippet">\(item.snippet)</p></li>
                """
            })</ol>
            """
    }

    /// The search form with the request's filters filled in.
    static func filters(_ request: SearchRequest) -> HTML {
        let types = EntityType.allCases.html { type in
            let selected: HTML = request.type == type ? " selected" : ""
            return "<option value=\"\(type.rawValue)\"\(selected)>\(PageLayout.label(type))</option>"
        }
        let relevance: HTML = request.relevance ? " selected" : ""
        return """
            <form class="filters" action="/search" method="get">
            <label>الكلمات <input type="search" name="q" value="\(request.text)"></label>
            <input type="hidden" name="entity" value="\(request.entityID)">
            <label>النوع <select name="type"><option value="">الكل</option>\(types)</select></label>
            <label>المصدر <input type="text" name="source" value="\(request.source)"></label>
            <label>من <input type="date" name="from" value="\(request.from)"></label>
            <label>إلى <input type="date" name="to" value="\(request.to)"></label>
            <label>الترتيب <select name="order"><option value="newest">الأحدث</option>\
            <option value="relevance"\(relevance)>الأقرب</option></select></label>
            <button type="submit">بحث</button>
            </form>
            """
    }
}
