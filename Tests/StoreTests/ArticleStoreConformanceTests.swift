import ArticleModel
import Foundation
import StorePort
import StoreTestSupport
import Testing

/// One behaviour, every backend: each case runs against SQLite and, when the run has one, PostgreSQL.
@Suite("ArticleStore conformance")
struct ArticleStoreConformanceTests {
    /// Moscow, mentioned once at scalar offset `start`.
    func moscow(at start: Int) -> Entity {
        Entity(
            id: "LOCATION:موسكو", type: .location, canonical: "موسكو",
            mentions: [EntityMention(text: "موسكو", start: start, end: start + 5)])
    }

    func article(_ id: String, version: String = "v1", entities: [Entity]? = nil) -> EnrichedArticle {
        EnrichedArticle(
            articleID: id,
            url: "https://example.com/\(id)",
            source: "example",
            publishedAt: Date(timeIntervalSince1970: 1_748_400_000.25),
            title: "عنوان \(id)",
            body: "زار عبد اللطيف حموشي فيينا",
            entities: entities ?? [
                Entity(
                    id: "PERSON:عبد اللطيف حموشي",
                    type: .person,
                    canonical: "عبد اللطيف حموشي",
                    mentions: [EntityMention(text: "عبد اللطيف حموشي", start: 4, end: 20)]
                ),
                Entity(
                    id: "LOCATION:فيينا",
                    type: .location,
                    canonical: "فيينا",
                    mentions: [EntityMention(text: "فيينا", start: 21, end: 26)]
                ),
            ],
            enrichmentVersion: version,
            enrichedAt: Date(timeIntervalSince1970: 1_748_400_100.125)
        )
    }

    @Test("a saved article reads back equal, entities in order", arguments: StoreBackend.all)
    func roundTrip(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            let original = article("a1")
            try await store.save([original])
            let stored = try #require(try await store.article(id: "a1"))
            #expect(stored == original)
        }
    }

    @Test(
        "saving the same article again replaces it: no new rows, new version and entities", arguments: StoreBackend.all)
    func upsertReplaces(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            try await store.save([article("a1"), article("a2")])
            let changed = article(
                "a1",
                version: "v2",
                entities: [
                    Entity(
                        id: "LOCATION:موسكو",
                        type: .location,
                        canonical: "موسكو",
                        mentions: [EntityMention(text: "موسكو", start: 0, end: 5)]
                    )
                ]
            )
            try await store.save([changed])
            #expect(try await store.articleCount() == 2)
            #expect(try await store.article(id: "a1") == changed)
            #expect(try await store.article(id: "a2") == article("a2"))
        }
    }

    @Test("a batch with a bad row stores nothing of the batch", arguments: StoreBackend.all)
    func batchIsAtomic(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            let bad = article(
                "bad",
                entities: [
                    Entity(
                        id: "X", type: .person, canonical: "x", mentions: [EntityMention(text: "", start: 5, end: 5)])
                ]
            )
            await #expect(throws: StoreError.self) { try await store.save([article("ok"), bad]) }
            #expect(try await store.articleCount() == 0)
        }
    }

    @Test(
        "a batch records its consumed offsets in the same transaction; each save counts one more write",
        arguments: StoreBackend.all)
    func offsetsAndWriteCounts(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            let offsets = [
                MessagePosition(topic: "t", partition: 0, offset: 42),
                MessagePosition(topic: "t", partition: 1, offset: 7),
            ]
            try await store.save([article("a"), article("b")], consumed: offsets, group: "g")
            try await store.save(
                [article("a", version: "v2")], consumed: [.init(topic: "t", partition: 0, offset: 43)], group: "g")
            #expect(
                try await store.storedOffsets(group: "g")
                    == [.init(topic: "t", partition: 0): 43, .init(topic: "t", partition: 1): 7])
            #expect(try await store.storedOffsets(group: "other").isEmpty)
            #expect(try await store.writeCounts() == ["a": 2, "b": 1])
        }
    }

    @Test(
        "a message already stored, saved again by an enricher that lost its partition, is written once; a replay rewrites",
        arguments: StoreBackend.all)
    func redeliveredMessageStoredOnce(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            let position = MessagePosition(topic: "t", partition: 0, offset: 5)
            let message = HandledMessage(position: position, digest: 99, outcome: .stored)
            let other = HandledMessage(
                position: MessagePosition(topic: "t", partition: 0, offset: 6), digest: 7, outcome: .stored)
            try await store.save([article("a")], handled: [message], group: "g")
            try await store.save([article("a"), article("b")], handled: [message, other], group: "g")
            #expect(try await store.writeCounts() == ["a": 1, "b": 1])
            // The same position holding a different message (a topic created again) is a new article.
            let recreated = HandledMessage(position: position, digest: 100, outcome: .stored)
            try await store.save([article("a", version: "v2")], handled: [recreated], group: "g")
            #expect(try await store.writeCounts() == ["a": 2, "b": 1])
            // A replay under a newer enrichment version rewrites what the message stored.
            try await store.save([article("a", version: "v3")], handled: [recreated], group: "g")
            #expect(try await store.writeCounts() == ["a": 3, "b": 1])
        }
    }

    @Test(
        "a later article that writes only the surname gets the full-named person's id and canonical form",
        arguments: StoreBackend.all)
    func aliasesLinkAcrossArticles(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            let full = Entity(
                id: "PERSON:عبد اللطيف حموشي", type: .person, canonical: "عبد اللطيف حموشي",
                mentions: [
                    EntityMention(text: "عبد اللطيف حموشي", start: 4, end: 20),
                    EntityMention(text: "حموشي", start: 30, end: 35),
                ])
            try await store.save([article("first", entities: [full])])
            let short = Entity(
                id: "PERSON:الحموشي", type: .person, canonical: "الحموشي",
                mentions: [EntityMention(text: "الحموشي", start: 4, end: 11)])
            let other = Entity(
                id: "PERSON:بوتين", type: .person, canonical: "بوتين",
                mentions: [EntityMention(text: "بوتين", start: 12, end: 17)])
            try await store.save([article("later", entities: [short, other])])
            let later = try #require(try await store.article(id: "later"))
            #expect(later.entities.map(\.id) == ["PERSON:عبد اللطيف حموشي", "PERSON:بوتين"])
            #expect(later.entities[0].canonical == "عبد اللطيف حموشي")
            #expect(later.entities[0].mentions.map(\.text) == ["الحموشي"])
        }
    }

    @Test(
        "search matches spelling variants, clitics and the article: الحموشي finds حموشي, فيينا finds لفيينا",
        arguments: StoreBackend.all)
    func searchIgnoresVariantsAndClitics(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            func stored(_ id: String, _ body: String) -> EnrichedArticle {
                var value = article(id, entities: [])
                value.body = body
                return value
            }
            try await store.save([
                stored("short", "التقى حموشي بنظيره في الرباط."),
                stored("full", "زار عبد اللطيف حموشي مقر الإنتربول."),
                stored("vienna", "وصل الوفد لفيينا ثم عاد بفيينا إلى مكتبه."),
                stored("other", "اجتماع في باريس حول الأمن."),
            ])
            func found(_ text: String) async throws -> [String] {
                try await store.searchArticles(ArticleSearch(text: text)).items.map(\.id)
            }
            #expect(Set(try await found("الحموشي")) == ["short", "full"])
            #expect(Set(try await found("فيينا")) == ["vienna"])
            #expect(try await found("حموشي الانتربول") == ["full"])
            #expect(try await found("موسكو").isEmpty)
            // Nothing searchable: no text condition, every article, newest first.
            #expect(try await found("\"").count == 4)
        }
    }

    @Test(
        "search filters: entity ids, entity type, publication range and source, each and together",
        arguments: StoreBackend.all)
    func searchFilters(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            let moscow = self.moscow(at: 0)
            var early = article("early")
            early.publishedAt = Date(timeIntervalSince1970: 1_600_000_000)
            var late = article("late", entities: article("x").entities + [moscow])
            late.publishedAt = Date(timeIntervalSince1970: 1_800_000_000)
            late.source = "other"
            var undated = article("undated", entities: [moscow])
            undated.publishedAt = nil
            try await store.save([early, late, undated])

            func found(_ search: ArticleSearch) async throws -> [String] {
                try await store.searchArticles(search).items.map(\.id)
            }
            let hammouchi = "PERSON:عبد اللطيف حموشي"
            #expect(try await found(ArticleSearch()) == ["late", "early", "undated"])
            #expect(try await found(ArticleSearch(entityIDs: [hammouchi])) == ["late", "early"])
            #expect(try await found(ArticleSearch(entityIDs: [hammouchi, "LOCATION:موسكو"])) == ["late"])
            #expect(try await found(ArticleSearch(entityType: .person)) == ["late", "early"])
            #expect(try await found(ArticleSearch(entityType: .date)).isEmpty)
            let from = Date(timeIntervalSince1970: 1_700_000_000)
            #expect(try await found(ArticleSearch(publishedFrom: from)) == ["late"])
            #expect(try await found(ArticleSearch(publishedBefore: from)) == ["early"])
            #expect(try await found(ArticleSearch(source: "other")) == ["late"])
            // Dates bound each index walked: the full-text rows, an entity's links, all articles.
            #expect(try await found(ArticleSearch(text: "فيينا", publishedFrom: from)) == ["late"])
            #expect(try await found(ArticleSearch(text: "فيينا", publishedBefore: from)) == ["early"])
            #expect(try await found(ArticleSearch(entityIDs: ["LOCATION:موسكو"], publishedBefore: from)).isEmpty)
            #expect(try await found(ArticleSearch(entityIDs: [hammouchi], publishedBefore: from)) == ["early"])
            #expect(try await found(ArticleSearch(text: "فيينا", order: .relevance)).count == 3)
            #expect(
                try await found(ArticleSearch(text: "فيينا", entityIDs: ["LOCATION:موسكو"], source: "other")) == [
                    "late"
                ])
            #expect(try await found(ArticleSearch(source: "' OR 1=1 --")).isEmpty)
        }
    }

    @Test(
        "pages: every article once whatever the page size, with and without text; foreign tokens refused",
        arguments: StoreBackend.all)
    func paging(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            var articles: [EnrichedArticle] = []
            for index in 0..<7 {
                var value = article("a\(index)")
                // Two share a time, one has none: ties and unknown dates must page too.
                value.publishedAt = index == 6 ? nil : Date(timeIntervalSince1970: 1_700_000_000 + Double(index / 2))
                articles.append(value)
            }
            try await store.save(articles)
            let searches = [
                ArticleSearch(), ArticleSearch(text: "فيينا"), ArticleSearch(text: "فيينا", order: .relevance),
                ArticleSearch(entityIDs: ["LOCATION:فيينا"]),
            ]
            for search in searches {
                for size in [1, 2, 3, 7, 8] {
                    var seen: [String] = []
                    var token: PageToken?
                    repeat {
                        // Through its text, as a client hands it back.
                        let page = try await store.searchArticles(
                            search, after: token.map { PageToken($0.value) }, limit: size)
                        seen += page.items.map(\.id)
                        token = page.next
                    } while token != nil
                    #expect(seen.sorted() == articles.map(\.articleID).sorted(), "\(search) in pages of \(size)")
                }
            }
            await #expect(throws: StoreError(.invalidCursor, "")) {
                try await store.searchArticles(ArticleSearch(), after: PageToken("not a token"), limit: 5)
            }
            let entityToken = try #require(try await store.entities(limit: 1).next)
            await #expect(throws: StoreError(.invalidCursor, "")) {
                try await store.searchArticles(ArticleSearch(), after: entityToken, limit: 5)
            }
        }
    }

    @Test(
        "an entity is found by any name it was written with: الحموشي, حموشي, the full name; المغرب and مغرب",
        arguments: StoreBackend.all)
    func entitiesByName(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            let hammouchi = Entity(
                id: "PERSON:عبد اللطيف حموشي", type: .person, canonical: "عبد اللطيف حموشي",
                mentions: [
                    EntityMention(text: "عبد اللطيف حموشي", start: 4, end: 20),
                    EntityMention(text: "الحموشي", start: 30, end: 37),
                ])
            let morocco = Entity(
                id: "LOCATION:المغرب", type: .location, canonical: "المغرب",
                mentions: [EntityMention(text: "المغرب", start: 40, end: 46)])
            try await store.save([article("a", entities: [hammouchi, morocco])])
            for name in ["الحموشي", "حموشي", "عبد اللطيف حموشي", "عبد اللطيف حموشى"] {
                #expect(
                    try await store.entities(named: name, type: nil, limit: 5).map(\.id)
                        == ["PERSON:عبد اللطيف حموشي"], "\(name)")
            }
            #expect(try await store.entities(named: "مغرب", type: nil, limit: 5).map(\.id) == ["LOCATION:المغرب"])
            #expect(try await store.entities(named: "المغرب", type: .location, limit: 5).count == 1)
            #expect(try await store.entities(named: "المغرب", type: .person, limit: 5).isEmpty)
            #expect(try await store.entities(named: "اللطيف", type: nil, limit: 5).isEmpty)
            #expect(try await store.entities(named: "«»", type: nil, limit: 5).isEmpty)
        }
    }

    @Test(
        "the web view's queries: search counts, surface forms, articles per day, rising entities",
        arguments: StoreBackend.all)
    func trendQueries(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            let day = 86_400.0
            // 2025-05-20 00:00 UTC and the days after it.
            let start = Date(timeIntervalSince1970: 1_747_699_200)
            func dated(_ id: String, days: Double, entities: [Entity]? = nil) -> EnrichedArticle {
                var stored = article(id, entities: entities)
                stored.publishedAt = start.addingTimeInterval(days * day)
                return stored
            }
            let shortForm = Entity(
                id: "PERSON:عبد اللطيف حموشي", type: .person, canonical: "عبد اللطيف حموشي",
                mentions: [EntityMention(text: "حموشي", start: 15, end: 20)])
            var undated = article("undated", entities: [moscow(at: 0)])
            undated.publishedAt = nil
            try await store.save([
                dated("week1", days: 0.5), dated("week2-a", days: 7.25, entities: [shortForm, moscow(at: 0)]),
                dated("week2-b", days: 7.75, entities: [moscow(at: 0)]),
                dated("week2-c", days: 9, entities: [moscow(at: 0)]),
                undated,
            ])

            #expect(try await store.countArticles(ArticleSearch(), upTo: 100) == 5)
            #expect(try await store.countArticles(ArticleSearch(), upTo: 3) == 3)
            #expect(try await store.countArticles(ArticleSearch(text: "فيينا", order: .relevance), upTo: 100) == 5)
            #expect(try await store.countArticles(ArticleSearch(entityIDs: ["LOCATION:موسكو"]), upTo: 100) == 4)
            #expect(try await store.countArticles(ArticleSearch(text: "غائبة"), upTo: 100) == 0)

            let forms = try await store.surfaceForms(of: "PERSON:عبد اللطيف حموشي", limit: 10)
            // Ties in code point order, the same in both backends.
            #expect(
                forms == [SurfaceForm(text: "حموشي", mentions: 1), SurfaceForm(text: "عبد اللطيف حموشي", mentions: 1)])
            #expect(try await store.surfaceForms(of: "PERSON:nobody", limit: 10).isEmpty)

            // Undated articles have no day; two articles on one day count there once each.
            let everyDay = try await store.publicationDays(mentioning: nil, from: nil)
            #expect(everyDay.map(\.day) == [0.0, 7, 9].map { start.addingTimeInterval($0 * day) })
            #expect(everyDay.map(\.articles) == [1, 2, 1])
            let moscowDays = try await store.publicationDays(
                mentioning: "LOCATION:موسكو", from: start.addingTimeInterval(8 * day))
            #expect(moscowDays.map(\.articles) == [1] && moscowDays.first?.day == start.addingTimeInterval(9 * day))

            // Week two against week one: Moscow rose from 0 to 3 articles, Vienna fell, Hammouchi stayed at 1.
            let rising = try await store.risingEntities(
                in: DateInterval(start: start.addingTimeInterval(7 * day), duration: 7 * day), limit: 10)
            #expect(rising.map(\.entity.id) == ["LOCATION:موسكو"])
            #expect(rising.first?.recentArticles == 3 && rising.first?.earlierArticles == 0)
        }
    }

    @Test(
        "entities by article count, co-occurrences, an entity's articles newest first, stats",
        arguments: StoreBackend.all)
    func entityQueries(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            let moscow = self.moscow(at: 30)
            var older = article("older")
            older.publishedAt = Date(timeIntervalSince1970: 1_700_000_000)
            var newer = article("newer", entities: article("x").entities + [moscow])
            newer.publishedAt = Date(timeIntervalSince1970: 1_800_000_000)
            // Saved twice: replacing an article must not count its entities twice.
            try await store.save([older, newer, article("moscow only", entities: [moscow])])
            try await store.save([newer])

            let people = try await store.entities(type: .person).items
            #expect(people.map(\.canonical) == ["عبد اللطيف حموشي"] && people[0].articleCount == 2)
            #expect(try await store.entities().items.map(\.articleCount) == [2, 2, 2])
            #expect(try await store.entities(prefix: "عبد").items.map(\.id) == ["PERSON:عبد اللطيف حموشي"])
            // The prefix is compared by matching key: ى and ي meet.
            #expect(try await store.entities(prefix: "عبد اللطيف حموشى").items.map(\.id) == ["PERSON:عبد اللطيف حموشي"])
            #expect(try await store.entities(prefix: "%").items.isEmpty)
            let firstPage = try await store.entities(limit: 2)
            let secondPage = try await store.entities(type: nil, prefix: "", after: firstPage.next, limit: 2)
            #expect(firstPage.items.count == 2 && secondPage.items.count == 1 && secondPage.next == nil)
            let together = try await store.coOccurrences(of: "PERSON:عبد اللطيف حموشي")
            #expect(together.map(\.entity.id) == ["LOCATION:فيينا", "LOCATION:موسكو"])
            #expect(together.map(\.sharedArticles) == [2, 1])
            #expect(
                try await store.coOccurrences(of: "PERSON:عبد اللطيف حموشي", type: .organization, limit: 20).isEmpty)
            // Among his newest article only: the one that also names Moscow.
            let recent = try await store.coOccurrences(
                of: "PERSON:عبد اللطيف حموشي", type: nil, amongNewest: 1, limit: 20)
            #expect(
                recent.map(\.entity.id) == ["LOCATION:فيينا", "LOCATION:موسكو"]
                    && recent.allSatisfy { $0.sharedArticles == 1 })
            #expect(
                try await store.coOccurrences(of: "PERSON:عبد اللطيف حموشي", type: .location, amongNewest: 1, limit: 1)
                    .map(\.entity.id) == ["LOCATION:فيينا"])
            #expect(
                try await store.articles(mentioning: "PERSON:عبد اللطيف حموشي").items.map(\.id) == ["newer", "older"])
            #expect(try await store.entity(id: "PERSON:عبد اللطيف حموشي")?.mentionCount == 2)
            #expect(try await store.entity(id: "PERSON:nobody") == nil)
            let stats = try await store.stats()
            #expect(
                stats.articles == 3 && stats.byType[.person]?.entities == 1 && stats.byType[.location]?.entities == 2)
            #expect(stats.byType[.date]?.entities == 0 && stats.mentions == 6 && stats.entities == 3)
            #expect(stats.bySource.map(\.articles) == [3] && stats.byEnrichmentVersion.first?.key == "v1")
            #expect(stats.newestPublished == Date(timeIntervalSince1970: 1_800_000_000))
        }
    }

    @Test(
        "a date whose year is unknown is stored, read back and found by its month like any other",
        arguments: StoreBackend.all)
    func yearlessDate(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            func date(_ value: String, at start: Int) -> Entity {
                Entity(
                    id: "DATE:\(value)", type: .date, canonical: value,
                    mentions: [EntityMention(text: "فيينا", start: start, end: start + 5)], value: value)
            }
            let yearless = article("yearless", entities: [date("--09-15", at: 21)])
            let dated = article("dated", entities: [date("2022-09-15", at: 21)])
            try await store.save([yearless, dated])
            #expect(try await store.article(id: "yearless") == yearless)
            #expect(try await store.entity(id: "DATE:--09-15")?.value == "--09-15")
            #expect(try await store.entities(type: .date, prefix: "--09").items.map(\.id) == ["DATE:--09-15"])
            #expect(try await store.entities(type: .date, prefix: "2022-09").items.map(\.id) == ["DATE:2022-09-15"])
        }
    }

    @Test("articles come newest first and honour the limit", arguments: StoreBackend.all)
    func listing(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            var older = article("old")
            older.publishedAt = Date(timeIntervalSince1970: 1_600_000_000)
            try await store.save([older, article("new")])
            #expect(try await store.articles().map(\.articleID) == ["new", "old"])
            #expect(try await store.articles(limit: 1).map(\.articleID) == ["new"])
        }
    }

    @Test(
        "a day of date-only articles shares one millisecond: all searchable, between the days around them",
        arguments: StoreBackend.all)
    func sameMillisecondArticles(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            let midnight = Date(timeIntervalSince1970: 1_748_390_400)
            func dated(_ id: String, _ date: Date) -> EnrichedArticle {
                var value = article(id, entities: [])
                value.publishedAt = date
                return value
            }
            let day = (0..<3_000).map { dated("day-\($0)", midnight) }
            try await store.save([dated("before", midnight - 86_400)] + day + [dated("after", midnight + 86_400)])
            var found: [String] = []
            var token: PageToken?
            repeat {
                let page = try await store.searchArticles(ArticleSearch(text: "حموشي"), after: token, limit: 500)
                found += page.items.map(\.id)
                token = page.next
            } while token != nil
            #expect(found.count == 3_002)
            #expect(found.first == "after" && found.last == "before")
            #expect(Set(found.dropFirst().dropLast()) == Set(day.map(\.articleID)))
        }
    }

    @Test(
        "a message is known as handled only at its position with the same digest: a re-created topic's is new",
        arguments: StoreBackend.all)
    func handledMessagesNeedTheSameDigest(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            let position = MessagePosition(topic: "t", partition: 0, offset: 7)
            try await store.save(
                [article("a")], handled: [HandledMessage(position: position, digest: 42, outcome: .stored)])
            #expect(
                try await store.outcome(of: HandledMessage(position: position, digest: 42, outcome: .stored)) == .stored
            )
            #expect(
                try await store.outcome(of: HandledMessage(position: position, digest: 43, outcome: .stored)) == nil)
            let elsewhere = MessagePosition(topic: "t", partition: 1, offset: 7)
            #expect(
                try await store.outcome(of: HandledMessage(position: elsewhere, digest: 42, outcome: .stored)) == nil)
            // The message now at that offset replaces the record.
            try await store.save([], handled: [HandledMessage(position: position, digest: 43, outcome: .deadLettered)])
            #expect(
                try await store.outcome(of: HandledMessage(position: position, digest: 43, outcome: .stored))
                    == .deadLettered)
        }
    }

    @Test(
        "one batch holding an article twice stores its later version, counted as two writes",
        arguments: StoreBackend.all)
    func articleTwiceInABatch(backend: StoreBackend) async throws {
        try await backend.withStore { store throws in
            let later = article("a", version: "v2", entities: [moscow(at: 0)])
            try await store.save([article("a"), article("b"), later])
            #expect(try await store.article(id: "a") == later)
            #expect(try await store.writeCounts() == ["a": 2, "b": 1])
            #expect(try await store.entity(id: "LOCATION:موسكو")?.articleCount == 1)
            #expect(try await store.entity(id: "LOCATION:فيينا")?.articleCount == 1)
        }
    }
}
