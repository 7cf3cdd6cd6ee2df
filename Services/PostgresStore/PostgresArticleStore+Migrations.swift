import Logging
import PostgresNIO

extension PostgresArticleStore {
    /// One step of the schema. Append new ones; never edit a released one.
    struct Migration {
        let version: Int
        let name: String
        let statements: [PostgresQuery]
    }

    /// The schema, in order.
    ///
    /// Articles, links and full-text rows carry a sort key (publication time in microseconds, the lowest value when
    /// unknown) so every list walks an index in result order: newest first, undated last.
    static let migrations: [Migration] = [
        Migration(
            version: 1, name: "articles, entities, links, mentions, aliases, messages, offsets",
            statements: [
                """
                CREATE TABLE articles (
                    id text PRIMARY KEY CHECK (length(id) > 0),
                    url text,
                    source text,
                    published_at timestamptz,
                    sort_key bigint NOT NULL,
                    title text NOT NULL,
                    body text NOT NULL,
                    enrichment_version text NOT NULL,
                    enriched_at timestamptz NOT NULL,
                    write_count integer NOT NULL,
                    search_vector tsvector NOT NULL
                )
                """,
                "CREATE INDEX articles_by_newest ON articles (sort_key DESC, id DESC)",
                "CREATE INDEX articles_by_source ON articles (source, sort_key DESC, id DESC)",
                "CREATE INDEX articles_search ON articles USING gin (search_vector)",
                """
                CREATE TABLE entities (
                    id text PRIMARY KEY,
                    type text NOT NULL CHECK (type IN ('PERSON', 'ORGANIZATION', 'LOCATION', 'DATE')),
                    canonical text NOT NULL,
                    canonical_key text COLLATE "C" NOT NULL,
                    article_count integer NOT NULL DEFAULT 0,
                    mention_count integer NOT NULL DEFAULT 0
                )
                """,
                "CREATE INDEX entities_by_articles ON entities (article_count DESC, id)",
                "CREATE INDEX entities_by_type_articles ON entities (type, article_count DESC, id)",
                "CREATE INDEX entities_by_key ON entities (canonical_key)",
                """
                CREATE TABLE article_entities (
                    article_id text NOT NULL REFERENCES articles ON DELETE CASCADE,
                    entity_id text NOT NULL REFERENCES entities,
                    value text,
                    position integer NOT NULL,
                    sort_key bigint NOT NULL,
                    PRIMARY KEY (article_id, entity_id)
                )
                """,
                "CREATE INDEX article_entities_by_newest ON article_entities (entity_id, sort_key DESC, article_id DESC)",
                """
                CREATE TABLE mentions (
                    article_id text NOT NULL,
                    entity_id text NOT NULL,
                    start integer NOT NULL CHECK (start >= 0),
                    "end" integer NOT NULL,
                    text text NOT NULL,
                    PRIMARY KEY (article_id, start),
                    FOREIGN KEY (article_id, entity_id) REFERENCES article_entities ON DELETE CASCADE,
                    CHECK ("end" > start)
                )
                """,
                """
                CREATE TABLE entity_aliases (
                    alias_key text COLLATE "C" NOT NULL,
                    entity_id text NOT NULL REFERENCES entities ON DELETE CASCADE,
                    PRIMARY KEY (alias_key, entity_id)
                )
                """,
                """
                CREATE TABLE handled_messages (
                    topic text NOT NULL,
                    partition integer NOT NULL,
                    "offset" bigint NOT NULL,
                    digest bigint NOT NULL,
                    outcome text NOT NULL CHECK (outcome IN ('stored', 'dead-lettered')),
                    PRIMARY KEY (topic, partition, "offset")
                )
                """,
                """
                CREATE TABLE consumer_offsets (
                    group_id text NOT NULL,
                    topic text NOT NULL,
                    partition integer NOT NULL,
                    next_offset bigint NOT NULL,
                    PRIMARY KEY (group_id, topic, partition)
                )
                """,
            ]),
        // A ranked search reads the vector of each of its window's rows. Out of line, or compressed with pglz
        // (most article vectors are both by default), that costs ten times the rest of the query. Rows up to a
        // page keep the vector inline and uncompressed; larger ones still go out of line. Rows written before
        // this step keep their old layout until rewritten (a replay rewrites them).
        Migration(
            version: 2, name: "search vectors inline and uncompressed",
            statements: [
                "ALTER TABLE articles SET (toast_tuple_target = 8160)",
                "ALTER TABLE articles ALTER COLUMN search_vector SET STORAGE EXTERNAL",
            ]),
        // An entity's surface forms are counted off this index alone, not off every mention in the store.
        Migration(
            version: 3, name: "mentions by entity",
            statements: ["CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions (entity_id, text)"]),
        // A ranked search ranks the newest matches of its terms. For a word in a few percent of the articles, walking
        // articles newest first reads tens of thousands of rows before it has them, and fetching every match through
        // the GIN index on `articles` reads one wide row per match. This narrow table holds each article's terms,
        // without positions and out of line when long, beside its sort key; its own GIN index finds the matches and
        // the scan reads a few small rows per page.
        Migration(
            version: 4, name: "article terms in a narrow table",
            statements: [
                """
                CREATE TABLE article_terms (
                    article_id text PRIMARY KEY REFERENCES articles ON DELETE CASCADE,
                    sort_key bigint NOT NULL,
                    terms tsvector NOT NULL
                )
                """,
                "ALTER TABLE article_terms ALTER COLUMN terms SET STORAGE EXTERNAL",
                "INSERT INTO article_terms SELECT id, sort_key, strip(search_vector) FROM articles",
                "CREATE INDEX article_terms_search ON article_terms USING gin (terms)",
            ]),
        // The newest matches of a word in a tenth of the articles are still few of its matches, yet the index above
        // hands over all of them, each a row to read. With the sort key in the index too (btree_gin, from
        // PostgreSQL's contrib), a ranked search reads only the matches in a slice of the newest articles
        // (``RelevanceWindow``). The extension goes in `public`, once per database whatever the schema, so that
        // dropping one store's schema never takes other stores' indexes with it.
        Migration(
            version: 5, name: "article terms indexed with their sort key",
            statements: [
                "SELECT pg_advisory_xact_lock(hashtextextended('akhbar-extensions', 0))",
                "CREATE EXTENSION IF NOT EXISTS btree_gin SCHEMA public",
                "CREATE INDEX article_terms_by_newest ON article_terms USING gin (terms, sort_key)",
                "DROP INDEX article_terms_search",
            ]),
    ]

    /// Brings the schema up to date, once however many enrichers start together: the first to take the advisory
    /// lock applies what is missing, the others wait for it and then find nothing to do.
    ///
    /// - Parameter schema: the schema the tables go in, created if missing (its name checked by the configuration);
    ///   PostgreSQL's `public` when nil.
    static func migrate(_ client: PostgresClient, schema: String?, logger: Logger) async throws {
        try await client.withTransaction(logger: logger) { connection in
            let lock = "akhbar-migrations:" + (schema ?? "public")
            try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\(lock), 0))", logger: logger)
            if let schema {
                try await connection.query(
                    PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \"\(schema)\""), logger: logger)
            }
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var applied: Set<Int> = []
            for try await version in try await connection.query(
                "SELECT version FROM schema_migrations", logger: logger
            ).decode(Int.self) {
                applied.insert(version)
            }
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.query(statement, logger: logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
                logger.info("applied store migration", metadata: ["version": "\(migration.version)"])
            }
        }
    }
}
