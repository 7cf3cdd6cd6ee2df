import GRDB

extension ArticleStore {
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
            // Matching-key stems of title and body (SearchTerms); filled for the rows already stored.
            try db.execute(sql: "CREATE VIRTUAL TABLE article_search USING fts5(article_id UNINDEXED, terms)")
            for row in try Row.fetchAll(db, sql: "SELECT id, title, body FROM articles") {
                let title: String = row["title"]
                let body: String = row["body"]
                try db.execute(
                    sql: "INSERT INTO article_search (article_id, terms) VALUES (?, ?)",
                    arguments: [row["id"], SearchTerms.indexed(title + "\n" + body)])
            }
        }
        return migrator
    }
}
