internal import ArabicText
import ArticleModel
import GRDB

/// The stored alias table that gives a person one entity id across articles.
///
/// An article that names someone in full (عبد اللطيف حموشي) teaches the table every way it wrote
/// him (حموشي, الحموشي). A later article that only writes a short form gets the full entity's
/// id and canonical form, provided the alias names one person only. Aliases are compared by
/// matching key without the article, so أ/ا, ى/ي, ة/ه and ال do not matter.
///
/// Articles stored before the full name was first seen keep their own id until a replay.
enum EntityAliases {
    /// The entities of an article with short-form people linked to known full names; entities that
    /// end up with one id are merged, their mentions in text order.
    static func link(_ entities: [Entity], in db: Database) throws -> [Entity] {
        var linked: [Entity] = []
        for entity in entities {
            var entity = entity
            if entity.type == .person, words(entity.canonical) == 1,
                let known = try fullName(for: key(entity.canonical), in: db), known.id != entity.id
            {
                entity.id = known.id
                entity.canonical = known.canonical
            }
            if let index = linked.firstIndex(where: { $0.id == entity.id }) {
                linked[index].mentions = (linked[index].mentions + entity.mentions).sorted { $0.start < $1.start }
            } else {
                linked.append(entity)
            }
        }
        return linked
    }

    /// Records the surfaces of the article's full-named people as their aliases.
    static func learn(from entities: [Entity], in db: Database) throws {
        for entity in entities where entity.type == .person && words(entity.canonical) >= 2 {
            let aliases = Set(([entity.canonical] + entity.mentions.map(\.text)).map(key))
            let insert = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO entity_aliases (alias_key, entity_id) VALUES (?, ?)")
            for alias in aliases where !alias.isEmpty {
                try insert.execute(arguments: [alias, entity.id])
            }
        }
    }

    /// The one full-named entity an alias names, if exactly one.
    private static func fullName(for alias: String, in db: Database) throws -> (id: String, canonical: String)? {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT e.id, e.canonical FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
                    WHERE a.alias_key = ? LIMIT 2
                    """),
            arguments: [alias])
        guard rows.count == 1 else { return nil }
        return (rows[0]["id"], rows[0]["canonical"])
    }

    /// The matching key of a name without a leading article: حموشي and الحموشي meet.
    static func key(_ name: String) -> String {
        TaggedWord.withoutArticle(String(scalars: ArabicNormalizer().matchingKey(name).scalars))
    }

    private static func words(_ name: String) -> Int {
        name.split(whereSeparator: \.isWhitespace).count
    }
}
