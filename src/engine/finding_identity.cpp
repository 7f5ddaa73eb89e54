#include "engine/finding_identity.h"

#include <map>
#include <tuple>

namespace wflint {
namespace {

// The kind and name of `node` when it is a state or a step.
std::pair<Subject::Kind, std::string_view> subject_at(const Node& node) {
  const Node* parent = node.parent();
  if (!parent || !node.is_object()) return {};
  if (parent->is_object() && parent->has_key() && parent->key() == "States")
    return {Subject::Kind::State, node.key()};
  const bool in_step_list = parent->is_array() && parent->has_key() &&
                            (parent->key() == "mainSteps" || parent->key() == "Steps");
  if (in_step_list) {
    if (const Node* name = node.find("name"); name && name->is_string())
      return {Subject::Kind::Step, name->text()};
  }
  return {};
}

Subject subject_of(const Node& root, std::string_view pointer) {
  Subject found;
  const Node* node = &root;
  for (std::size_t at = 0; node && at < pointer.size() && pointer[at] == '/';) {
    const std::size_t end = std::min(pointer.find('/', at + 1), pointer.size());
    node = node->child_at(pointer.substr(at + 1, end - at - 1));
    at = end;
    if (!node) break;
    if (const auto [kind, name] = subject_at(*node); kind != Subject::Kind::None)
      found = Subject{kind, std::string(name), std::string(pointer.substr(0, end))};
  }
  return found;
}

// The first line of the text `span` underlines, its runs of blanks squeezed to one space.
std::string underlined_text(const Span& span) {
  if (!span.valid()) return {};
  const std::string_view text =
      span.source->text().substr(span.begin, span.end > span.begin ? span.end - span.begin : 0);
  std::string out;
  for (const char c : text.substr(0, text.find('\n'))) {
    const bool blank = c == ' ' || c == '\t' || c == '\r';
    if (!blank) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

// 64-bit FNV-1a: stable across platforms and releases, which std::hash is not.
class Fnv1a {
 public:
  void add(std::string_view text) {
    for (const char c : text) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ULL;
    }
    hash_ ^= 0xFF;  // a separator no UTF-8 text contains
    hash_ *= 0x100000001b3ULL;
  }
  uint64_t value() const { return hash_; }

 private:
  uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace

void name_subjects(const Node& root, std::span<Diagnostic> findings) {
  for (Diagnostic& finding : findings)
    finding.subject = subject_of(root, finding.pointer);
}

void assign_fingerprints(std::span<Diagnostic> findings) {
  std::map<std::tuple<std::string_view, std::string_view, std::string>, unsigned> seen;
  for (Diagnostic& finding : findings) {
    std::string text = underlined_text(finding.span);
    Fnv1a hash;
    hash.add(finding.rule_id);
    hash.add(finding.pointer);
    hash.add(text);
    const unsigned occurrence = seen[{finding.rule_id, finding.pointer, std::move(text)}]++;
    hash.add(std::to_string(occurrence));
    finding.fingerprint = hash.value();
  }
}

}  // namespace wflint
