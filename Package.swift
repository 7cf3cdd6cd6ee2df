// swift-tools-version: 6.2
import PackageDescription

// Upcoming features every target opts into, so the whole codebase follows one dialect.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Akhbar",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "akhbar-ingest", targets: ["akhbar-ingest"]),
        .executable(name: "akhbar-enricher", targets: ["akhbar-enricher"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        // OTLP over HTTP only: the gRPC exporter would add nothing an operator needs and minutes to every build.
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
    ],
    targets: [
        // MARK: Shared
        .target(name: "ArticleModel", path: "Shared/ArticleModel"),
        .target(name: "ArabicText", path: "Shared/ArabicText"),
        .target(name: "SeededRandom", path: "Shared/SeededRandom"),
        .target(
            name: "ArticleCodec",
            dependencies: [
                "ArticleModel",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Shared/ArticleCodec",
            exclude: ["Proto"]
        ),
        .systemLibrary(name: "CRdKafka", path: "Shared/CRdKafka", pkgConfig: "rdkafka"),
        .target(
            name: "Kafka",
            dependencies: [
                "CRdKafka",
                .product(name: "Instrumentation", package: "swift-distributed-tracing"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/Kafka"
        ),

        .target(
            name: "ServiceContracts",
            dependencies: [
                "ArticleCodec",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
            ],
            path: "Shared/ServiceContracts"
        ),
        .target(
            name: "GRPCHosting",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            path: "Shared/GRPCHosting",
            exclude: ["Proto"]
        ),
        // /health, /ready and /metrics for operators, in every long-running process.
        .target(
            name: "OperatorHTTP",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/OperatorHTTP"
        ),
        // Traces (OpenTelemetry, carried in Kafka headers) and structured logs.
        .target(
            name: "Telemetry",
            dependencies: [
                "Kafka",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            path: "Shared/Telemetry"
        ),
        .target(
            name: "ServiceCommandLine",
            dependencies: [
                "GRPCHosting", "OperatorHTTP", "Telemetry",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/ServiceCommandLine"
        ),

        // MARK: Services
        .target(
            name: "IngestCore",
            dependencies: [
                "ArticleModel", "ArticleCodec", "ArabicText", "Kafka", "ServiceContracts",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            path: "Services/IngestCore"
        ),
        .executableTarget(
            name: "akhbar-ingest",
            dependencies: [
                "IngestCore", "ArticleModel", "GRPCHosting", "Kafka", "ServiceCommandLine", "Telemetry",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Ingest"
        ),
        .target(name: "StorePort", dependencies: ["ArticleModel", "ArabicText"], path: "Services/StorePort"),
        .target(
            name: "SQLiteStore",
            dependencies: ["StorePort", "ArticleModel", "ArabicText", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Services/SQLiteStore"
        ),
        .target(
            name: "PostgresStore",
            dependencies: [
                "StorePort", "ArticleModel",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/PostgresStore"
        ),
        // The entity tagger as the services load it: cleaning, the rules, the trained model and its data.
        .target(
            name: "EntityTagging",
            dependencies: ["ArticleModel", "ArabicText", "SeededRandom", "StorePort"],
            path: "Services/EntityTagging",
            resources: [.copy("Resources")]
        ),
        // Training and scoring the tagger, for the command line only.
        .target(
            name: "TaggerTools",
            dependencies: ["EntityTagging", "ArticleModel", "ArabicText", "SeededRandom"],
            path: "Services/TaggerTools"
        ),
        .target(
            name: "EnricherCore",
            dependencies: [
                "EntityTagging", "ArticleModel", "ArticleCodec", "ArabicText", "Kafka", "ServiceContracts",
                "StorePort",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            path: "Services/EnricherCore"
        ),
        // The analysts' web view over the store: server-rendered pages, read-only.
        .target(
            name: "WebDesk",
            dependencies: [
                "EnricherCore", "ArticleModel", "GRPCHosting", "StorePort",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/WebDesk",
            resources: [.copy("Assets")]
        ),
        .executableTarget(
            name: "akhbar-enricher",
            dependencies: [
                "EnricherCore", "EntityTagging", "TaggerTools", "ArabicText", "ArticleModel", "GRPCHosting", "Kafka",
                "OperatorHTTP", "ServiceCommandLine", "StorePort", "SQLiteStore", "PostgresStore", "Telemetry",
                "WebDesk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            path: "Services/Enricher"
        ),

        // MARK: Benchmarks
        .target(
            name: "BenchmarkSupport", dependencies: ["SeededRandom"], path: "Tests/Benchmarks/BenchmarkSupport"),
        .executableTarget(
            name: "akhbar-text-benchmark",
            dependencies: [
                "ArabicText", "BenchmarkSupport", "ServiceCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tests/Benchmarks/TextBenchmark"
        ),
        .executableTarget(
            name: "akhbar-tag-benchmark",
            dependencies: [
                "EntityTagging", "ArticleCodec", "ArticleModel", "BenchmarkSupport", "ServiceCommandLine", "StorePort",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tests/Benchmarks/TagBenchmark"
        ),

        .executableTarget(
            name: "akhbar-store-benchmark",
            dependencies: [
                "ArticleModel", "EntityTagging", "BenchmarkSupport", "ServiceCommandLine", "StorePort", "SQLiteStore",
                "PostgresStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/Benchmarks/StoreBenchmark"
        ),
        .executableTarget(
            name: "akhbar-grpc-benchmark",
            dependencies: [
                "ArticleCodec", "ArticleModel", "BenchmarkSupport", "EnricherCore", "GRPCHosting", "IngestCore",
                "Kafka", "SeededRandom", "ServiceCommandLine", "ServiceContracts", "SQLiteStore", "PostgresStore",
                "StorePort",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Tests/Benchmarks/GRPCBenchmark"
        ),

        // MARK: Tests
        .target(name: "FixtureFiles", path: "Tests/FixtureFiles"),
        .testTarget(
            name: "ArabicTextTests", dependencies: ["ArabicText", "FixtureFiles", "SeededRandom"],
            path: "Tests/ArabicTextTests"),
        .testTarget(
            name: "ArticleCodecTests",
            dependencies: [
                "ArticleCodec", "ArticleModel", "SeededRandom",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Tests/ArticleCodecTests"
        ),
        .testTarget(name: "KafkaTests", dependencies: ["Kafka"], path: "Tests/KafkaTests"),
        .testTarget(
            name: "IngestCoreTests",
            dependencies: [
                "IngestCore", "ArticleCodec", "ArticleModel", "Kafka", "SeededRandom",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Tests/IngestCoreTests"
        ),
        .testTarget(
            name: "OperatorHTTPTests",
            dependencies: [
                "OperatorHTTP",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/OperatorHTTPTests"
        ),
        .testTarget(
            name: "ServiceCommandLineTests",
            dependencies: [
                "ServiceCommandLine", "Telemetry",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ServiceCommandLineTests"
        ),
        .testTarget(
            name: "WebDeskTests",
            dependencies: ["WebDesk", "ArticleModel", "GRPCHosting", "StorePort"],
            path: "Tests/WebDeskTests"
        ),
        .testTarget(
            name: "EnricherCoreTests",
            dependencies: [
                "EnricherCore", "EntityTagging", "TaggerTools", "ArticleCodec", "ArticleModel", "ArabicText",
                "FixtureFiles", "Kafka", "StorePort",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/EnricherCoreTests",
        ),
        .target(
            name: "StoreTestSupport",
            dependencies: [
                "StorePort", "SQLiteStore", "PostgresStore", "ArticleModel",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/StoreTestSupport"
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: [
                "StorePort", "SQLiteStore", "PostgresStore", "StoreTestSupport", "ArticleModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/StoreTests"
        ),
        .testTarget(
            name: "GRPCServiceTests",
            dependencies: [
                "ArticleCodec", "ArticleModel", "EnricherCore", "GRPCHosting", "ServiceContracts", "SQLiteStore",
                "StorePort",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Tests/GRPCServiceTests"
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "IngestCore", "EnricherCore", "EntityTagging", "ArticleModel", "ArticleCodec", "Kafka", "FixtureFiles",
                "SQLiteStore", "StorePort", "StoreTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/IntegrationTests"
        ),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
