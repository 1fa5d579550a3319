import ArgumentParser
// Linked for its malloc, which replaces the C library's in the whole process; nothing is called by name.
import CMimalloc
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
