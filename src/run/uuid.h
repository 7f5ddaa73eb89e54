#pragma once

#include <random>
#include <string>

namespace wflint::run {

// A version 4 UUID ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx") drawn from `random`: States.UUID,
// Lambda request ids. Seeded generators make runs reproducible.
std::string random_uuid(std::mt19937_64& random);

}  // namespace wflint::run
