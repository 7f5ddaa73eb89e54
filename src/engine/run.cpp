#include "engine/run.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "load/read_source.h"

namespace wflint {

FileReport check_input(const InputFile& file, const RunOptions& options) {
  std::string error;
  std::unique_ptr<Source> source =
      file.path == "-" ? read_stdin(options.stdin_filename, error) : read_source(file.path, error);
  if (!source) {
    FileReport report;
    report.path = file.path;
    report.failure = error;
    return report;
  }
  return check_source(std::move(source), file.origin, file.options ? *file.options : options.check,
                      options.checked_alone);
}

void check_inputs(const std::vector<InputFile>& files, const RunOptions& options,
                  const std::function<void(FileReport&&)>& consume) {
  const std::size_t count = files.size();
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, count));
  if (jobs <= 1) {
    for (const InputFile& file : files)
      consume(check_input(file, options));
    return;
  }
  // Reports wait in a ring of `window` slots: a worker takes file i only once file i - window has
  // been consumed, so its slot is free, and memory does not grow with the number of files.
  const std::size_t window = 8 * std::size_t{jobs};
  std::vector<std::optional<FileReport>> slots(window);
  std::mutex mutex;
  std::condition_variable ready;    // a slot was filled
  std::condition_variable advance;  // the consumer moved on
  std::size_t next = 0, consumed = 0;

  auto worker = [&] {
    for (;;) {
      std::size_t index;
      {
        std::unique_lock lock(mutex);
        advance.wait(lock, [&] { return next >= count || next < consumed + window; });
        if (next >= count) return;
        index = next++;
      }
      FileReport report = check_input(files[index], options);
      {
        std::lock_guard lock(mutex);
        slots[index % window] = std::move(report);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(jobs);
  for (unsigned i = 0; i < jobs; ++i)
    pool.emplace_back(worker);

  for (std::size_t i = 0; i < count; ++i) {
    FileReport report;
    {
      std::unique_lock lock(mutex);
      std::optional<FileReport>& slot = slots[i % window];
      ready.wait(lock, [&] { return slot.has_value(); });
      report = std::move(*slot);
      slot.reset();
      consumed = i + 1;
    }
    advance.notify_all();
    consume(std::move(report));
  }
  for (std::thread& thread : pool)
    thread.join();
}

}  // namespace wflint
