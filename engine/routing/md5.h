#pragma once

#include <QtGlobal>

#include <array>
#include <string_view>

namespace partlab {

/**
 * MD5 (RFC 1321) of @p bytes: the 16-byte digest, first byte first. Wallaroo hashes partition
 * keys with it; written here from the RFC so routing needs no crypto dependency and no
 * allocation per key.
 */
std::array<quint8, 16> md5(std::string_view bytes);

} // namespace partlab
