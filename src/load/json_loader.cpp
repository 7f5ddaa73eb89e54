// The only translation unit that includes simdjson.h: it is large, and compiling it once keeps
// the build fast.
#include "load/json_loader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstring>
#include <vector>

#include "load/json_syntax.h"
#include "load/tree_builder.h"

namespace wflint {

static_assert(kSourcePadding >= simdjson::SIMDJSON_PADDING);

bool is_valid_utf8(std::string_view text) {
  return simdjson::validate_utf8(text.data(), text.size());
}

namespace {

namespace od = simdjson::ondemand;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim_right(std::string_view token) {
  while (!token.empty() && is_space(token.back()))
    token.remove_suffix(1);
  return token;
}

// A value's token is always there; a document's may not be.
simdjson::simdjson_result<std::string_view> raw_token(od::value& value) {
  return value.raw_json_token();
}
simdjson::simdjson_result<std::string_view> raw_token(od::document& doc) {
  return doc.raw_json_token();
}

// Walks an On-Demand document once and feeds the tree builder. Iterative: open containers wait on
// an explicit stack, so no input can exhaust the call stack (nesting is bounded by
// TreeBuilder::kMaxDepth as well).
class JsonReader {
 public:
  JsonReader(const Source& source, od::document& doc, Document& document, TreeBuilder& builder)
      : source_(source), doc_(doc), document_(document), builder_(builder) {}

  bool read_root();
  // Where reading stopped, for the rare error the syntax scanner does not confirm.
  uint32_t stop_offset() const { return stop_offset_; }
  simdjson::error_code error() const { return error_; }
  bool stopped_by_builder() const { return stopped_by_builder_; }

 private:
  // An open object or array and where its iteration stands.
  struct Open {
    bool is_object = false;
    bool started = false;
    od::object_iterator member;
    od::object_iterator members_end;
    od::array_iterator element;
    od::array_iterator elements_end;
  };

  uint32_t offset_of(const char* p) const { return static_cast<uint32_t>(p - source_.data()); }
  bool fail(simdjson::error_code error) {
    error_ = error;
    const char* at = nullptr;
    if (!doc_.current_location().get(at)) stop_offset_ = offset_of(at);
    return false;
  }
  // Adds a scalar, or opens a container and pushes it.
  bool start_value(od::value value);
  // Moves the innermost open container one child on; closes it when it has no more.
  bool step();
  template <typename V>
  bool read_scalar(V& value, od::json_type type);
  // End offset of the container whose closing bracket was just consumed.
  uint32_t container_end() const;
  bool read_key(od::field& field);

  const Source& source_;
  od::document& doc_;
  Document& document_;
  TreeBuilder& builder_;
  std::vector<Open> open_;
  simdjson::error_code error_ = simdjson::SUCCESS;
  uint32_t stop_offset_ = 0;
  bool stopped_by_builder_ = false;
};

uint32_t JsonReader::container_end() const {
  const char* next = nullptr;
  std::size_t end = source_.size();
  if (!doc_.current_location().get(next)) end = static_cast<std::size_t>(next - source_.data());
  while (end > 0 && is_space(source_.data()[end - 1]))
    --end;
  return static_cast<uint32_t>(end);
}

bool JsonReader::read_key(od::field& field) {
  const char* raw = field.key().raw();
  const char* close = raw;
  bool escaped = false;
  while (*close != '"') {
    if (*close == '\\') {
      escaped = true;
      ++close;
    }
    ++close;
  }
  std::string_view key(raw, static_cast<std::size_t>(close - raw));
  if (escaped) {
    if (auto error = field.unescaped_key().get(key)) return fail(error);
    key = document_.keep(key);
  }
  builder_.key(key, offset_of(raw - 1), offset_of(close + 1));
  return true;
}

template <typename V>
bool JsonReader::read_scalar(V& value, od::json_type type) {
  std::string_view token;
  if (auto error = raw_token(value).get(token)) return fail(error);
  token = trim_right(token);
  const uint32_t begin = offset_of(token.data());
  const uint32_t end = begin + static_cast<uint32_t>(token.size());
  switch (type) {
    case od::json_type::string: {
      std::string_view text = token.substr(1, token.size() - 2);
      if (std::memchr(text.data(), '\\', text.size()) != nullptr) {
        if (auto error = value.get_string().get(text)) return fail(error);
        text = document_.keep(text);
      }
      builder_.scalar(NodeKind::String, text, begin, end);
      return true;
    }
    case od::json_type::number:
      if (!is_json_number(token)) return fail(simdjson::NUMBER_ERROR);
      builder_.scalar(NodeKind::Number, token, begin, end);
      return true;
    case od::json_type::boolean: {
      bool flag = false;
      if (auto error = value.get_bool().get(flag)) return fail(error);
      builder_.scalar(NodeKind::Bool, token, begin, end, flag);
      return true;
    }
    case od::json_type::null: {
      bool is_null = false;
      if (auto error = value.is_null().get(is_null)) return fail(error);
      if (!is_null) return fail(simdjson::N_ATOM_ERROR);
      builder_.scalar(NodeKind::Null, token, begin, end);
      return true;
    }
    default:
      return fail(simdjson::INCORRECT_TYPE);
  }
}

bool JsonReader::start_value(od::value value) {
  od::json_type type;
  if (auto error = value.type().get(type)) return fail(error);
  if (type != od::json_type::object && type != od::json_type::array) {
    return read_scalar(value, type);
  }
  const bool is_object = type == od::json_type::object;
  if (!builder_.open(is_object ? NodeKind::Object : NodeKind::Array,
                     offset_of(value.raw_json_token().data()))) {
    stopped_by_builder_ = true;
    return false;
  }
  Open open;
  open.is_object = is_object;
  if (is_object) {
    od::object object;
    if (auto error = value.get_object().get(object)) return fail(error);
    if (auto error = object.begin().get(open.member)) return fail(error);
    if (auto error = object.end().get(open.members_end)) return fail(error);
  } else {
    od::array array;
    if (auto error = value.get_array().get(array)) return fail(error);
    if (auto error = array.begin().get(open.element)) return fail(error);
    if (auto error = array.end().get(open.elements_end)) return fail(error);
  }
  open_.push_back(open);
  return true;
}

bool JsonReader::step() {
  Open& top = open_.back();
  // A child is consumed before its container moves on, as simdjson requires.
  if (top.started) {
    if (top.is_object) {
      ++top.member;
    } else {
      ++top.element;
    }
  }
  top.started = true;
  if (top.is_object ? top.member == top.members_end : top.element == top.elements_end) {
    open_.pop_back();
    builder_.close(container_end());
    return true;
  }
  if (top.is_object) {
    od::field field;
    if (auto error = (*top.member).get(field)) return fail(error);
    return read_key(field) && start_value(field.value());
  }
  od::value value;
  if (auto error = (*top.element).get(value)) return fail(error);
  return start_value(value);
}

bool JsonReader::read_root() {
  od::json_type type;
  if (auto error = doc_.type().get(type)) return fail(error);
  if (type != od::json_type::object && type != od::json_type::array) {
    // A scalar document: simdjson checks nothing after it, so look at the rest ourselves.
    if (!read_scalar(doc_, type)) return false;
    for (std::size_t i = builder_.last_end(); i < source_.size(); ++i) {
      if (!is_space(source_.data()[i])) return fail(simdjson::TRAILING_CONTENT);
    }
    return true;
  }
  od::value root;
  if (auto error = doc_.get_value().get(root)) return fail(error);
  if (!start_value(root)) return false;
  while (!open_.empty()) {
    if (!step()) return false;
  }
  const char* trailing = nullptr;
  if (!doc_.current_location().get(trailing)) return fail(simdjson::TRAILING_CONTENT);
  return true;
}

std::string_view describe(simdjson::error_code error) {
  switch (error) {
    case simdjson::NUMBER_ERROR:
      return "invalid number";
    case simdjson::STRING_ERROR:
      return "invalid string";
    case simdjson::UNCLOSED_STRING:
      return "string is not closed";
    case simdjson::TRAILING_CONTENT:
      return "unexpected content after the end of the JSON document";
    case simdjson::EMPTY:
      return "the file is empty: expected a JSON value";
    case simdjson::DEPTH_ERROR:
      return "nesting is too deep";
    default:
      return "invalid JSON";
  }
}

LoadProblem syntax_problem(const Source& source, uint32_t offset, uint32_t length,
                           std::string message, std::string help) {
  uint32_t end = std::min<uint32_t>(offset + length, static_cast<uint32_t>(source.size()));
  return LoadProblem{LoadProblem::Kind::Syntax,
                     Span{&source, offset, end},
                     std::move(message),
                     {},
                     std::move(help)};
}

// The exact position and a plain message for a document simdjson rejected.
LoadProblem diagnose(const Source& source, uint32_t start, simdjson::error_code error,
                     uint32_t stop_offset) {
  if (auto found = find_json_syntax_error(source.text(), start)) {
    return syntax_problem(source, static_cast<uint32_t>(found->offset),
                          static_cast<uint32_t>(found->length), std::move(found->message),
                          std::move(found->help));
  }
  return syntax_problem(source, stop_offset, 1, std::string(describe(error)), "");
}

thread_local od::parser tls_parser;

}  // namespace

LoadedDocument load_json(const Source& source, uint32_t start) {
  LoadedDocument loaded;
  loaded.document = std::make_unique<Document>(source, source.size() * 2);
  const std::size_t length = source.size() - start;
  od::document doc;
  auto error = tls_parser.iterate(source.data() + start, length, length + kSourcePadding).get(doc);
  if (error) {
    loaded.problems.push_back(diagnose(source, start, error, start));
    return loaded;
  }
  TreeBuilder builder(*loaded.document, loaded.problems);
  JsonReader reader(source, doc, *loaded.document, builder);
  if (!reader.read_root()) {
    if (!reader.stopped_by_builder()) {
      loaded.problems.push_back(diagnose(source, start, reader.error(), reader.stop_offset()));
    }
    return loaded;
  }
  loaded.document->set_root(builder.finish());
  return loaded;
}

}  // namespace wflint
