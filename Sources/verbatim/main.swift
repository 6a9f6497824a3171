import ArgumentParser
import Foundation

// A closed pipe (`verbatim … | head`) must end the run quietly, not kill it with SIGPIPE.
signal(SIGPIPE, SIG_IGN)

do {
    var command = try VerbatimCommand.parseAsRoot()
    try command.run()
} catch {
    let code = VerbatimCommand.exitCode(for: error)
    if code == .validationFailure || (error as? CleanExit) == nil && code != .success && !(error is ExitCode) {
        // Usage errors: the message and exit status 2.
        FileHandle.standardError.write(Data((VerbatimCommand.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    VerbatimCommand.exit(withError: error)
}
