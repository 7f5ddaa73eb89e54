#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "run/http_module.h"

namespace wflint::run {

// The mock Lambda service: serves POST /2015-03-31/functions/{name}/invocations on a loopback
// port from a thread of its own until stop() (or destruction).
class MockLambdaServer : public MockLambdaService {
 public:
  explicit MockLambdaServer(MockLambdaFunctions functions);
  ~MockLambdaServer() override;
  MockLambdaServer(const MockLambdaServer&) = delete;
  MockLambdaServer& operator=(const MockLambdaServer&) = delete;

  // Binds host:port (port 0 picks a free one) and starts serving. On failure returns false and
  // sets `error`.
  bool start(const std::string& host, int port, std::string& error) override;
  // The bound port, once started.
  int port() const override;
  // Stops serving, cutting short the delays of calls in progress; waits for the serving thread.
  void stop() override;

  // Called after each answered call, from the server's threads (so it must be thread-safe).
  void on_call(std::function<void(const MockLambdaCall&)> listener) override;

  // Thread-safe counters: calls that reached a listed function (any invocation type), per name.
  std::size_t call_count(std::string_view function_name) const;
  // Every request to the invoke endpoint, in the order answered.
  std::vector<MockLambdaCall> calls() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wflint::run
