#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/source.h"

namespace wflint {

// CloudFormation templates often put a tagged block scalar on the line after its key:
//
//   DefinitionString:
//     !Sub |
//     {
//
// which is valid YAML (the content is indented more than the key) but which yaml-cpp rejects.
// Returns the text with each such tag moved up to its key's line ("DefinitionString: !Sub |"),
// and the anchors that map the new text back to the file; nothing when there is no such line.
struct JoinedTagLines {
  std::string text;
  std::vector<OffsetAnchor> anchors;
};
std::optional<JoinedTagLines> join_tag_lines(std::string_view text);

}  // namespace wflint
