import Testing

@testable import PostgresStore

@Suite("PostgreSQL statistics schedule")
struct StatisticsScheduleTests {
    @Test("a refresh at the first thousand articles saved, then each time the saved count doubles")
    func doubling() {
        var schedule = StatisticsSchedule()
        var refreshedAt: [Int] = []
        for batch in 1...400 where schedule.recordSaved(50) { refreshedAt.append(batch * 50) }
        #expect(refreshedAt == [1_000, 2_000, 4_000, 8_000, 16_000])
    }

    @Test("one large batch refreshes at once")
    func largeBatch() {
        var schedule = StatisticsSchedule()
        let answers = [999, 5_000, 5_000, 999].map { schedule.recordSaved($0) }
        #expect(answers == [false, true, false, true])
    }
}
