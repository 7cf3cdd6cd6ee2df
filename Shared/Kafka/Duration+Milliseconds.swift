extension Duration {
    /// Whole milliseconds, rounded down and clamped to librdkafka's `int` range (0...Int32.max).
    ///
    /// librdkafka takes every duration as an `int` of milliseconds, in configuration values and as call time-outs.
    var rdKafkaMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let (millis, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return Int32.max }
        return Int32(clamping: millis + attoseconds / 1_000_000_000_000_000)
    }
}
