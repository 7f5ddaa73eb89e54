#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "model/embed/embedding.h"
#include "rules/rule.h"

namespace wflint::rules {

extern const Rule kUnresolvedPlaceholder;

namespace {

bool has_substitution(const embed::EmbeddedDefinition& definition, std::string_view name) {
  return std::any_of(definition.substitutions.begin(), definition.substitutions.end(),
                     [&](const embed::Substitution& s) { return s.name == name; });
}

// The name a templatefile() placeholder reads: "${name}", "${name.field}", "${name[0]}". Empty
// for function calls and other expressions, which are not judged.
std::string_view template_variable(std::string_view expression) {
  std::size_t end = 0;
  while (end < expression.size() && (std::isalnum(static_cast<unsigned char>(expression[end])) ||
                                     expression[end] == '_' || expression[end] == '-')) {
    ++end;
  }
  if (end == 0) return {};
  if (end < expression.size() && expression[end] != '.' && expression[end] != '[') return {};
  return expression.substr(0, end);
}

// Fn::Sub resolves pseudo parameters, the template's parameters and resources (with an
// attribute), its own variables, and leaves "${!Literal}" as "${Literal}".
bool fn_sub_resolves(const embed::EmbeddedDefinition& definition, std::string_view name) {
  if (name.starts_with("AWS::")) return true;
  const std::string_view resource = name.substr(0, name.find('.'));
  return std::find(definition.template_names.begin(), definition.template_names.end(), resource) !=
             definition.template_names.end() ||
         has_substitution(definition, name);
}

std::string why_nothing_substitutes(const embed::EmbeddedDefinition& definition) {
  if (definition.host == DocumentKind::Terraform) {
    return "Terraform's file() reads the file as it is and substitutes nothing";
  }
  return fmt::format("{} has no DefinitionSubstitutions", definition.owner);
}

std::string fix_for_nothing(const embed::EmbeddedDefinition& definition, std::string_view name) {
  if (definition.host == DocumentKind::Terraform) {
    return fmt::format("load it with templatefile(path, {{ {} = ... }}), or write the value in",
                       name);
  }
  return fmt::format("add DefinitionSubstitutions with a key {}, or write the value in", name);
}

void report_unsubstituted(const embed::EmbeddedDefinition& definition,
                          const embed::Placeholder& placeholder, std::string_view name,
                          DiagnosticSink& sink) {
  if (definition.filling == embed::Filling::Nothing) {
    sink.report_at(kUnresolvedPlaceholder, placeholder.span, "",
                   fmt::format("${{{}}} is never substituted: {}, so the state machine gets the "
                               "text \"${{{}}}\"",
                               name, why_nothing_substitutes(definition), name))
        .help(fix_for_nothing(definition, name));
    return;
  }
  if (definition.host == DocumentKind::Terraform) {
    sink.report_at(kUnresolvedPlaceholder, placeholder.span, "",
                   fmt::format("${{{}}} has no key {} in the templatefile() vars map: Terraform "
                               "stops with \"vars map does not contain key\"",
                               placeholder.name, name))
        .help(fmt::format("add {} = ... to the vars map", name));
    return;
  }
  sink.report_at(kUnresolvedPlaceholder, placeholder.span, "",
                 fmt::format("${{{}}} has no DefinitionSubstitutions key: the state machine gets "
                             "the text \"${{{}}}\"",
                             name, name))
      .help(fmt::format("add {}: ... to DefinitionSubstitutions", name));
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const embed::EmbeddedDefinition* definition = ctx.embedded;
  if (!definition) return;
  const bool terraform = definition->host == DocumentKind::Terraform;
  for (const embed::Placeholder& placeholder : definition->placeholders) {
    std::string_view name = placeholder.name;
    if (placeholder.in_fn_sub) {
      // "${!Name}": Fn::Sub writes "${Name}", which DefinitionSubstitutions must then fill.
      if (name.starts_with('!')) {
        name.remove_prefix(1);
      } else {
        if (!fn_sub_resolves(*definition, name)) {
          sink.report_at(kUnresolvedPlaceholder, placeholder.span, "",
                         fmt::format("Fn::Sub cannot resolve ${{{}}}: the template has no "
                                     "parameter or resource {} and the Fn::Sub no variable of "
                                     "that name",
                                     name, name))
              .help(fmt::format("declare it, or write ${{!{}}} to leave the text for "
                                "DefinitionSubstitutions",
                                name));
        }
        continue;
      }
    }
    if (definition->filling == embed::Filling::HostLanguage) continue;
    if (terraform && definition->filling == embed::Filling::Substitutions) {
      name = template_variable(name);
    }
    if (name.empty() || (definition->filling == embed::Filling::Substitutions &&
                         has_substitution(*definition, name))) {
      continue;
    }
    report_unsubstituted(*definition, placeholder, name, sink);
  }
}

}  // namespace

const Rule kUnresolvedPlaceholder{{"EMB001", "unresolved-placeholder", Severity::Error, kAsl | kSsm,
                                   "A ${Name} in an embedded definition that nothing substitutes"},
                                  &check,
                                  nullptr,
                                  false,
                                  {},
                                  true};

}  // namespace wflint::rules
