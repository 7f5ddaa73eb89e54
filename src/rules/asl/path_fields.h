#pragma once

// Helpers the ASL2xx rules share; the fields themselves come from analysis::PathFields.

#include "analysis/path_fields.h"
#include "lang/lang_error.h"
#include "rules/rule.h"

namespace wflint::rules {

using analysis::has_placeholder;
using analysis::PathField;
using analysis::PathRole;

// Reports `error`, found at an offset of `member`'s string value, underlining those characters.
void report_lang_error(DiagnosticSink& sink, const Rule& rule, const Node& member,
                       const lang::LangError& error);

}  // namespace wflint::rules
