#include "load/yaml_loader.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <optional>
#include <streambuf>
#include <unordered_map>

#include "load/tree_builder.h"
#include "load/yaml_scalar.h"

namespace wflint {
namespace {

// An istream over the source bytes, without copying them.
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view bytes) {
    char* begin = const_cast<char*>(bytes.data());
    setg(begin, begin, begin + bytes.size());
  }
};

// Thrown by the handler to stop yaml-cpp once a document cannot be read further.
struct StopReading {};

class TreeHandler : public YAML::EventHandler {
 public:
  TreeHandler(const Source& source, uint32_t start, std::vector<LoadedDocument>& out)
      : source_(source), start_(start), out_(out) {}

  void OnDocumentStart(const YAML::Mark&) override;
  void OnDocumentEnd() override;
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override { close_container(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override { close_container(); }

  // Records a syntax error in the current document (or a new one) at `offset`.
  void syntax_error(uint32_t offset, std::string message);

 private:
  struct Container {
    bool is_map;
    bool flow;
    bool expecting_key;
    YAML::anchor_t anchor;
    uint32_t begin;
  };

  uint32_t offset_of(const YAML::Mark& mark) const {
    if (mark.pos < 0) return static_cast<uint32_t>(source_.size());
    return std::min<uint32_t>(start_ + static_cast<uint32_t>(mark.pos),
                              static_cast<uint32_t>(source_.size()));
  }
  bool in_flow() const { return !containers_.empty() && containers_.back().flow; }
  bool expecting_key() const {
    return !containers_.empty() && containers_.back().is_map && containers_.back().expecting_key;
  }
  // Called after every complete value: a map alternates between keys and values.
  void value_done(YAML::anchor_t anchor);
  void add_scalar(uint32_t begin, std::string_view tag, std::string_view value, bool null_event);
  void open_container(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                      YAML::EmitterStyle::value style, bool is_map);
  void close_container();
  void fail(Span span, std::string message, std::string help = {});
  std::string_view keep_tag(const std::string& tag);

  const Source& source_;
  uint32_t start_;
  std::vector<LoadedDocument>& out_;
  std::unique_ptr<TreeBuilder> builder_;
  std::vector<Container> containers_;
  std::unordered_map<YAML::anchor_t, const Node*> anchors_;
  std::optional<uint32_t> last_document_start_;
};

std::string_view TreeHandler::keep_tag(const std::string& tag) {
  if (tag.empty() || tag == "?" || tag == "!") return {};
  return out_.back().document->keep(tag);
}

void TreeHandler::OnDocumentStart(const YAML::Mark& mark) {
  // yaml-cpp 0.7 can loop forever on a stray flow indicator (",", "]", "}") in block context,
  // starting empty document after empty document without consuming it.
  const uint32_t begin = offset_of(mark);
  if (!out_.empty() && last_document_start_ == begin) {
    out_.pop_back();  // the empty document the stuck token produced
    const char c = begin < source_.size() ? source_.text()[begin] : ' ';
    syntax_error(begin, c > ' ' && c < 0x7F ? fmt::format("unexpected '{}' here", c)
                                            : std::string("unexpected character here"));
    throw StopReading{};
  }
  last_document_start_ = begin;
  LoadedDocument& loaded = out_.emplace_back();
  loaded.document = std::make_unique<Document>(source_, 4096);
  builder_ = std::make_unique<TreeBuilder>(*loaded.document, loaded.problems);
  containers_.clear();
  anchors_.clear();
}

void TreeHandler::OnDocumentEnd() {
  out_.back().document->set_root(builder_->finish());
  builder_.reset();
}

void TreeHandler::fail(Span span, std::string message, std::string help) {
  out_.back().problems.push_back(
      LoadProblem{LoadProblem::Kind::Syntax, span, std::move(message), {}, std::move(help)});
  throw StopReading{};
}

void TreeHandler::syntax_error(uint32_t offset, std::string message) {
  if (out_.empty() || !builder_) {
    LoadedDocument& loaded = out_.emplace_back();
    loaded.document = std::make_unique<Document>(source_, 0);
  }
  builder_.reset();
  uint32_t end = std::min<uint32_t>(offset + 1, static_cast<uint32_t>(source_.size()));
  out_.back().problems.push_back(LoadProblem{
      LoadProblem::Kind::Syntax, Span{&source_, offset, end}, std::move(message), {}, {}});
}

void TreeHandler::value_done(YAML::anchor_t anchor) {
  if (anchor != YAML::NullAnchor) anchors_[anchor] = builder_->keep_last_value();
  if (!containers_.empty() && containers_.back().is_map) containers_.back().expecting_key = true;
}

void TreeHandler::add_scalar(uint32_t begin, std::string_view tag, std::string_view value,
                             bool null_event) {
  const ScalarExtent extent = null_event && value.empty()
                                  ? ScalarExtent{begin, true, false}
                                  : yaml_scalar_extent(source_.text(), begin, value, in_flow());
  if (extent.unterminated) {
    fail(Span{&source_, begin, begin + 1}, "quoted string is not closed", "add the closing quote");
  }
  if (expecting_key()) {
    builder_->key(out_.back().document->keep(value), begin, extent.end);
    containers_.back().expecting_key = false;
    return;
  }
  const ScalarValue resolved = resolve_yaml_scalar(value, extent.plain && tag.empty(), null_event);
  builder_->scalar(resolved.kind, out_.back().document->keep(value), begin, extent.end,
                   resolved.bool_value, tag);
}

void TreeHandler::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  uint32_t begin = offset_of(mark);
  std::string_view text = null_literal_at(source_.text(), begin);
  if (text.empty()) begin = builder_->last_end();
  add_scalar(begin, {}, text, true);
  if (!expecting_key() || anchor != YAML::NullAnchor) value_done(anchor);
}

void TreeHandler::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                           const std::string& value) {
  const bool was_key = expecting_key();
  add_scalar(offset_of(mark), keep_tag(tag), value, false);
  if (!was_key) value_done(anchor);
}

void TreeHandler::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  const uint32_t at = offset_of(mark);
  auto found = anchors_.find(anchor);
  Span span{&source_, at, at + 1};
  if (found == anchors_.end() || found->second == nullptr) {
    fail(span, "alias refers to a value that contains it", "YAML aliases cannot be recursive");
  }
  const Node& target = *found->second;
  if (expecting_key()) {
    if (target.is_object() || target.is_array()) {
      fail(span, "a mapping or sequence used as a key is not supported");
    }
    builder_->key(target.text(), at, at + 1);
    containers_.back().expecting_key = false;
    return;
  }
  if (!builder_->add_copy(target, span)) throw StopReading{};
  value_done(YAML::NullAnchor);
}

void TreeHandler::open_container(const YAML::Mark& mark, const std::string& tag,
                                 YAML::anchor_t anchor, YAML::EmitterStyle::value style,
                                 bool is_map) {
  const uint32_t begin = offset_of(mark);
  if (expecting_key()) {
    fail(Span{&source_, begin, begin + 1}, "a mapping or sequence used as a key is not supported");
  }
  if (!builder_->open(is_map ? NodeKind::Object : NodeKind::Array, begin, keep_tag(tag))) {
    throw StopReading{};
  }
  containers_.push_back(Container{is_map, style == YAML::EmitterStyle::Flow, true, anchor, begin});
}

void TreeHandler::OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                                  YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
  open_container(mark, tag, anchor, style, false);
}

void TreeHandler::OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                             YAML::EmitterStyle::value style) {
  open_container(mark, tag, anchor, style, true);
}

void TreeHandler::close_container() {
  const Container container = containers_.back();
  containers_.pop_back();
  uint32_t end = std::max(builder_->last_end(), container.begin + 1);
  if (container.flow) end = flow_container_end(source_.text(), end);
  builder_->close(end);
  value_done(container.anchor);
}

// yaml-cpp's messages are terse; say what is wrong in words a user knows.
std::string plain_message(const std::string& message) {
  if (message == YAML::ErrorMsg::END_OF_MAP) {
    return "this line does not fit the mapping above it; check its indentation";
  }
  if (message == YAML::ErrorMsg::END_OF_SEQ) {
    return "this line does not fit the sequence above it; check its indentation";
  }
  if (message == YAML::ErrorMsg::END_OF_MAP_FLOW)
    return "expected ',' or '}' in this {...} mapping";
  if (message == YAML::ErrorMsg::END_OF_SEQ_FLOW)
    return "expected ',' or ']' in this [...] sequence";
  if (message == YAML::ErrorMsg::MAP_VALUE) return "unexpected ':' here; check the indentation";
  if (message == YAML::ErrorMsg::EOF_IN_SCALAR) {
    return "the file ends inside a quoted string; add the closing quote";
  }
  if (message == YAML::ErrorMsg::TAB_IN_INDENTATION) return "tabs cannot indent YAML; use spaces";
  if (message == YAML::ErrorMsg::UNKNOWN_ANCHOR)
    return "alias refers to an anchor that is not defined";
  return message;
}

// yaml-cpp reports a tab in the indentation as whatever structure error it causes.
bool indented_with_tab(std::string_view text, uint32_t offset) {
  const std::size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  const std::size_t line = newline == std::string_view::npos ? 0 : newline + 1;
  for (std::size_t i = line; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
    if (text[i] == '\t') return true;
  }
  return false;
}

// Where yaml-cpp stopped, as an offset of the file (its end when yaml-cpp does not say).
uint32_t offset_of(const YAML::Exception& error, const Source& source, uint32_t start) {
  const uint32_t offset = error.mark.is_null() ? static_cast<uint32_t>(source.size())
                                               : start + static_cast<uint32_t>(error.mark.pos);
  return std::min<uint32_t>(offset, static_cast<uint32_t>(source.size()));
}

}  // namespace

std::vector<LoadedDocument> load_yaml(const Source& source, uint32_t start) {
  std::vector<LoadedDocument> documents;
  MemoryBuffer buffer(source.text().substr(start));
  std::istream stream(&buffer);
  TreeHandler handler(source, start, documents);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(handler)) {
    }
  } catch (const StopReading&) {
    // The problem has been recorded where it was found.
  } catch (const YAML::DeepRecursion& error) {
    // yaml-cpp's own guard, which trips before the tree's depth limit on block nesting.
    handler.syntax_error(offset_of(error, source, start),
                         fmt::format("nesting is deeper than YAML's parser follows ({} levels); "
                                     "wflint stops reading here",
                                     error.depth()));
  } catch (const YAML::Exception& error) {
    const uint32_t offset = offset_of(error, source, start);
    handler.syntax_error(offset, indented_with_tab(source.text(), offset)
                                     ? "tabs cannot indent YAML; use spaces"
                                     : plain_message(error.msg));
  }
  return documents;
}

}  // namespace wflint
