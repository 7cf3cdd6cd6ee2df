import ArticleModel
import GRDB
import StorePort

/// The stored alias table that gives a person one entity id across articles (see ``IndexedEntity``).
enum EntityAliases {
    /// The full-named entity each key names, for the keys that name exactly one.
    static func fullNames(for keys: Set<String>, in db: Database) throws -> [String: KnownEntity] {
        var known: [String: KnownEntity] = [:]
        let lookup = try db.cachedStatement(
            sql: """
                SELECT e.id, e.canonical, e.canonical_key FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
                WHERE a.alias_key = ? LIMIT 2
                """)
        for key in keys {
            let rows = try Row.fetchAll(lookup, arguments: [key])
            guard rows.count == 1 else { continue }
            known[key] = KnownEntity(
                id: rows[0]["id"], canonical: rows[0]["canonical"], canonicalKey: rows[0]["canonical_key"])
        }
        return known
    }

    /// Records the alias keys of the article's full-named people.
    static func learn(from entities: [IndexedEntity], in db: Database) throws {
        let insert = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO entity_aliases (alias_key, entity_id) VALUES (?, ?)")
        for linked in entities {
            for alias in linked.aliasKeys {
                try insert.execute(arguments: [alias, linked.entity.id])
            }
        }
    }
}
