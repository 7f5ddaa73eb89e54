#include "report/reporter.h"

namespace wflint {

void Summary::add(const FileReport& report) {
  if (report.checked) ++files_checked;
  if (!report.diagnostics.empty()) ++files_with_findings;
  for (const Diagnostic& d : report.diagnostics)
    ++by_severity[static_cast<std::size_t>(d.severity)];
}

}  // namespace wflint
