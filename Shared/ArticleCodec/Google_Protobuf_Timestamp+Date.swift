import Foundation
import SwiftProtobuf

/// Conversions between Foundation `Date` and `google.protobuf.Timestamp` that check the
/// Timestamp's documented range instead of trapping outside it.
///
/// SwiftProtobuf's own conversions do the arithmetic in `Int64` and trap on overflow, so a
/// timestamp with `seconds` near `Int64.min` from a hostile payload, or a NaN or far-future
/// `Date`, must be rejected before they run. Inside the range they keep nanosecond precision,
/// which is finer than a `Date` (a `Double` of seconds since 2001-01-01) holds more than 2^23 s
/// (97 days) from 2001-01-01: such dates round-trip bit for bit, nearer ones within 1 ns.
extension Google_Protobuf_Timestamp {
    /// 0001-01-01T00:00:00Z, the earliest instant a Timestamp may hold.
    static let minimumSeconds: Int64 = -62_135_596_800
    /// 9999-12-31T23:59:59Z, the latest whole second a Timestamp may hold.
    static let maximumSeconds: Int64 = 253_402_300_799

    /// Creates a timestamp for `date`, or throws ``CodecError/Code/invalidArticle`` if the date is
    /// not finite or outside 0001-01-01 … 9999-12-31.
    ///
    /// - Parameter field: The field name, for the error message.
    init(validating date: Date, field: String) throws(CodecError) {
        let interval = date.timeIntervalSince1970
        // Compare as Double before any integer conversion: that is what could trap.
        guard interval.isFinite,
            interval >= Double(Self.minimumSeconds),
            interval < Double(Self.maximumSeconds) + 1
        else {
            throw CodecError(
                code: .invalidArticle,
                message: "\(field) (\(date.timeIntervalSinceReferenceDate) s since 2001) is outside the "
                    + "protobuf Timestamp range 0001-01-01 to 9999-12-31."
            )
        }
        self.init(date: date)
        // Rounding to nanoseconds can carry into the next second at the very top of the range.
        try self.checkRange(field: field)
    }

    /// The timestamp as a `Date`, or throws ``CodecError/Code/invalidArticle`` if it is outside the
    /// range protobuf allows (seconds out of range, or nanos not in 0..<1_000_000_000).
    ///
    /// - Parameter field: The field name, for the error message.
    func validatedDate(field: String) throws(CodecError) -> Date {
        try self.checkRange(field: field)
        let date = self.date
        // In the last second of 9999 a Double cannot hold nanoseconds and may round up into
        // year 10000; reject that here so every decoded date can be encoded again.
        guard date.timeIntervalSince1970 < Double(Self.maximumSeconds) + 1 else {
            throw CodecError(
                code: .invalidArticle,
                message: "\(field) (seconds \(self.seconds), nanos \(self.nanos)) rounds past 9999-12-31 as a Date."
            )
        }
        return date
    }

    private func checkRange(field: String) throws(CodecError) {
        guard (Self.minimumSeconds...Self.maximumSeconds).contains(self.seconds),
            (0..<1_000_000_000).contains(self.nanos)
        else {
            throw CodecError(
                code: .invalidArticle,
                message: "\(field) has seconds \(self.seconds) and nanos \(self.nanos), outside the protobuf "
                    + "Timestamp range 0001-01-01 to 9999-12-31."
            )
        }
    }
}
