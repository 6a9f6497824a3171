import Foundation
import VerbatimCLI

// A closed pipe (`verbatim … | head`) must end the run quietly, not kill it with SIGPIPE.
signal(SIGPIPE, SIG_IGN)
exit(VerbatimCommand.main(arguments: Array(CommandLine.arguments.dropFirst())))
