#pragma once

namespace wflint::run {

// httplib writes to sockets without MSG_NOSIGNAL: a peer that hangs up early would kill the
// process with SIGPIPE unless it is ignored (the writes then fail with EPIPE instead). Ignores it,
// once, unless the process already handles it.
void ignore_broken_pipes();

}  // namespace wflint::run
