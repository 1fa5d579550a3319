import Foundation
import SiteTestServer
import SiteTestSupport
import Testing

/// The test servers answer in time, however busy the rest of the suite keeps Swift's cooperative pool.
@Suite(.cleansUp) struct LoopbackServerTests {
    @Test func theServerAnswersWhileEveryThreadOfTheCooperativePoolIsBlocked() async throws {
        let server = try await LoopbackServer.start { _, _, _ in .init(200, body: "here") }
        defer { server.stop() }
        let width = ProcessInfo.processInfo.activeProcessorCount
        let held = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        for _ in 0..<width {
            Task.detached {
                held.signal()
                release.wait()
            }
        }
        // The request is made from a thread of its own, since the pool cannot run anything meanwhile.
        let status: Int? = await withCheckedContinuation { continuation in
            Thread {
                // Other tests may hold some pool threads; then fewer of these start, and the pool is as blocked.
                for _ in 0..<width { _ = held.wait(timeout: .now() + 5) }
                let response = HTTPProbe.request("/", port: server.port)
                for _ in 0..<width { release.signal() }
                continuation.resume(returning: response?.status)
            }.start()
        }
        #expect(status == 200)
    }
}
