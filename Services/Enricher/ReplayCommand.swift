import ArgumentParser
import Foundation

/// Reprocesses the topic from a point in time with the current enrichment, upserting every
/// article it reads: each stored row then carries the current `enrichment_version` and a new
/// `enriched_at`.
///
/// It reads as a fresh consumer group instead of resetting the live group's offsets. Kafka
/// refuses to reset the offsets of a group with active members, so a reset would mean stopping
/// every live enricher; and those offsets mark which new articles still wait, so rewinding them
/// would hold new articles back behind the whole replay. A fresh group reads beside the live
/// one and both upsert by article id. The group's name is printed: passing it again with
/// `--replay-group` resumes an interrupted replay from its committed offsets.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-enrich the topic from a point in time (a fresh consumer group) and upsert the results."
    )

    @OptionGroup var options: EnricherRunOptions

    @Option(
        help: "Where to start: 'earliest', a day such as 2025-05-28 (midnight UTC), or an RFC 3339 time.",
        transform: ReplayStart.init(parsing:))
    var from: ReplayStart

    @Option(help: "The replay's consumer group; default: a new one named after --group and the current time.")
    var replayGroup: String?

    func run() async throws {
        let groupID = replayGroup ?? "\(options.group).replay.\(Self.groupSuffix(Date()))"
        print("replaying \(options.topic) from \(from) as consumer group \(groupID)")
        try await options.runService(
            options.configuration(groupID: groupID, startTimestamp: from.timestamp),
            loggerLabel: "akhbar.enricher.replay"
        )
    }

    private static func groupSuffix(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}

/// Where a replay starts.
enum ReplayStart: CustomStringConvertible {
    /// The oldest message the topic retains.
    case earliest
    /// The first message with a timestamp at or after this time.
    case time(Date)

    /// - Throws: `ValidationError` naming the forms accepted.
    init(parsing text: String) throws {
        self = text == "earliest" ? .earliest : .time(try TimeArgument(parsing: text).date)
    }

    /// The message timestamp to start at; `nil` starts at the earliest offset.
    var timestamp: Int64? {
        switch self {
        case .earliest: nil
        case .time(let date): Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        }
    }

    var description: String {
        switch self {
        case .earliest: "earliest"
        case .time(let date): date.formatted(.iso8601)
        }
    }
}
