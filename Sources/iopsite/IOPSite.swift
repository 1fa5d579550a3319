import ArgumentParser
import Foundation

/// `iopsite`: builds and checks the IOP guide and treatment-center directory site.
@main
struct IOPSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iopsite",
        abstract: "Builds the IOP guide and treatment-center directory from Content/ and Templates/.",
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, ImportCommand.self]
    )

    /// Exit codes are part of the contract: usage errors are 2, not ArgumentParser's 64.
    static func main() {
        #if canImport(Glibc)
        // Large blocks (a big page, a guide's text) get pages of their own that go back to the system when
        // freed; glibc otherwise raises this threshold as blocks are freed and keeps their memory.
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD */, 128 * 1024)
        #endif
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

#if canImport(Glibc)
/// glibc's `mallopt` (malloc.h, which the Glibc module does not export).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
