import GRDB
import StorePort

extension SQLiteArticleStore {
    /// The schema, as named migrations. Append new migrations; never edit a released one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: articles, entities, mentions") { db in
            try db.create(table: "articles") { t in
                t.primaryKey("id", .text).check { length($0) > 0 }
                t.column("url", .text)
                t.column("source", .text)
                t.column("published_at", .datetime)
                t.column("title", .text).notNull()
                t.column("body", .text).notNull()
                t.column("enrichment_version", .text).notNull()
                t.column("enriched_at", .datetime).notNull()
            }
            try db.create(table: "entities") { t in
                t.primaryKey("id", .text)
                t.column("type", .text).notNull()
                    .check { ["PERSON", "ORGANIZATION", "LOCATION", "DATE"].contains($0) }
                t.column("canonical", .text).notNull()
            }
            try db.create(index: "entities_on_type_canonical", on: "entities", columns: ["type", "canonical"])
            try db.create(table: "article_entities") { t in
                t.column("article_id", .text).notNull()
                    .references("articles", onDelete: .cascade)
                t.column("entity_id", .text).notNull().indexed()
                    .references("entities", onDelete: .restrict)
                t.column("value", .text)
                t.column("position", .integer).notNull()
                t.primaryKey(["article_id", "entity_id"])
            }
            try db.create(table: "mentions") { t in
                t.column("article_id", .text).notNull()
                t.column("entity_id", .text).notNull()
                t.column("start", .integer).notNull().check { $0 >= 0 }
                t.column("end", .integer).notNull()
                t.column("text", .text).notNull()
                t.primaryKey(["article_id", "start"])
                t.foreignKey(
                    ["article_id", "entity_id"],
                    references: "article_entities",
                    columns: ["article_id", "entity_id"],
                    onDelete: .cascade
                )
                t.check(sql: "\"end\" > start")
            }
        }
        migrator.registerMigration("v2: write counts, consumer offsets") { db in
            // How many times the row was written: 1 after a single delivery, +1 per replay. Tests of
            // crashes and rebalances read it to show that no message was stored twice.
            try db.alter(table: "articles") { t in
                t.add(column: "write_count", .integer).notNull().defaults(to: 1)
            }
            // The next offset to process per group and partition, written in the same transaction as the
            // articles: after a crash between the store and the Kafka commit, the enricher skips what is
            // stored instead of storing it again.
            try db.create(table: "consumer_offsets") { t in
                t.column("group_id", .text).notNull()
                t.column("topic", .text).notNull()
                t.column("partition", .integer).notNull()
                t.column("next_offset", .integer).notNull()
                t.primaryKey(["group_id", "topic", "partition"])
            }
        }
        migrator.registerMigration("v3: entity aliases") { db in
            // Every way a full-named person was written, by matching key (see EntityAliases).
            try db.create(table: "entity_aliases") { t in
                t.column("alias_key", .text).notNull()
                t.column("entity_id", .text).notNull().references("entities", onDelete: .cascade)
                t.primaryKey(["alias_key", "entity_id"])
            }
        }
        migrator.registerMigration("v4: full-text search") { db in
            // Matching-key stems of title and body (SearchKeys); filled for the rows already stored.
            try db.execute(sql: "CREATE VIRTUAL TABLE article_search USING fts5(article_id UNINDEXED, terms)")
            for row in try Row.fetchAll(db, sql: "SELECT id, title, body FROM articles") {
                let title: String = row["title"]
                let body: String = row["body"]
                try db.execute(
                    sql: "INSERT INTO article_search (article_id, terms) VALUES (?, ?)",
                    arguments: [row["id"], SearchKeys.indexed(title + "\n" + body)])
            }
        }
        migrator.registerMigration("v5: query keys and counts") { db in
            // Entity lists page by article count and match name prefixes by matching key; triggers keep the
            // counts right however links and mentions are written or cascaded away.
            try db.alter(table: "entities") { t in
                t.add(column: "canonical_key", .text).notNull().defaults(to: "")
                t.add(column: "article_count", .integer).notNull().defaults(to: 0)
                t.add(column: "mention_count", .integer).notNull().defaults(to: 0)
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, canonical FROM entities") {
                let canonical: String = row["canonical"]
                try db.execute(
                    sql: "UPDATE entities SET canonical_key = ? WHERE id = ?",
                    arguments: [SearchKeys.name(canonical), row["id"]])
            }
            try db.execute(
                sql: """
                    UPDATE entities SET
                        article_count = (SELECT COUNT(*) FROM article_entities WHERE entity_id = entities.id),
                        mention_count = (SELECT COUNT(*) FROM mentions WHERE entity_id = entities.id);
                    CREATE TRIGGER article_entities_counted AFTER INSERT ON article_entities BEGIN
                        UPDATE entities SET article_count = article_count + 1 WHERE id = NEW.entity_id;
                    END;
                    CREATE TRIGGER article_entities_uncounted AFTER DELETE ON article_entities BEGIN
                        UPDATE entities SET article_count = article_count - 1 WHERE id = OLD.entity_id;
                    END;
                    CREATE TRIGGER mentions_counted AFTER INSERT ON mentions BEGIN
                        UPDATE entities SET mention_count = mention_count + 1 WHERE id = NEW.entity_id;
                    END;
                    CREATE TRIGGER mentions_uncounted AFTER DELETE ON mentions BEGIN
                        UPDATE entities SET mention_count = mention_count - 1 WHERE id = OLD.entity_id;
                    END;
                    CREATE INDEX entities_by_articles ON entities(article_count DESC, id);
                    CREATE INDEX entities_by_type_articles ON entities(type, article_count DESC, id);
                    """)
            // An entity's articles page newest first straight off an index: each link carries its article's
            // publication time ('' when unknown, so those come last).
            try db.alter(table: "article_entities") { t in
                t.add(column: "published_key", .text).notNull().defaults(to: "")
            }
            try db.execute(
                sql: """
                    UPDATE article_entities SET published_key =
                        (SELECT COALESCE(published_at, '') FROM articles WHERE id = article_entities.article_id);
                    CREATE INDEX article_entities_by_newest ON article_entities(entity_id, published_key DESC, article_id DESC);
                    CREATE INDEX articles_by_newest ON articles(COALESCE(published_at, '') DESC, id DESC);
                    """)
        }
        migrator.registerMigration("v6: search rows in publication order") { db in
            // Search rows get rowids in publication order (SearchRowID), and each article records its row:
            // replacing a row by its UNINDEXED article_id scanned the whole index on every save.
            try db.alter(table: "articles") { t in t.add(column: "search_rowid", .integer) }
            try reorderSearchRows(db)
            try db.create(
                index: "articles_on_search_rowid", on: "articles", columns: ["search_rowid"], options: .unique)
        }
        migrator.registerMigration("v7: handled messages") { db in
            // What became of each message, by where it was read and a digest of its key and bytes. A stored next
            // offset alone cannot tell a message read again from a new one at the same place (a topic deleted and
            // created again, a broker that lost its data), and a replay must not dead-letter a message twice.
            try db.create(table: "handled_messages", options: .withoutRowID) { t in
                t.column("topic", .text).notNull()
                t.column("partition", .integer).notNull()
                t.column("offset", .integer).notNull()
                t.column("digest", .integer).notNull()
                t.column("outcome", .text).notNull().check { ["stored", "dead-lettered"].contains($0) }
                t.primaryKey(["topic", "partition", "offset"])
            }
        }
        migrator.registerMigration("v8: 32,768 search rows per millisecond") { db in
            // 1,024 slots per millisecond made saving quadratic once a day's date-only articles filled midnight's.
            try db.execute(sql: "UPDATE articles SET search_rowid = NULL")
            try reorderSearchRows(db)
        }
        migrator.registerMigration("v9: entities by name key") { db in
            // Looking an entity up by name (`query entity`) matches its key exactly.
            try db.create(index: "entities_by_key", on: "entities", columns: ["canonical_key"])
        }
        migrator.registerMigration("v10: mentions by entity") { db in
            // An entity's surface forms are counted off this index alone, not off every mention in the store.
            try db.create(index: "mentions_by_entity", on: "mentions", columns: ["entity_id", "text"])
        }
        migrator.registerMigration("v11: totals off indexes") { db in
            // Stats (the web view's overview, `query stats`) count by source and version and find the last
            // enrichment off these, instead of reading every article's row, bodies and all.
            try db.create(index: "articles_by_source", on: "articles", columns: ["source"])
            try db.create(index: "articles_by_version", on: "articles", columns: ["enrichment_version"])
            try db.create(index: "articles_by_enriched", on: "articles", columns: ["enriched_at"])
        }
        migrator.registerMigration("v12: one source's articles newest first") { db in
            // A list of one source's articles walks this index in order; by source alone, it sorted all of them
            // first (28 ms for a source of 12,000 articles). Stats still count by source off its first column.
            try db.execute(
                sql: """
                    CREATE INDEX articles_by_source_newest ON articles(source, COALESCE(published_at, '') DESC, id DESC);
                    DROP INDEX articles_by_source;
                    """)
        }
        return migrator
    }

    /// Copies the search index into a new one whose rowids are ``SearchRowID``s, in publication order, and records
    /// each article's row.
    private static func reorderSearchRows(_ db: Database) throws {
        try db.execute(sql: "CREATE VIRTUAL TABLE article_search_ordered USING fts5(article_id UNINDEXED, terms)")
        let rows = try Row.fetchCursor(
            db,
            sql:
                "SELECT s.article_id, s.terms, a.published_at FROM article_search s JOIN articles a ON a.id = s.article_id"
        )
        while let row = try rows.next() {
            let id: String = row["article_id"]
            let rowid = try SearchRowID.free(
                forArticle: id, publishedAt: row["published_at"], in: db, table: "article_search_ordered")
            try db.execute(
                sql: "INSERT INTO article_search_ordered (rowid, article_id, terms) VALUES (?, ?, ?)",
                arguments: [rowid, id, row["terms"]])
            try db.execute(sql: "UPDATE articles SET search_rowid = ? WHERE id = ?", arguments: [rowid, id])
        }
        try db.execute(sql: "DROP TABLE article_search")
        try db.execute(sql: "ALTER TABLE article_search_ordered RENAME TO article_search")
    }
}
