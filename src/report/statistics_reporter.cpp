// --statistics: the number of findings of each rule, most first, then by rule id.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "report/reporter.h"
#include "support/text.h"

namespace wflint {
namespace {

struct RuleCount {
  std::string_view id;
  std::string_view name;
  std::size_t count = 0;
};

class StatisticsReporter final : public Reporter {
 public:
  StatisticsReporter(std::ostream& out, bool json) : out_(out), json_(json) {}

  void add_file(const FileReport& report) override {
    for (const Diagnostic& d : report.diagnostics) {
      RuleCount& entry = counts_[d.rule_id];
      entry.id = d.rule_id;
      entry.name = d.rule_name;
      ++entry.count;
    }
  }

  void finish(const Summary&) override {
    std::vector<RuleCount> rows;
    for (const auto& [id, entry] : counts_)
      rows.push_back(entry);
    std::stable_sort(rows.begin(), rows.end(),
                     [](const RuleCount& a, const RuleCount& b) { return a.count > b.count; });
    json_ ? write_json(rows) : write_table(rows);
  }

 private:
  void write_table(const std::vector<RuleCount>& rows) {
    std::size_t count_width = 1, id_width = 1;
    for (const RuleCount& row : rows) {
      count_width = std::max(count_width, std::to_string(row.count).size());
      id_width = std::max(id_width, row.id.size());
    }
    for (const RuleCount& row : rows)
      out_ << fmt::format("{:>{}}  {:<{}}  {}\n", row.count, count_width, row.id, id_width,
                          row.name);
  }

  void write_json(const std::vector<RuleCount>& rows) {
    out_ << '[';
    for (std::size_t i = 0; i < rows.size(); ++i) {
      out_ << (i ? ",\n  " : "\n  ")
           << fmt::format("{{\"rule\":{},\"name\":{},\"count\":{}}}", text::json_quote(rows[i].id),
                          text::json_quote(rows[i].name), rows[i].count);
    }
    out_ << (rows.empty() ? "]\n" : "\n]\n");
  }

  std::ostream& out_;
  bool json_;
  std::map<std::string_view, RuleCount> counts_;  // by id, so ties come out in id order
};

}  // namespace

std::unique_ptr<Reporter> make_statistics_reporter(std::ostream& out, bool json) {
  return std::make_unique<StatisticsReporter>(out, json);
}

}  // namespace wflint
