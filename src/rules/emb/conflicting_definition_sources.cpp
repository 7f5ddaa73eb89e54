#include <fmt/format.h>

#include "model/embed/embedding.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kConflictingDefinitionSources;

namespace {

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  if (!ctx.embedding) return;
  for (const embed::ConflictingSources& conflict : ctx.embedding->conflicts) {
    const std::string_view second = conflict.second.source->text().substr(
        conflict.second.begin, conflict.second.end - conflict.second.begin);
    const std::string_view first = conflict.first.source->text().substr(
        conflict.first.begin, conflict.first.end - conflict.first.begin);
    sink.report_at(kConflictingDefinitionSources, conflict.second, "",
                   fmt::format("resource {} gives its definition twice, in {} and in {}: "
                               "CloudFormation rejects the template",
                               conflict.owner, first, second))
        .related(conflict.first, "the first definition")
        .help("keep one of them");
  }
}

}  // namespace

const Rule kConflictingDefinitionSources{
    {"EMB003", "conflicting-definition-sources", Severity::Error, kTemplate,
     "A state machine resource with more than one of Definition, DefinitionString, "
     "DefinitionS3Location and DefinitionUri"},
    &check};

}  // namespace wflint::rules
