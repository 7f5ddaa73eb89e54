#include <fmt/format.h>

#include <algorithm>

#include "model/embed/embedding.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kUnusedSubstitution;

namespace {

// Whether a placeholder names the substitution: "${Name}", "${!Name}" (Fn::Sub's literal, left
// for DefinitionSubstitutions), or a templatefile() expression that starts with it.
bool names(const embed::Placeholder& placeholder, std::string_view name) {
  std::string_view used = placeholder.name;
  if (used.starts_with('!')) used.remove_prefix(1);
  if (used == name) return true;
  return used.starts_with(name) && used.size() > name.size() &&
         (used[name.size()] == '.' || used[name.size()] == '[');
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const embed::EmbeddedDefinition* definition = ctx.embedded;
  if (!definition || definition->filling != embed::Filling::Substitutions) return;
  const bool terraform = definition->host == DocumentKind::Terraform;
  for (const embed::Substitution& substitution : definition->substitutions) {
    const bool used = std::any_of(definition->placeholders.begin(), definition->placeholders.end(),
                                  [&](const embed::Placeholder& placeholder) {
                                    return names(placeholder, substitution.name);
                                  });
    if (used) continue;
    sink.report_at(kUnusedSubstitution, substitution.span, "",
                   fmt::format("{} {} is not used: the definition has no ${{{}}}",
                               terraform ? "templatefile() variable" : "substitution",
                               substitution.name, substitution.name))
        .help("remove it, or write ${" + substitution.name +
              "} where the definition needs the value");
  }
}

}  // namespace

const Rule kUnusedSubstitution{{"EMB002", "unused-substitution", Severity::Warning, kAsl | kSsm,
                                "A DefinitionSubstitutions or templatefile() key the "
                                "definition never uses"},
                               &check,
                               nullptr,
                               false,
                               {},
                               true};

}  // namespace wflint::rules
