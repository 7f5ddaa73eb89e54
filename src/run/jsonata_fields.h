#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jsonata/eval/value.h"
#include "run/json.h"
#include "run/variables.h"

namespace wflint {
class Node;
}

namespace wflint::jsonata {
class Ast;
class Environment;
struct CompiledExpression;
}  // namespace wflint::jsonata

namespace wflint::run {

class Execution;

// A {% %} expression ready to evaluate, prepared once per execution: compiled, with the names
// it reads, so that each evaluation binds only those.
struct PreparedExpression {
  std::shared_ptr<const jsonata::Ast> ast;
  std::shared_ptr<const jsonata::CompiledExpression> compiled;
  std::vector<std::string> variables;            // variables it names, without "$" or "states"
  std::vector<std::string_view> states_members;  // the $states members it reads
};

PreparedExpression prepare_expression(std::shared_ptr<const jsonata::Ast> ast);

// The fields of a JSONata state, evaluated. A field is a template: objects and arrays are
// evaluated member by member, strings that are exactly "{% expression %}" are JSONata
// expressions, everything else is literal. Expressions see $states (input, context, and where
// allowed result or errorOutput) and the variables as they were when the state was entered.
// Failures are States.QueryEvaluationError with AWS's causes.
class JsonataFields {
 public:
  JsonataFields(Execution& execution, const Variables& variables, const Json& input);

  // $states.result and $states.errorOutput, for the fields that may read them.
  void set_result(const Json& result);
  void set_error_output(const Json& error_output);

  // A field's value; `name` is how AWS's messages call it ("Output", "Arguments", "Items").
  Outcome<Json> value(const Node& field, std::string_view name);
  // A field whose value must be of one JSON type: "array", "boolean", "string", "number" or
  // "integer" (a number without fraction).
  Outcome<Json> typed_value(const Node& field, std::string_view name, std::string_view type);
  // Assign: the new values by name, computed before any is assigned.
  Outcome<Json> assignments(const Node& assign);

 private:
  Outcome<Json> evaluate_template(const Node& node, std::string& path);
  Outcome<Json> evaluate_expression(std::string_view expression, const std::string& path);
  std::shared_ptr<jsonata::Environment> bindings_for(const PreparedExpression& expression);
  jsonata::Value states_for(const PreparedExpression& expression);

  Execution& execution_;
  const Variables& variables_;
  const Json& input_;
  const Json* result_ = nullptr;
  const Json* error_output_ = nullptr;
  // $states members converted so far (input, context, result, errorOutput), by name.
  jsonata::Object converted_;
};

// Whether a string is a JSONata expression: exactly "{%" ... "%}".
bool is_jsonata_expression_text(std::string_view text);

}  // namespace wflint::run
