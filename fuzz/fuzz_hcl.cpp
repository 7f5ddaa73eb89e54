// The HCL subset Terraform files are written in: the parser, and the two ways a definition is
// taken out of an expression (template text with its map to the file, and jsonencode's JSON).
#include "fuzz_support.h"
#include "lang/hcl.h"

namespace {

using namespace wflint;

void require_inside_file(const Span& span, std::size_t file_size, const char* what) {
  fuzz::require(span.begin <= span.end, what);
  fuzz::require_inside(span.begin, span.end - span.begin, file_size, what);
}

void require_mapped_inside(const hcl::MappedText& mapped, std::size_t file_size) {
  for (const OffsetAnchor& anchor : mapped.anchors) {
    fuzz::require(anchor.sub_begin <= mapped.text.size(), "an anchor lies in the text");
    fuzz::require(anchor.host_begin <= file_size, "an anchor lies in the file");
  }
}

void visit(const hcl::Expression& expression, std::size_t file_size) {
  require_inside_file(expression.span, file_size, "an expression lies in the file");
  for (const hcl::TemplatePart& part : expression.parts)
    require_inside_file(part.span, file_size, "a template part lies in the file");
  for (const hcl::Expression& item : expression.items)
    visit(item, file_size);
  for (const hcl::ObjectMember& member : expression.members) {
    visit(member.key_expression, file_size);
    visit(member.value, file_size);
  }
  if (expression.kind == hcl::ExpressionKind::String)
    require_mapped_inside(hcl::template_text(expression), file_size);
  if (expression.kind == hcl::ExpressionKind::Object)
    require_mapped_inside(hcl::to_json(expression), file_size);
}

void visit(const hcl::Body& body, std::size_t file_size) {
  for (const hcl::Attribute& attribute : body.attributes) {
    require_inside_file(attribute.span, file_size, "an attribute lies in the file");
    visit(attribute.value, file_size);
  }
  for (const hcl::Block& block : body.blocks) {
    require_inside_file(block.span, file_size, "a block lies in the file");
    visit(block.body, file_size);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const auto source = Source::from_bytes("fuzz.tf", fuzz::as_text(data, size));
  const hcl::File file = hcl::parse(*source);
  for (const hcl::SyntaxError& error : file.errors)
    require_inside_file(error.span, size, "a syntax error lies in the file");
  visit(file.body, size);
  return 0;
}
