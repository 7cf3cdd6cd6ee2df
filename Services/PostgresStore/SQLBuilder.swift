import PostgresNIO

/// A statement assembled from fixed SQL and bound values, for queries whose shape depends on the request.
///
/// Values are always bound (`$n`), never spliced: the SQL text only ever holds what this module wrote.
struct SQLBuilder {
    private(set) var bindings = PostgresBindings()
    private var count = 0

    /// Binds `value` and returns its placeholder.
    mutating func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
        bindings.append(value)
        count += 1
        return "$\(count)"
    }

    func query(_ sql: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}
