public import Foundation

/// Ctrl-C and SIGTERM end a long-running command at once: `serve` holds nothing that needs saving, and
/// `build --watch` replaces each file by a rename, so no file is ever left half written.
public enum StopSignals {
    /// Runs `cleanup`, says "Stopped." and exits 0 on either signal. The caller keeps the returned sources alive.
    public static func install(_ cleanup: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                cleanup()
                FileHandle.standardError.write(Data("\nStopped.\n".utf8))
                exit(0)
            }
            source.resume()
            sources.append(source)
        }
        return sources
    }
}
