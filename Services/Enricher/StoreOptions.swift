import ArgumentParser
import Logging
import PostgresStore
import SQLiteStore
import StorePort

/// Which store a command uses: the SQLite file by default, a PostgreSQL server with `--store`.
struct StoreOptions: ParsableArguments {
    @Option(help: "The SQLite database file: the embedded store, for enrichers on one host.")
    var db = "akhbar.sqlite"

    @Option(
        help: ArgumentHelp(
            """
            A PostgreSQL store instead of --db, for enrichers on many hosts: \
            postgres://USER@HOST:PORT/DATABASE[?sslmode=disable|prefer|require|verify-full&sslrootcert=PEM]. \
            The password comes from PGPASSWORD or --store-password-file, never from the address.
            """, valueName: "url"))
    var store: String?

    @Option(help: "A file whose first line is the PostgreSQL password (instead of PGPASSWORD).")
    var storePasswordFile: String?

    /// Opens the store.
    ///
    /// - Parameter creating: whether a missing SQLite file is created (the enricher) or an error (readers, for which
    ///   a missing file is a mistyped path, not an empty store).
    func open(creating: Bool, logger: Logger) async throws(StoreError) -> any ArticleStore {
        if let store {
            let configuration = try PostgresStoreConfiguration(address: store, passwordFile: storePasswordFile)
            return try await PostgresArticleStore(configuration: configuration, logger: logger)
        }
        return try SQLiteArticleStore(path: db, access: creating ? .createIfMissing : .existing)
    }

    func validate() throws {
        if storePasswordFile != nil, store == nil {
            throw ValidationError("--store-password-file goes with --store")
        }
    }
}
