#include <fmt/format.h>

#include "rules/asl/path_fields.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kDuplicateTemplateField;

namespace {

// "id.$" and "id" in one template object both produce the field "id".
void check_object(const Node& object, DiagnosticSink& sink) {
  for (const Node& member : object.children()) {
    const std::string_view key = member.key();
    if (!key.ends_with(".$")) continue;
    const std::string_view field = key.substr(0, key.size() - 2);
    const Node* plain = object.find(field);
    if (!plain) continue;
    const bool plain_first = plain->index_in_parent() < member.index_in_parent();
    const Node& first = plain_first ? *plain : member;
    const Node& second = plain_first ? member : *plain;
    sink.report_key(kDuplicateTemplateField, second,
                    fmt::format("\"{}\" and \"{}\" both produce the field \"{}\"", first.key(),
                                second.key(), field))
        .related(first.key_span(), "the other one")
        .help(
            "Step Functions removes \".$\" from keys, so the definition is rejected; keep one "
            "of the two");
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const Node* object : ctx.path_fields->template_objects())
    check_object(*object, sink);
}

}  // namespace

const Rule kDuplicateTemplateField{{"ASL207", "duplicate-template-field", Severity::Error, kAsl,
                                    "a payload template with both \"name\" and \"name.$\", which "
                                    "produce the same field"},
                                   &check};

}  // namespace wflint::rules
