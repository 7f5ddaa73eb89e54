#include "load/tree_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "support/string_index.h"

namespace wflint {

TreeBuilder::TreeBuilder(Document& document, std::vector<LoadProblem>& problems)
    : document_(document), problems_(problems) {
  frames_.push_back(Frame{NodeKind::Array, 0, 0, {}, {}});
}

void TreeBuilder::key(std::string_view decoded, uint32_t begin, uint32_t end) {
  pending_key_ = PendingKey{decoded, begin, end, true};
}

Node& TreeBuilder::push_node(NodeKind kind, uint32_t begin, uint32_t end, std::string_view tag) {
  Frame& frame = frames_.back();
  Node& node = scratch_.emplace_back();
  node.source_ = &document_.source();
  node.kind_ = kind;
  node.begin_ = begin;
  node.end_ = end;
  node.index_ = static_cast<uint32_t>(scratch_.size() - 1 - frame.first_child);
  node.tag_ = tag.data();
  node.tag_len_ = static_cast<uint8_t>(std::min<std::size_t>(tag.size(), UINT8_MAX));
  if (frame.kind == NodeKind::Object && pending_key_.set) {
    node.has_key_ = true;
    node.key_ = pending_key_.text.data();
    node.key_len_ = static_cast<uint32_t>(pending_key_.text.size());
    node.key_prefix_ = Node::prefix_of(pending_key_.text);
    node.key_begin_ = pending_key_.begin;
    node.key_end_ = pending_key_.end;
  }
  pending_key_ = {};
  last_end_ = end;
  return node;
}

void TreeBuilder::scalar(NodeKind kind, std::string_view text, uint32_t begin, uint32_t end,
                         bool bool_value, std::string_view tag) {
  Node& node = push_node(kind, begin, end, tag);
  node.text_ = text.data();
  node.text_len_ = static_cast<uint32_t>(text.size());
  node.bool_value_ = bool_value;
}

bool TreeBuilder::open(NodeKind kind, uint32_t begin, std::string_view tag) {
  if (depth() >= kMaxDepth) {
    problems_.push_back(LoadProblem{
        LoadProblem::Kind::Syntax,
        Span{&document_.source(), begin, begin + 1},
        fmt::format("nesting is deeper than {} levels; wflint stops reading here", kMaxDepth),
        {},
        "no workflow definition needs this depth; check that the file is not "
        "generated wrongly"});
    return false;
  }
  frames_.push_back(Frame{kind, begin, scratch_.size(), pending_key_, tag});
  pending_key_ = {};
  return true;
}

const Node* TreeBuilder::place_children(std::size_t first, std::size_t count) {
  if (count == 0) return nullptr;
  void* memory = document_.arena()->allocate(count * sizeof(Node), alignof(Node));
  auto* block = static_cast<Node*>(memory);
  std::memcpy(static_cast<void*>(block), &scratch_[first], count * sizeof(Node));
  for (std::size_t i = 0; i < count; ++i) {
    Node* grandchildren = const_cast<Node*>(block[i].children_);
    for (std::size_t k = 0; k < block[i].child_count_; ++k)
      grandchildren[k].parent_ = &block[i];
  }
  return block;
}

void TreeBuilder::close(uint32_t end) {
  Frame frame = frames_.back();
  frames_.pop_back();
  std::size_t count = scratch_.size() - frame.first_child;
  const Node* children = place_children(frame.first_child, count);
  scratch_.resize(frame.first_child);
  if (frame.kind == NodeKind::Object) report_duplicate_keys(children, count);
  pending_key_ = frame.key;
  Node& node = push_node(frame.kind, frame.begin, end, frame.tag);
  node.children_ = children;
  node.child_count_ = static_cast<uint32_t>(count);
}

void TreeBuilder::report_duplicate_keys(const Node* members, std::size_t count) {
  auto report = [&](const Node& first, const Node& again) {
    problems_.push_back(
        LoadProblem{LoadProblem::Kind::DuplicateKey,
                    again.key_span(),
                    fmt::format("key \"{}\" appears more than once in this object", again.key()),
                    {RelatedSpan{first.key_span(), "first defined here"}},
                    "AWS keeps only one of the values, silently; remove or rename one of them"});
  };
  constexpr std::size_t kLinearScanLimit = 16;
  if (count <= kLinearScanLimit) {
    for (std::size_t i = 1; i < count; ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (members[j].key() == members[i].key()) {
          report(members[j], members[i]);
          break;
        }
      }
    }
    return;
  }
  StringIndex first_index(count);
  for (std::size_t i = 0; i < count; ++i) {
    const uint32_t first = first_index.insert(members[i].key(), static_cast<uint32_t>(i));
    if (first != i) report(members[first], members[i]);
  }
}

const Node* TreeBuilder::keep_last_value() {
  if (scratch_.size() <= frames_.back().first_child) return nullptr;
  auto* copy = static_cast<Node*>(document_.arena()->allocate(sizeof(Node), alignof(Node)));
  std::memcpy(static_cast<void*>(copy), &scratch_.back(), sizeof(Node));
  return copy;
}

bool TreeBuilder::add_copy(const Node& value, Span at) {
  struct Item {
    const Node* node;
    std::size_t next_child;
  };
  std::vector<Item> stack;
  auto emit = [&](const Node& node) -> bool {
    if (++alias_nodes_ > kMaxAliasNodes) {
      problems_.push_back(LoadProblem{
          LoadProblem::Kind::Syntax,
          at,
          fmt::format("YAML aliases expand to more than {} values; wflint stops reading here",
                      kMaxAliasNodes),
          {},
          "this looks like an alias bomb (\"billion laughs\"); replace the aliases with plain "
          "values"});
      return false;
    }
    if (node.is_object() || node.is_array()) {
      if (!open(node.kind(), node.begin_, node.tag())) return false;
      stack.push_back(Item{&node, 0});
    } else {
      scalar(node.kind(), node.text(), node.begin_, node.end_, node.bool_value(), node.tag());
    }
    return true;
  };
  if (!emit(value)) return false;
  while (!stack.empty()) {
    Item& top = stack.back();
    if (top.next_child == top.node->size()) {
      uint32_t end = top.node->end_;
      stack.pop_back();
      close(end);
      continue;
    }
    const Node& child = top.node->children()[top.next_child++];
    if (child.has_key()) key(child.key(), child.key_begin_, child.key_end_);
    if (!emit(child)) return false;
  }
  return true;
}

const Node* TreeBuilder::finish() {
  while (frames_.size() > 1)
    close(last_end_);
  if (scratch_.empty()) return nullptr;
  const Node* root = place_children(scratch_.size() - 1, 1);
  const_cast<Node*>(root)->index_ = 0;
  scratch_.clear();
  return root;
}

}  // namespace wflint
