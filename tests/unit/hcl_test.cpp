// hcl::parse, hcl::template_text and hcl::to_json (src/lang/hcl.h): the Terraform syntax that
// Step Functions definitions are embedded in, with spans and anchors checked to the byte.
#include "lang/hcl.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "support/source.h"

namespace wflint {
namespace {

using hcl::ExpressionKind;

// A parsed file with the source its spans point into.
struct Parsed {
  std::unique_ptr<Source> source;
  hcl::File file;
};

Parsed parse_text(std::string_view text) {
  Parsed parsed;
  parsed.source = Source::from_bytes("main.tf", text);
  parsed.file = hcl::parse(*parsed.source);
  return parsed;
}

// Offset of the `nth` occurrence (from 0) of `needle` in the source.
uint32_t offset_of(const Source& source, std::string_view needle, int nth = 0) {
  std::size_t at = source.text().find(needle);
  for (int k = 0; k < nth && at != std::string_view::npos; ++k)
    at = source.text().find(needle, at + 1);
  EXPECT_NE(at, std::string_view::npos) << needle;
  return static_cast<uint32_t>(at);
}

std::string_view text_of(const Span& span) {
  return hcl::source_text(span);
}

// The file offset that byte `offset` of a mapped text comes from.
uint32_t file_offset_of(const Source& host, const hcl::MappedText& mapped, std::size_t offset) {
  auto sub = Source::sub_source(host, mapped.text, mapped.anchors);
  return sub->file_offset(static_cast<uint32_t>(offset));
}

const hcl::Expression& attribute_value(const hcl::Body& body, std::string_view name) {
  const hcl::Attribute* attribute = body.find_attribute(name);
  EXPECT_NE(attribute, nullptr) << name;
  static const hcl::Expression missing;
  return attribute ? attribute->value : missing;
}

// --- Bodies and blocks

TEST(HclParse, ReadsAResourceBlockWithItsLabels) {
  const Parsed parsed = parse_text(
      "resource \"aws_sfn_state_machine\" \"sfn\" {\n"
      "  name     = \"my-machine\"\n"
      "  role_arn = aws_iam_role.sfn.arn\n"
      "}\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  ASSERT_EQ(parsed.file.body.blocks.size(), 1u);
  const hcl::Block& block = parsed.file.body.blocks[0];
  EXPECT_EQ(block.type, "resource");
  EXPECT_EQ(block.labels, (std::vector<std::string>{"aws_sfn_state_machine", "sfn"}));
  ASSERT_EQ(block.label_spans.size(), 2u);
  EXPECT_EQ(text_of(block.label_spans[0]), "\"aws_sfn_state_machine\"");
  EXPECT_EQ(text_of(block.label_spans[1]), "\"sfn\"");
  EXPECT_EQ(text_of(block.type_span), "resource");
  EXPECT_EQ(block.span.begin, 0u);
  EXPECT_EQ(block.span.end, parsed.source->size() - 1);  // through "}", not the last line break

  ASSERT_EQ(block.body.attributes.size(), 2u);
  const hcl::Attribute* name = block.body.find_attribute("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(text_of(name->name_span), "name");
  EXPECT_EQ(text_of(name->span), "name     = \"my-machine\"");
  EXPECT_TRUE(name->value.is_literal_string());
  EXPECT_EQ(name->value.literal_text(), "my-machine");
  EXPECT_EQ(block.body.find_attribute("missing"), nullptr);
}

TEST(HclParse, ReadsIdentifierLabelsNestedAndOneLineBlocks) {
  const Parsed parsed = parse_text(
      "data aws_region current {}\n"
      "resource \"x\" \"y\" {\n"
      "  timeouts { create = \"10m\" }\n"
      "  dynamic \"logging\" {\n"
      "    content {\n"
      "      level = \"ALL\"\n"
      "    }\n"
      "  }\n"
      "}\n");
  ASSERT_TRUE(parsed.file.errors.empty()) << parsed.file.errors[0].message;
  ASSERT_EQ(parsed.file.body.blocks.size(), 2u);
  EXPECT_EQ(parsed.file.body.blocks[0].labels, (std::vector<std::string>{"aws_region", "current"}));
  EXPECT_EQ(text_of(parsed.file.body.blocks[0].label_spans[0]), "aws_region");
  const hcl::Body& resource = parsed.file.body.blocks[1].body;
  ASSERT_EQ(resource.blocks.size(), 2u);
  EXPECT_EQ(attribute_value(resource.blocks[0].body, "create").literal_text(), "10m");
  EXPECT_EQ(text_of(resource.blocks[0].span), "timeouts { create = \"10m\" }");
  const std::vector<const hcl::Block*> dynamic = resource.find_blocks("dynamic");
  ASSERT_EQ(dynamic.size(), 1u);
  ASSERT_EQ(dynamic[0]->body.blocks.size(), 1u);
  EXPECT_EQ(attribute_value(dynamic[0]->body.blocks[0].body, "level").literal_text(), "ALL");
}

TEST(HclParse, SkipsTheThreeKindsOfComment) {
  const Parsed parsed = parse_text(
      "# a hash comment\n"
      "// a slash comment\n"
      "/* a block\n   comment */\n"
      "locals { # after a brace\n"
      "  a = 1 // after a value\n"
      "  b = /* inline */ \"x\"\n"
      "  c = {\n"
      "    # inside an object\n"
      "    k = \"# not a comment\" # but this is\n"
      "  }\n"
      "}\n");
  ASSERT_TRUE(parsed.file.errors.empty()) << parsed.file.errors[0].message;
  const hcl::Body& locals = parsed.file.body.blocks.at(0).body;
  EXPECT_EQ(attribute_value(locals, "a").text, "1");
  EXPECT_EQ(attribute_value(locals, "b").literal_text(), "x");
  const hcl::Expression& c = attribute_value(locals, "c");
  ASSERT_EQ(c.members.size(), 1u);
  EXPECT_EQ(c.members[0].value.literal_text(), "# not a comment");
}

// --- Heredocs

TEST(HclHeredoc, TemplateTextIsTheInnerTextMappedByteForByte) {
  const std::string json =
      "{\n"
      "  \"StartAt\": \"Hello\",\n"
      "  \"States\": { \"Hello\": { \"Type\": \"Pass\", \"End\": true } }\n"
      "}\n";
  const Parsed parsed = parse_text(
      "resource \"aws_sfn_state_machine\" \"sfn\" {\n"
      "  definition = <<EOF\n" +
      json + "EOF\n}\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  const hcl::Expression& definition =
      attribute_value(parsed.file.body.blocks.at(0).body, "definition");
  EXPECT_EQ(definition.kind, ExpressionKind::String);
  EXPECT_TRUE(definition.heredoc);
  EXPECT_TRUE(definition.is_literal_string());
  EXPECT_EQ(text_of(definition.span), "<<EOF\n" + json + "EOF");

  const hcl::MappedText mapped = hcl::template_text(definition);
  EXPECT_EQ(mapped.text, json);
  ASSERT_FALSE(mapped.anchors.empty());
  EXPECT_EQ(mapped.anchors[0].sub_begin, 0u);
  const std::size_t start_at = mapped.text.find("\"StartAt\"");
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, start_at),
            offset_of(*parsed.source, "\"StartAt\""));
  const std::size_t pass = mapped.text.find("Pass");
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, pass), offset_of(*parsed.source, "Pass"));
}

TEST(HclHeredoc, ClosingMarkerMayBeIndentedAndAnyIdentifier) {
  const Parsed parsed = parse_text(
      "locals {\n"
      "  definition = <<SFN\n"
      "{\"StartAt\": \"A\"}\n"
      "  SFN\n"
      "  other = 1\n"
      "}\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  const hcl::Body& locals = parsed.file.body.blocks.at(0).body;
  EXPECT_EQ(attribute_value(locals, "definition").literal_text(), "{\"StartAt\": \"A\"}\n");
  EXPECT_EQ(attribute_value(locals, "other").text, "1");
}

TEST(HclHeredoc, FlushHeredocRemovesTheCommonIndentationAndStaysMapped) {
  const Parsed parsed = parse_text(
      "x = <<-EOT\n"
      "    {\n"
      "      \"StartAt\": \"A\"\n"
      "\n"
      "    }\n"
      "    EOT\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  const hcl::Expression& x = attribute_value(parsed.file.body, "x");
  const hcl::MappedText mapped = hcl::template_text(x);
  EXPECT_EQ(mapped.text, "{\n  \"StartAt\": \"A\"\n\n}\n");
  const std::size_t start_at = mapped.text.find("\"StartAt\"");
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, start_at),
            offset_of(*parsed.source, "\"StartAt\""));
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, 0), offset_of(*parsed.source, "{"));
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, mapped.text.find('}')),
            offset_of(*parsed.source, "}"));
}

TEST(HclHeredoc, FlushHeredocKeepsWhitespaceOnlyLinesAndCountsInterpolationsAsUnindented) {
  // As Terraform does: a line of blanks is neither counted nor trimmed.
  const Parsed blank = parse_text("x = <<-EOT\n    a\n  \n      b\n    EOT\n");
  EXPECT_EQ(attribute_value(blank.file.body, "x").literal_text(), "a\n  \n  b\n");
  // A line that starts with an interpolation has no indentation, so nothing is removed.
  const Parsed interpolated = parse_text("x = <<-EOT\n  a\n${var.b}\n  EOT\n");
  const hcl::MappedText mapped = hcl::template_text(attribute_value(interpolated.file.body, "x"));
  EXPECT_EQ(mapped.text, "  a\n${var.b}\n");
}

TEST(HclHeredoc, KeepsInterpolationsAndEscapesDollarDollarBrace) {
  const Parsed parsed = parse_text(
      "x = <<EOF\n"
      "{\"Resource\": \"${aws_lambda_function.fn.arn}\", \"Literal\": \"$${keep}\"}\n"
      "EOF\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  const hcl::Expression& x = attribute_value(parsed.file.body, "x");
  EXPECT_FALSE(x.is_literal_string());
  ASSERT_EQ(x.parts.size(), 3u);
  EXPECT_TRUE(x.parts[1].interpolation);
  EXPECT_EQ(x.parts[1].text, "aws_lambda_function.fn.arn");
  const hcl::MappedText mapped = hcl::template_text(x);
  EXPECT_EQ(mapped.text,
            "{\"Resource\": \"${aws_lambda_function.fn.arn}\", \"Literal\": \"${keep}\"}\n");
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, mapped.text.find("${aws")),
            offset_of(*parsed.source, "${aws"));
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, mapped.text.find("keep")),
            offset_of(*parsed.source, "keep"));
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, mapped.text.find("Literal")),
            offset_of(*parsed.source, "Literal"));
}

TEST(HclHeredoc, ReadsEmptyTabIndentedAndCrlfHeredocs) {
  const Parsed parsed = parse_text(
      "\xEF\xBB\xBF"
      "empty = <<EOF\n"
      "EOF\n"
      "tabs = <<-EOF\n"
      "\t\tx\n"
      "\t\t  y\n"
      "\tEOF\n"
      "crlf = <<EOF\r\n"
      "{}\r\n"
      "EOF\r\n"
      "after = 1\r\n");
  ASSERT_TRUE(parsed.file.errors.empty()) << parsed.file.errors[0].message;
  const hcl::Body& body = parsed.file.body;
  EXPECT_TRUE(attribute_value(body, "empty").parts.empty());
  EXPECT_EQ(hcl::template_text(attribute_value(body, "empty")).text, "");
  EXPECT_EQ(attribute_value(body, "tabs").literal_text(), "x\n  y\n");
  EXPECT_EQ(attribute_value(body, "crlf").literal_text(), "{}\r\n");
  EXPECT_EQ(attribute_value(body, "after").text, "1");
}

// --- Quoted strings

TEST(HclString, DecodesEscapesAndMapsEveryByte) {
  // Offsets: the quote 4, a 5, \" 6, b 8, \n 9, \u00e9 11, c 17.
  const Parsed parsed = parse_text("x = \"a\\\"b\\n\\u00e9c\"\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  const hcl::Expression& x = attribute_value(parsed.file.body, "x");
  EXPECT_EQ(x.kind, ExpressionKind::String);
  EXPECT_FALSE(x.heredoc);
  EXPECT_EQ(x.literal_text(),
            "a\"b\n\xC3\xA9"
            "c");
  EXPECT_EQ(x.span.begin, 4u);
  EXPECT_EQ(x.span.end, parsed.source->size() - 1);
  const hcl::MappedText mapped = hcl::template_text(x);
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, 0), 5u);   // a
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, 1), 6u);   // " from its escape \"
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, 2), 8u);   // b
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, 3), 9u);   // line break from \n
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, 4), 11u);  // é from \u00e9
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, 6), 17u);  // c
}

TEST(HclString, KeepsInterpolationsVerbatim) {
  const Parsed parsed = parse_text("arn = \"${aws_lambda_function.fn.arn}\"\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  const hcl::Expression& arn = attribute_value(parsed.file.body, "arn");
  ASSERT_EQ(arn.parts.size(), 1u);
  const hcl::TemplatePart& part = arn.parts[0];
  EXPECT_TRUE(part.interpolation);
  EXPECT_FALSE(part.directive);
  EXPECT_EQ(part.text, "aws_lambda_function.fn.arn");
  EXPECT_EQ(text_of(part.span), "${aws_lambda_function.fn.arn}");
  const hcl::MappedText mapped = hcl::template_text(arn);
  EXPECT_EQ(mapped.text, "${aws_lambda_function.fn.arn}");
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, 0), offset_of(*parsed.source, "${"));
  EXPECT_EQ(file_offset_of(*parsed.source, mapped, 2), offset_of(*parsed.source, "aws"));
}

TEST(HclString, HandlesNestedBracesAndStringsInsideInterpolations) {
  const Parsed parsed = parse_text(
      "x = \"a-${lookup({ k = \"}\" }, \"k\", \"${var.d}\")}-b %{ if var.on }on%{ endif }\"\n");
  ASSERT_TRUE(parsed.file.errors.empty()) << parsed.file.errors[0].message;
  const hcl::Expression& x = attribute_value(parsed.file.body, "x");
  ASSERT_EQ(x.parts.size(), 6u);
  EXPECT_EQ(x.parts[0].text, "a-");
  EXPECT_EQ(x.parts[1].text, "lookup({ k = \"}\" }, \"k\", \"${var.d}\")");
  EXPECT_EQ(x.parts[2].text, "-b ");
  EXPECT_TRUE(x.parts[3].directive);
  EXPECT_EQ(x.parts[3].text, "if var.on");
  EXPECT_EQ(x.parts[4].text, "on");
  EXPECT_EQ(x.parts[5].text, "endif");
  const std::string_view quoted = text_of(x.span);
  EXPECT_EQ(hcl::template_text(x).text, quoted.substr(1, quoted.size() - 2));
}

TEST(HclString, StripMarkersTrimTheAdjacentWhitespace) {
  const Parsed parsed = parse_text("x = \"a  ${~ var.b ~}  c\"\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  const hcl::Expression& x = attribute_value(parsed.file.body, "x");
  ASSERT_EQ(x.parts.size(), 3u);
  EXPECT_EQ(x.parts[0].text, "a");
  EXPECT_EQ(x.parts[1].text, "var.b");
  EXPECT_EQ(x.parts[2].text, "c");
  EXPECT_EQ(hcl::template_text(x).anchors.back().host_begin, offset_of(*parsed.source, "c\""));
}

// --- Expressions

TEST(HclExpression, ReadsTemplatefileWithAStringAndAnObjectArgument) {
  const Parsed parsed =
      parse_text("definition = templatefile(\"${path.module}/x.json\", { a = 1, b = var.b })\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  const hcl::Expression& call = attribute_value(parsed.file.body, "definition");
  EXPECT_EQ(call.kind, ExpressionKind::Call);
  EXPECT_EQ(call.function, "templatefile");
  EXPECT_EQ(text_of(call.span), "templatefile(\"${path.module}/x.json\", { a = 1, b = var.b })");
  ASSERT_EQ(call.items.size(), 2u);

  const hcl::Expression& path = call.items[0];
  EXPECT_EQ(path.kind, ExpressionKind::String);
  ASSERT_EQ(path.parts.size(), 2u);
  EXPECT_TRUE(path.parts[0].interpolation);
  EXPECT_EQ(path.parts[0].text, "path.module");
  EXPECT_EQ(path.parts[1].text, "/x.json");
  EXPECT_EQ(path.literal_text(), "/x.json");

  const hcl::Expression& vars = call.items[1];
  EXPECT_EQ(vars.kind, ExpressionKind::Object);
  ASSERT_EQ(vars.members.size(), 2u);
  EXPECT_EQ(vars.members[0].key, "a");
  EXPECT_EQ(text_of(vars.members[0].key_span), "a");
  EXPECT_EQ(vars.members[0].value.kind, ExpressionKind::Number);
  EXPECT_EQ(vars.members[0].value.text, "1");
  EXPECT_EQ(vars.members[1].key, "b");
  EXPECT_EQ(vars.members[1].value.kind, ExpressionKind::Reference);
  EXPECT_EQ(vars.members[1].value.traversal, (std::vector<std::string>{"var", "b"}));
}

TEST(HclExpression, ReadsTraversalsWithIndexesAndSplats) {
  const Parsed parsed = parse_text(
      "a = aws_iam_role.this[0].arn\n"
      "b = local.map[\"k\"]\n"
      "c = aws_instance.web.*.id\n"
      "d = var.list[*].name\n"
      "e = aws_sfn_state_machine.API_SF_CRUD-tf_CF.arn\n"
      "f = data.x.y.0.z\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  const hcl::Body& body = parsed.file.body;
  using Steps = std::vector<std::string>;
  EXPECT_EQ(attribute_value(body, "a").traversal, (Steps{"aws_iam_role", "this", "[0]", "arn"}));
  EXPECT_EQ(attribute_value(body, "b").traversal, (Steps{"local", "map", "[\"k\"]"}));
  EXPECT_EQ(attribute_value(body, "c").traversal, (Steps{"aws_instance", "web", "*", "id"}));
  EXPECT_EQ(attribute_value(body, "d").traversal, (Steps{"var", "list", "*", "name"}));
  EXPECT_EQ(attribute_value(body, "e").traversal,
            (Steps{"aws_sfn_state_machine", "API_SF_CRUD-tf_CF", "arn"}));
  EXPECT_EQ(attribute_value(body, "f").traversal, (Steps{"data", "x", "y", "[0]", "z"}));
  EXPECT_EQ(text_of(attribute_value(body, "a").span), "aws_iam_role.this[0].arn");
}

TEST(HclExpression, ReadsCallsOperatorsConditionalsAndForExpressions) {
  const Parsed parsed = parse_text(
      "a = provider::aws::arn_parse(var.arn).region\n"
      "b = concat(var.x, var.rest...)\n"
      "c = var.n > 0 && !var.off ? \"yes\" : \"no\"\n"
      "d = [for s in var.list : upper(s) if s != \"\"]\n"
      "e = { for k, v in var.map : k => v... }\n"
      "f = -1.5e3\n"
      "g = (1 + 2) * 3\n"
      "h = [true, false, null,]\n");
  ASSERT_TRUE(parsed.file.errors.empty()) << parsed.file.errors[0].message;
  const hcl::Body& body = parsed.file.body;
  const hcl::Expression& a = attribute_value(body, "a");
  EXPECT_EQ(a.kind, ExpressionKind::Other);  // an attribute of a call's result
  EXPECT_EQ(text_of(a.span), "provider::aws::arn_parse(var.arn).region");
  const hcl::Expression& b = attribute_value(body, "b");
  EXPECT_EQ(b.kind, ExpressionKind::Call);
  EXPECT_TRUE(b.expands_last_argument);
  EXPECT_EQ(b.items.size(), 2u);
  EXPECT_EQ(text_of(attribute_value(body, "c").span), "var.n > 0 && !var.off ? \"yes\" : \"no\"");
  EXPECT_EQ(attribute_value(body, "c").kind, ExpressionKind::Other);
  EXPECT_EQ(text_of(attribute_value(body, "d").span),
            "[for s in var.list : upper(s) if s != \"\"]");
  EXPECT_EQ(attribute_value(body, "d").kind, ExpressionKind::Other);
  EXPECT_EQ(text_of(attribute_value(body, "e").span), "{ for k, v in var.map : k => v... }");
  EXPECT_EQ(attribute_value(body, "f").kind, ExpressionKind::Number);
  EXPECT_EQ(attribute_value(body, "f").text, "-1.5e3");
  EXPECT_EQ(text_of(attribute_value(body, "g").span), "(1 + 2) * 3");
  const hcl::Expression& h = attribute_value(body, "h");
  EXPECT_EQ(h.kind, ExpressionKind::Tuple);
  ASSERT_EQ(h.items.size(), 3u);
  EXPECT_EQ(h.items[0].kind, ExpressionKind::Bool);
  EXPECT_EQ(h.items[2].kind, ExpressionKind::Null);

  const Parsed namespaced = parse_text("x = provider::aws::arn_parse(var.arn)\n");
  EXPECT_EQ(attribute_value(namespaced.file.body, "x").function, "provider::aws::arn_parse");
}

TEST(HclExpression, ReadsObjectKeysOfEveryForm) {
  const Parsed parsed = parse_text(
      "x = {\n"
      "  name = 1\n"
      "  \"quoted key\" = 2, colon: 3\n"
      "  (var.key) = 4\n"
      "  \"${var.p}_k\" = 5\n"
      "}\n");
  ASSERT_TRUE(parsed.file.errors.empty()) << parsed.file.errors[0].message;
  const hcl::Expression& x = attribute_value(parsed.file.body, "x");
  ASSERT_EQ(x.members.size(), 5u);
  EXPECT_EQ(x.members[0].key, "name");
  EXPECT_EQ(x.members[1].key, "quoted key");
  EXPECT_EQ(text_of(x.members[1].key_span), "\"quoted key\"");
  EXPECT_EQ(x.members[2].key, "colon");
  EXPECT_EQ(x.members[3].key, "(var.key)");
  EXPECT_EQ(x.members[4].key, "\"${var.p}_k\"");
  EXPECT_EQ(x.members[4].value.text, "5");
}

TEST(HclExpression, ReadsTheLocalsAndModuleFormOfTheSeedPattern) {
  const Parsed parsed = parse_text(
      "locals {\n"
      "  definition = <<SFN\n"
      "{\n"
      "  \"StartAt\": \"Pass State\",\n"
      "  \"States\": {\"Pass State\": {\"Type\": \"Pass\", \"End\": true}}\n"
      "}\n"
      "SFN\n"
      "}\n"
      "\n"
      "module \"step_function\" {\n"
      "  source = \"terraform-aws-modules/step-functions/aws\"\n"
      "\n"
      "  name       = \"MyStateMachine\"\n"
      "  definition = local.definition\n"
      "}\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  ASSERT_EQ(parsed.file.body.blocks.size(), 2u);
  const hcl::Block& locals = parsed.file.body.blocks[0];
  EXPECT_EQ(locals.type, "locals");
  EXPECT_TRUE(locals.labels.empty());
  const hcl::Expression& definition = attribute_value(locals.body, "definition");
  EXPECT_TRUE(definition.heredoc);
  EXPECT_EQ(definition.literal_text().find("\"StartAt\": \"Pass State\""), 4u);

  const hcl::Block& module = parsed.file.body.blocks[1];
  EXPECT_EQ(module.labels, (std::vector<std::string>{"step_function"}));
  EXPECT_EQ(attribute_value(module.body, "source").literal_text(),
            "terraform-aws-modules/step-functions/aws");
  const hcl::Expression& reference = attribute_value(module.body, "definition");
  EXPECT_EQ(reference.kind, ExpressionKind::Reference);
  EXPECT_EQ(reference.traversal, (std::vector<std::string>{"local", "definition"}));
}

// --- to_json

TEST(HclToJson, EncodesAnObjectAsJsonencodeWouldWithAnchors) {
  const Parsed parsed = parse_text(
      "definition = jsonencode({ StartAt = \"A\", States = { A = { Type = \"Pass\", End = true } "
      "} })\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  const hcl::Expression& call = attribute_value(parsed.file.body, "definition");
  ASSERT_EQ(call.function, "jsonencode");
  const hcl::MappedText json = hcl::to_json(call.items.at(0));
  EXPECT_EQ(json.text, R"({"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}})");
  ASSERT_FALSE(json.anchors.empty());
  EXPECT_EQ(json.anchors[0].sub_begin, 0u);
  EXPECT_EQ(file_offset_of(*parsed.source, json, 0), offset_of(*parsed.source, "{"));

  // The value "A" of StartAt, its quote and its letter.
  const std::size_t value = json.text.find("\"A\"");
  EXPECT_EQ(file_offset_of(*parsed.source, json, value), offset_of(*parsed.source, "\"A\""));
  EXPECT_EQ(file_offset_of(*parsed.source, json, value + 1),
            offset_of(*parsed.source, "\"A\"") + 1);
  // Keys map to their identifiers, true to its token.
  EXPECT_EQ(file_offset_of(*parsed.source, json, json.text.find("StartAt")),
            offset_of(*parsed.source, "StartAt"));
  EXPECT_EQ(file_offset_of(*parsed.source, json, json.text.find("Type")),
            offset_of(*parsed.source, "Type"));
  EXPECT_EQ(file_offset_of(*parsed.source, json, json.text.find("true")),
            offset_of(*parsed.source, "true"));
}

TEST(HclToJson, TurnsReferencesAndCallsIntoPlaceholderStrings) {
  const Parsed parsed = parse_text(
      "x = {\n"
      "  Resource = aws_lambda_function.x.arn\n"
      "  Name     = upper(\"a\")\n"
      "  Arn      = \"${aws_lambda_function.x.arn}:$LATEST\"\n"
      "  Seconds  = 30\n"
      "  List     = [1, \"two\", null]\n"
      "}\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  const hcl::MappedText json = hcl::to_json(attribute_value(parsed.file.body, "x"));
  EXPECT_EQ(json.text, R"({"Resource":"${aws_lambda_function.x.arn}","Name":"${upper(\"a\")}",)"
                       R"("Arn":"${aws_lambda_function.x.arn}:$LATEST","Seconds":30,)"
                       R"("List":[1,"two",null]})");
  const std::size_t placeholder = json.text.find("\"${aws");
  EXPECT_EQ(file_offset_of(*parsed.source, json, placeholder),
            offset_of(*parsed.source, "aws_lambda_function"));
  EXPECT_EQ(file_offset_of(*parsed.source, json, placeholder + 3),
            offset_of(*parsed.source, "aws_lambda_function"));
  EXPECT_EQ(file_offset_of(*parsed.source, json, json.text.find("LATEST")),
            offset_of(*parsed.source, "LATEST"));
  EXPECT_EQ(file_offset_of(*parsed.source, json, json.text.find("30")),
            offset_of(*parsed.source, "30"));
}

TEST(HclToJson, EscapesStringsAndKeepsTheirMapping) {
  const Parsed parsed = parse_text("x = { \"a b\" = \"q\\\"t\\n\", n = 007 }\n");
  ASSERT_TRUE(parsed.file.errors.empty());
  const hcl::MappedText json = hcl::to_json(attribute_value(parsed.file.body, "x"));
  EXPECT_EQ(json.text, R"({"a b":"q\"t\n","n":7})");
  EXPECT_EQ(file_offset_of(*parsed.source, json, json.text.find('t')),
            offset_of(*parsed.source, "t\\n"));
}

// --- Errors and recovery

TEST(HclErrors, ReportsAnUnclosedStringAndParsesTheNextBlock) {
  const Parsed parsed = parse_text(
      "resource \"a\" \"one\" {\n"
      "  name = \"never closed\n"
      "  kept = 1\n"
      "}\n"
      "resource \"a\" \"two\" {}\n");
  ASSERT_EQ(parsed.file.errors.size(), 1u);
  const hcl::SyntaxError& error = parsed.file.errors[0];
  EXPECT_NE(error.message.find("not closed"), std::string::npos) << error.message;
  EXPECT_EQ(error.span.begin, offset_of(*parsed.source, "\"never"));
  EXPECT_EQ(locate(error.span).begin.line, 2u);
  ASSERT_EQ(parsed.file.body.blocks.size(), 2u);
  EXPECT_EQ(attribute_value(parsed.file.body.blocks[0].body, "kept").text, "1");
  EXPECT_EQ(parsed.file.body.blocks[1].labels.at(1), "two");
}

TEST(HclErrors, ReportsAnUnclosedHeredocAndParsesTheNextBlock) {
  const Parsed parsed = parse_text(
      "resource \"aws_sfn_state_machine\" \"one\" {\n"
      "  definition = <<EOF\n"
      "{\"StartAt\": \"A\"}\n"
      "EOT\n"
      "}\n"
      "\n"
      "resource \"aws_sfn_state_machine\" \"two\" {\n"
      "  definition = file(\"x.json\")\n"
      "}\n");
  ASSERT_EQ(parsed.file.errors.size(), 1u);
  EXPECT_NE(parsed.file.errors[0].message.find("heredoc"), std::string::npos);
  EXPECT_EQ(text_of(parsed.file.errors[0].span), "<<EOF");
  ASSERT_EQ(parsed.file.body.blocks.size(), 2u);
  EXPECT_EQ(parsed.file.body.blocks[1].labels.at(1), "two");
  EXPECT_EQ(attribute_value(parsed.file.body.blocks[1].body, "definition").function, "file");
}

TEST(HclErrors, ReportsEveryUnclosedHeredocAndResumesAtTheNextItem) {
  const Parsed parsed = parse_text(
      "a = <<A\n"
      "text\n"
      "b = <<B\n"
      "c = 3\n");
  ASSERT_EQ(parsed.file.errors.size(), 2u);
  EXPECT_EQ(text_of(parsed.file.errors[0].span), "<<A");
  EXPECT_EQ(text_of(parsed.file.errors[1].span), "<<B");
  EXPECT_EQ(attribute_value(parsed.file.body, "c").text, "3");
}

TEST(HclErrors, ReportsAMissingBraceAndStillFindsTheNextTopLevelBlock) {
  const Parsed parsed = parse_text(
      "resource \"a\" \"one\" {\n"
      "  tags = { Name = \"x\" }\n"
      "\n"
      "resource \"a\" \"two\" {\n"
      "  nested {\n"
      "    v = 1\n"
      "  }\n"
      "}\n");
  ASSERT_EQ(parsed.file.errors.size(), 1u);
  EXPECT_NE(parsed.file.errors[0].message.find("missing '}'"), std::string::npos);
  EXPECT_EQ(parsed.file.errors[0].span.begin, offset_of(*parsed.source, "{"));
  ASSERT_EQ(parsed.file.body.blocks.size(), 2u);
  EXPECT_TRUE(parsed.file.body.blocks[0].body.blocks.empty());
  EXPECT_EQ(parsed.file.body.blocks[1].labels.at(1), "two");
  EXPECT_EQ(parsed.file.body.blocks[1].body.blocks.size(), 1u);
}

TEST(HclErrors, SkipsABrokenMultiLineValueByItsBrackets) {
  const Parsed parsed = parse_text(
      "x = jsonencode({\n"
      "  A = \"unclosed\n"
      "  B = [1, 2]\n"
      "})\n"
      "y = 2\n");
  ASSERT_EQ(parsed.file.errors.size(), 1u);
  EXPECT_EQ(parsed.file.body.find_attribute("x"), nullptr);
  EXPECT_EQ(attribute_value(parsed.file.body, "y").text, "2");
}

TEST(HclErrors, ReportsMisplacedTokensWithTheirSpan) {
  const Parsed parsed = parse_text("a = 1 b = 2\nc = @\nd = [1 2]\ne = \"\\q\"\nf = 4\n");
  ASSERT_EQ(parsed.file.errors.size(), 4u);
  EXPECT_EQ(text_of(parsed.file.errors[0].span), "b");
  EXPECT_EQ(text_of(parsed.file.errors[1].span), "@");
  EXPECT_EQ(text_of(parsed.file.errors[2].span), "2");
  EXPECT_EQ(text_of(parsed.file.errors[3].span), "\\q");
  EXPECT_EQ(attribute_value(parsed.file.body, "a").text, "1");
  EXPECT_EQ(attribute_value(parsed.file.body, "f").text, "4");
}

TEST(HclErrors, DeepNestingIsAnErrorNotACrash) {
  for (const char* open : {"[", "(", "{ a = ", "!", "\"${"}) {
    std::string text = "x = ";
    for (int k = 0; k < 100000; ++k)
      text += open;
    text += "\nresource \"a\" \"after\" {}\n";
    const Parsed parsed = parse_text(text);
    ASSERT_FALSE(parsed.file.errors.empty()) << open;
    EXPECT_NE(parsed.file.errors[0].message.find("nesting is deeper than 256"), std::string::npos)
        << open << ": " << parsed.file.errors[0].message;
    ASSERT_EQ(parsed.file.body.blocks.size(), 1u) << open;
    EXPECT_EQ(parsed.file.body.blocks[0].labels.at(1), "after");
  }
  std::string blocks;
  for (int k = 0; k < 100000; ++k)
    blocks += "b {\n";
  EXPECT_FALSE(parse_text(blocks).file.errors.empty());
}

TEST(HclErrors, NestingUpToTheLimitIsAccepted) {
  std::string text = "x = ";
  text += std::string(200, '[') + std::string(200, ']') + "\n";
  const Parsed parsed = parse_text(text);
  EXPECT_TRUE(parsed.file.errors.empty());
}

TEST(HclErrors, NeverCrashesOnAnyPrefixOfAFile) {
  const std::string text =
      "locals {\n"
      "  definition = <<-SFN\n"
      "    {\"StartAt\": \"${var.a}\", \"x\": \"$${y}\"}\n"
      "    SFN\n"
      "  j = jsonencode({ A = [1, -2.5e1, \"\\u00e9\\n\"], B = { for k, v in m : k => v } })\n"
      "  c = a ? b : c /* note */ # end\n"
      "}\n"
      "resource \"x\" \"y\" { z = f(a...) }\n";
  for (std::size_t length = 0; length <= text.size(); ++length) {
    const Parsed parsed = parse_text(std::string_view(text).substr(0, length));
    for (const hcl::SyntaxError& error : parsed.file.errors) {
      EXPECT_LE(error.span.begin, error.span.end);
      EXPECT_LE(error.span.end, length);
    }
  }
}

}  // namespace
}  // namespace wflint
